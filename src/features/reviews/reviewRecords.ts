/**
 * Where the review state lives: the SharePoint list "Chefsache Protokolle" on the ISMS site, next
 * to the evidence list. One item for the booked series (Key "series") and one per occurrence with
 * minutes (Key "minutes:<UTC start>"), the state as validated JSON in Payload. Updates use the
 * item's ETag (If-Match), so a concurrent change is refused, not lost. Provisioning is idempotent.
 */
import { z } from 'zod';
import { GraphNotFoundError, LIST_NAMES, type ColumnDefinition, type GraphGateways, type ListItem, type ListItemsClient } from '../../graph';
import { AttendeeSchema, SeriesEndSchema } from './booking';
import { MinutesSchema, type Minutes } from './minutes';

export const REVIEW_LIST_NAME = LIST_NAMES.reviews;

export const REVIEW_COLUMNS: ColumnDefinition[] = [
  { name: 'RecordKey', displayName: 'Schlüssel', type: 'text', maxLength: 255, indexed: true, enforceUniqueValues: true, required: true },
  { name: 'RecordKind', displayName: 'Art', type: 'choice', choices: ['series', 'minutes'], indexed: true },
  { name: 'RecordStatus', displayName: 'Status', type: 'choice', choices: ['booked', 'cancelled', 'draft', 'signed'] },
  { name: 'Payload', displayName: 'Inhalt (JSON)', type: 'text', allowMultipleLines: true },
];

/** Every read names its fields: a column someone hid in SharePoint would otherwise come back without values. */
const RECORD_FIELDS = ['Title', ...REVIEW_COLUMNS.map((c) => c.name)];

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

function parsePayload<T>(item: ListItem, schema: z.ZodType<T>): T {
  const raw = item.fields.Payload;
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : '');
  } catch (cause) {
    throw new ReviewRecordError(`Review record ${item.id} ("${String(item.fields.RecordKey)}") holds no readable JSON.`, { cause });
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new ReviewRecordError(`Review record ${item.id} ("${String(item.fields.RecordKey)}") is invalid: ${result.error.message}`);
  return result.data;
}

export function createReviewRecords(graph: Pick<GraphGateways, 'sites' | 'lists' | 'listItems'>, siteUrl: string): ReviewRecords {
  let client: Promise<ListItemsClient | undefined> | undefined;

  const open = async (create: boolean): Promise<ListItemsClient | undefined> => {
    const site = await graph.sites.fromWebUrl(siteUrl);
    try {
      const list = await graph.lists.get(site.id, REVIEW_LIST_NAME);
      if (create) {
        const present = new Set((list.columns ?? []).map((c) => c.name.toLowerCase()));
        for (const column of REVIEW_COLUMNS) if (!present.has(column.name.toLowerCase())) await graph.lists.addColumn(site.id, list.id, column);
      }
      return graph.listItems.forList(site.id, list.id);
    } catch (error) {
      if (!(error instanceof GraphNotFoundError)) throw error;
      if (!create) return undefined;
      const list = await graph.lists.create(site.id, { displayName: REVIEW_LIST_NAME, description: 'Chefsache: Management-Reviews (Serie, Protokolle, Unterschriften)', columns: REVIEW_COLUMNS });
      return graph.listItems.forList(site.id, list.id);
    }
  };

  /** The list's client, opened once; a failed or empty lookup is forgotten so the next call tries again. */
  const items = (): Promise<ListItemsClient | undefined> => {
    client ??= open(false).then(
      (c) => {
        if (!c) client = undefined;
        return c;
      },
      (error: unknown) => {
        client = undefined;
        throw error;
      },
    );
    return client;
  };

  const byKey = async (key: string): Promise<ListItem | undefined> => {
    const c = await items();
    if (!c) return undefined;
    const found = await c.queryAll({ filter: `fields/RecordKey eq '${key.replace(/'/g, "''")}'`, select: RECORD_FIELDS });
    return found[0];
  };

  const save = async <T>(key: string, kind: 'series' | 'minutes', status: string, value: T, etag: string | undefined): Promise<Stored<T>> => {
    const c = await items();
    if (!c) throw new ReviewRecordError(`The list "${REVIEW_LIST_NAME}" does not exist yet: provision it first.`);
    const fields = { Title: key, RecordKey: key, RecordKind: kind, RecordStatus: status, Payload: JSON.stringify(value) };
    if (etag === undefined) {
      const created = await c.create(fields, { idempotencyKey: key });
      return { value, itemId: created.id, etag: created.etag };
    }
    const existing = await byKey(key);
    if (!existing) throw new ReviewRecordError(`The review record "${key}" disappeared.`);
    const updated = await c.updateFields(existing.id, fields, etag);
    return { value, itemId: existing.id, etag: updated.etag ?? (await c.get(existing.id)).etag };
  };

  return {
    provision: async () => {
      client = Promise.resolve(await open(true));
    },
    series: async () => {
      const item = await byKey(SERIES_KEY);
      return item ? { value: parsePayload(item, SeriesRecordSchema), itemId: item.id, etag: item.etag } : undefined;
    },
    saveSeries: (value, etag) => save(SERIES_KEY, 'series', value.cancelledAt ? 'cancelled' : 'booked', SeriesRecordSchema.parse(value), etag),
    allMinutes: async () => {
      const c = await items();
      if (!c) return [];
      const found = await c.queryAll({ filter: "fields/RecordKind eq 'minutes'", select: RECORD_FIELDS });
      return found.map((item) => ({ value: parsePayload(item, MinutesSchema), itemId: item.id, etag: item.etag }));
    },
    saveMinutes: (value, etag) => {
      const parsed = MinutesSchema.parse(value);
      const status = parsed.signature && parsed.signature.version === parsed.version ? 'signed' : 'draft';
      return save(minutesKey(parsed.occurrenceStart), 'minutes', status, parsed, etag);
    },
  };
}
