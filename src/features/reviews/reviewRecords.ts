/**
 * Where the review state lives: the SharePoint list "Chefsache Protokolle" on the ISMS site, next
 * to the evidence list. One record for the booked series (key "series") and one per occurrence with
 * minutes (key "minutes:<UTC start>"), the state as validated JSON. Updates use the item's ETag
 * (If-Match), so a concurrent change is refused, not lost. Provisioning is idempotent. The list itself
 * (columns, queries) is src/graph/records/reviewList.ts.
 */
import { z } from 'zod';
import { LIST_NAMES, openReviewList, type GraphGateways, type ReviewList, type ReviewRecordKind, type ReviewRowRead } from '../../graph';
import { AttendeeSchema, SeriesEndSchema } from './booking';
import { MinutesSchema, type Minutes } from './minutes';

const personSchema = z.object({ id: z.string().optional(), upn: z.string().min(3), displayName: z.string().min(1) });

export const SeriesRecordSchema = z.object({
  eventId: z.string().min(1),
  organizer: personSchema,
  joinUrl: z.string().optional(),
  firstDate: z.string(),
  time: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number().int().positive(),
  end: SeriesEndSchema,
  attendees: z.array(AttendeeSchema),
  bookedAt: z.string(),
  /** SHA-256 of the invitation body last written (to notice when open actions change). */
  agendaSha256: z.string().optional(),
  cancelledAt: z.string().optional(),
});
export type SeriesRecord = z.infer<typeof SeriesRecordSchema>;

export interface Stored<T> {
  value: T;
  itemId: string;
  etag: string;
}

export class ReviewRecordError extends Error {
  override readonly name = 'ReviewRecordError';
}

const SERIES_KEY = 'series';
export const minutesKey = (occurrenceStart: string) => `minutes:${new Date(occurrenceStart).toISOString()}`;

export interface ReviewRecords {
  /** Creates the list when missing and adds missing columns. */
  provision(): Promise<void>;
  series(): Promise<Stored<SeriesRecord> | undefined>;
  saveSeries(value: SeriesRecord, etag?: string): Promise<Stored<SeriesRecord>>;
  allMinutes(): Promise<Stored<Minutes>[]>;
  saveMinutes(value: Minutes, etag?: string): Promise<Stored<Minutes>>;
}

function parsePayload<T>(row: ReviewRowRead, schema: z.ZodType<T>): T {
  const raw = row.payload;
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : '');
  } catch (cause) {
    throw new ReviewRecordError(`Review record ${row.itemId} ("${row.key}") holds no readable JSON.`, { cause });
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new ReviewRecordError(`Review record ${row.itemId} ("${row.key}") is invalid: ${result.error.message}`);
  return result.data;
}

export function createReviewRecords(graph: Pick<GraphGateways, 'sites' | 'lists' | 'listItems'>, siteUrl: string): ReviewRecords {
  let list: Promise<ReviewList | undefined> | undefined;

  /** The list, opened once; a failed or empty lookup is forgotten so the next call tries again. */
  const items = (): Promise<ReviewList | undefined> => {
    list ??= openReviewList(graph, siteUrl).then(
      (l) => {
        if (!l) list = undefined;
        return l;
      },
      (error: unknown) => {
        list = undefined;
        throw error;
      },
    );
    return list;
  };

  const byKey = async (key: string): Promise<ReviewRowRead | undefined> => (await items())?.byKey(key);

  const save = async <T>(key: string, kind: ReviewRecordKind, status: 'booked' | 'cancelled' | 'draft' | 'signed', value: T, etag: string | undefined): Promise<Stored<T>> => {
    const l = await items();
    if (!l) throw new ReviewRecordError(`The list "${LIST_NAMES.reviews}" does not exist yet: provision it first.`);
    const row = { key, kind, status, payload: JSON.stringify(value) };
    if (etag === undefined) {
      const created = await l.create(row);
      return { value, itemId: created.itemId, etag: created.etag };
    }
    const existing = await byKey(key);
    if (!existing) throw new ReviewRecordError(`The review record "${key}" disappeared.`);
    const updated = await l.update(existing.itemId, row, etag);
    return { value, itemId: existing.itemId, etag: updated.etag };
  };

  return {
    provision: async () => {
      list = Promise.resolve(await openReviewList(graph, siteUrl, true));
    },
    series: async () => {
      const row = await byKey(SERIES_KEY);
      return row ? { value: parsePayload(row, SeriesRecordSchema), itemId: row.itemId, etag: row.etag } : undefined;
    },
    saveSeries: (value, etag) => save(SERIES_KEY, 'series', value.cancelledAt ? 'cancelled' : 'booked', SeriesRecordSchema.parse(value), etag),
    allMinutes: async () => {
      const l = await items();
      if (!l) return [];
      return (await l.byKind('minutes')).map((row) => ({ value: parsePayload(row, MinutesSchema), itemId: row.itemId, etag: row.etag }));
    },
    saveMinutes: (value, etag) => {
      const parsed = MinutesSchema.parse(value);
      const status = parsed.signature && parsed.signature.version === parsed.version ? 'signed' : 'draft';
      return save(minutesKey(parsed.occurrenceStart), 'minutes', status, parsed, etag);
    },
  };
}
