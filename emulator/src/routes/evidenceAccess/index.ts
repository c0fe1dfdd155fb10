/**
 * SharePoint permissions on Chefsache's evidence list and library, as a site owner would set
 * them: top management and the ISB read and write, auditors read only (even when they are in
 * another group too), everyone else has no access (the list is hidden from them).
 * The app's own role logic (src/domain/roles.ts) decides the same from the same groups; this
 * module makes the emulator enforce it on the server side, like SharePoint does.
 */
import type { EmulatorModule } from '../../module';
import { groupsOf } from '../identity/directory';
import { addListAccessRule, type ListAccessRequest } from '../sharepoint';

/** Names of the evidence list and library (src/graph/evidence/evidenceSchema.ts). */
export const EVIDENCE_LISTS: readonly string[] = ['Chefsache Nachweise', 'Chefsache Nachweisdokumente'];

const GROUPS = {
  editors: ['geschäftsführung', 'geschaeftsfuehrung', 'informationssicherheit'],
  readers: ['auditoren'],
};

type Access = 'edit' | 'read' | 'none';

function accessOf(request: ListAccessRequest): Access {
  const names = groupsOf(request.store, request.user.id).flatMap((g) => {
    const record = g as { displayName?: unknown; mailNickname?: unknown };
    return [record.displayName, record.mailNickname].filter((n): n is string => typeof n === 'string').map((n) => n.toLowerCase());
  });
  if (names.some((n) => GROUPS.readers.includes(n))) return 'read';
  if (names.some((n) => GROUPS.editors.includes(n))) return 'edit';
  return 'none';
}

export function evidenceListRule(request: ListAccessRequest): 'allow' | 'deny' | undefined {
  const name = request.list.data.displayName.toLowerCase();
  if (!EVIDENCE_LISTS.some((n) => n.toLowerCase() === name)) return undefined;
  const access = accessOf(request);
  if (access === 'edit') return 'allow';
  if (access === 'read') return request.operation === 'read' ? 'allow' : 'deny';
  return 'deny';
}

let installed = false;

export const emulatorModule: EmulatorModule = {
  name: 'evidenceAccess',
  register() {
    // The rule list is process-wide; several emulators in one process share one rule.
    if (installed) return;
    installed = true;
    addListAccessRule(evidenceListRule);
  },
};
