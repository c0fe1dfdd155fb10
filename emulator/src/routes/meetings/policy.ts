/**
 * Teams meeting artifact rules the service applies on top of permissions.
 *
 * - Transcripts: a tenant administrator can turn off Graph API access to transcripts; List
 *   transcripts (and the content) then answer 403 Forbidden with innerError code
 *   GraphAccessToTranscriptsDisabled, and no request changes that ("List transcripts",
 *   https://learn.microsoft.com/en-us/graph/api/onlinemeeting-list-transcripts, Error responses).
 *   Admin switch: PUT /_admin/meetings/transcript-access `{ graphAccess: 'disabled' | 'enabled',
 *   organizer?: upn | alias | id }` — without `organizer` for the whole tenant, with it for the
 *   meetings that person organizes (a policy assigned to one organizer).
 * - Attendance reports: List returns only up to 50 of the most recent reports ("List
 *   meetingAttendanceReports", https://learn.microsoft.com/en-us/graph/api/meetingattendancereport-list),
 *   and reports fall under Teams' one-year retention from the meeting date ("meetingAttendanceReport
 *   resource type", https://learn.microsoft.com/en-us/graph/api/resources/meetingattendancereport).
 */
import type { BaseContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { ok } from '../../http/response';
import type { PlainRoute } from '../../module';
import type { Store, StoredResource } from '../../store/store';
import { findUser } from '../identity/directory';
import type { StoredAttendanceReport } from './model';

const POLICIES = 'meetings.transcriptAccess';
const TENANT_WIDE = 'tenant';

/** The most reports List meetingAttendanceReports returns. */
export const ATTENDANCE_REPORT_LIST_LIMIT = 50;
/** Attendance reports are kept one year from the meeting date. */
export const ATTENDANCE_REPORT_RETENTION_MS = 365 * 24 * 3_600_000;

const policies = (store: Store) => store.collection<{ graphAccessDisabled: boolean }>(POLICIES);

export function transcriptsDisabledError(): GraphError {
  return new GraphError(403, 'Forbidden', 'Graph API access to transcripts is disabled for this tenant.', {}, 'GraphAccessToTranscriptsDisabled');
}

/** Throws the documented 403 when Graph access to the organizer's transcripts is switched off. */
export function assertTranscriptAccess(store: Store, organizerId: string): void {
  for (const id of [TENANT_WIDE, organizerId]) {
    if (policies(store).get(id)?.data.graphAccessDisabled) throw transcriptsDisabledError();
  }
}

export function isRetained(report: StoredAttendanceReport, now: Date): boolean {
  return Date.parse(report.meetingStartDateTime) > now.getTime() - ATTENDANCE_REPORT_RETENTION_MS;
}

/** What List meetingAttendanceReports shows: retained reports, the 50 most recent, newest first. */
export function listedReports<T extends StoredResource<StoredAttendanceReport>>(all: readonly T[], now: Date): T[] {
  return all
    .filter((r) => isRetained(r.data, now))
    .sort((a, b) => Date.parse(b.data.meetingStartDateTime) - Date.parse(a.data.meetingStartDateTime))
    .slice(0, ATTENDANCE_REPORT_LIST_LIMIT);
}

export const transcriptAccessAdmin: PlainRoute = {
  method: 'PUT',
  path: '/meetings/transcript-access',
  handler: (ctx: BaseContext) => {
    const input = (ctx.body ?? {}) as { graphAccess?: unknown; organizer?: unknown };
    if (input.graphAccess !== 'disabled' && input.graphAccess !== 'enabled') {
      throw new GraphError(400, 'BadRequest', "graphAccess must be 'disabled' or 'enabled'.");
    }
    let id = TENANT_WIDE;
    if (input.organizer !== undefined) {
      const name = String(input.organizer);
      const user = findUser(ctx.store, name.includes('@') || /^[0-9a-f-]{36}$/i.test(name) ? name : `${name}@${ctx.tenant.domain}`);
      if (!user?.id) throw new GraphError(400, 'BadRequest', `Unknown organizer '${name}'.`);
      id = user.id;
    }
    const disabled = input.graphAccess === 'disabled';
    if (policies(ctx.store).get(id)) policies(ctx.store).update(id, () => ({ graphAccessDisabled: disabled }));
    else policies(ctx.store).insert({ graphAccessDisabled: disabled }, { id });
    return ok({ scope: id === TENANT_WIDE ? 'tenant' : id, graphAccess: input.graphAccess });
  },
};
