/**
 * Decision and signature records on Graph: provisioning the two append-only lists, adding a record
 * (SharePoint sets createdBy/createdDateTime: the proof of who and when), reading them back as
 * domain records. Items whose fields do not validate come back as `unreadable` (never dropped).
 */
import { z } from 'zod';
import type { DecisionRecord, RecordAuthor, SignatureRecord } from '../../domain';
import type { ListDefinition, ListItem, SharePointList } from '../models';
import type { ListItemsClient } from '../gateways/listItems';
import type { ListItemsGateway } from '../gateways/listItems';
import type { ListsGateway } from '../gateways/lists';
import type { SitesGateway } from '../gateways/sites';
import { GraphNotFoundError } from '../pipeline';
import { odataString } from '../gateways/odata';
import { DECISION_COL, DECISION_LIST, MULTILINE_TEXT_MAX, SIGNATURE_COL, SIGNATURE_LIST } from './recordLists';

/** The decision or signature list does not exist: Chefsache's setup has not run on the site. */
export class RecordListMissingError extends Error {
  override readonly name = 'RecordListMissingError';
  constructor(readonly listName: string, readonly siteUrl: string) {
    super(`The list "${listName}" does not exist on ${siteUrl}: run Chefsache's setup first.`);
  }
}

export type RecordListKind = 'decisions' | 'signatures';
const DEFINITIONS: Record<RecordListKind, ListDefinition> = { decisions: DECISION_LIST, signatures: SIGNATURE_LIST };

export interface UnreadableRecord {
  id: string;
  reason: string;
  fields: Record<string, unknown>;
}

export interface RecordsRead<T> {
  records: T[];
  unreadable: UnreadableRecord[];
  /** The list does not exist (setup has not run): no records, and none could have been written. */
  missing?: true;
}

export type DecisionInput = Omit<DecisionRecord, 'id' | 'createdBy' | 'createdAt'>;
export type SignatureInput = Omit<SignatureRecord, 'id' | 'createdBy' | 'createdAt'>;

export interface RecordsProvisionReport {
  created: string[];
  addedColumns: string[];
}

export interface RecordsGateway {
  /** Creates the list when missing and adds missing columns; idempotent (setup calls it). */
  provision(siteUrl: string, kind: RecordListKind): Promise<RecordsProvisionReport>;
  /** False when the list does not exist (setup not run yet). */
  exists(siteUrl: string, kind: RecordListKind): Promise<boolean>;
  addDecision(siteUrl: string, input: DecisionInput): Promise<DecisionRecord>;
  /** Every decision, or those about one evidence item; empty when the list does not exist. */
  decisions(siteUrl: string, evidenceItemId?: string): Promise<RecordsRead<DecisionRecord>>;
  addSignature(siteUrl: string, input: SignatureInput): Promise<SignatureRecord>;
  signatures(siteUrl: string): Promise<RecordsRead<SignatureRecord>>;
}

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const text = z.string().nullish().transform((v) => (v ? v : undefined));

const decisionFields = z.object({
  [DECISION_COL.evidenceItemId]: z.string().min(1),
  [DECISION_COL.decision]: z.enum(['accepted', 'rejected']),
  [DECISION_COL.comment]: text,
  [DECISION_COL.contentSha256]: z.union([sha, z.literal('')]).nullish(),
  [DECISION_COL.itemDigest]: sha,
  [DECISION_COL.evidenceVersion]: text,
});

const signatureFields = z.object({
  [SIGNATURE_COL.occurrenceStart]: z.iso.datetime({ offset: true }),
  [SIGNATURE_COL.minutesVersion]: z.number().int().min(1),
  [SIGNATURE_COL.minutesSha256]: sha,
  [SIGNATURE_COL.pdfEvidenceId]: text,
  [SIGNATURE_COL.pdfSha256]: z.union([sha, z.literal('')]).nullish(),
  [SIGNATURE_COL.evidenceDigest]: sha,
  [SIGNATURE_COL.evidenceCount]: z.number().int().min(0),
  [SIGNATURE_COL.entries]: text,
});

const DECISION_SELECT = ['Title', ...Object.values(DECISION_COL)];
const SIGNATURE_SELECT = ['Title', ...Object.values(SIGNATURE_COL)];

function author(item: ListItem): RecordAuthor | undefined {
  const by = item.createdBy;
  if (!by?.id) return undefined;
  return { id: by.id, ...(by.displayName ? { displayName: by.displayName } : {}), ...(by.email ? { email: by.email } : {}) };
}

type Parsed<T> = { ok: true; record: T } | { ok: false; unreadable: UnreadableRecord };

function system(item: ListItem): { createdBy: RecordAuthor; createdAt: string } | string {
  const createdBy = author(item);
  if (!createdBy) return 'createdBy is missing';
  if (!item.createdDateTime) return 'createdDateTime is missing';
  return { createdBy, createdAt: item.createdDateTime };
}

export function toDecisionRecord(item: ListItem): Parsed<DecisionRecord> {
  const meta = system(item);
  const parsed = decisionFields.safeParse(item.fields);
  if (typeof meta === 'string' || !parsed.success) {
    return { ok: false, unreadable: { id: item.id, reason: typeof meta === 'string' ? meta : parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), fields: item.fields } };
  }
  const f = parsed.data;
  const record: DecisionRecord = {
    id: item.id,
    evidenceItemId: f.EvidenceItemId,
    decision: f.Decision,
    itemDigest: f.ItemDigest,
    ...meta,
  };
  if (f.Comment) record.comment = f.Comment;
  if (f.ContentSha256) record.contentSha256 = f.ContentSha256;
  if (f.EvidenceVersion) record.evidenceVersion = f.EvidenceVersion;
  return { ok: true, record };
}

export function toSignatureRecord(item: ListItem): Parsed<SignatureRecord> {
  const meta = system(item);
  const parsed = signatureFields.safeParse(item.fields);
  let entries: string[] | undefined;
  let problem = typeof meta === 'string' ? meta : parsed.success ? undefined : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  if (!problem && parsed.success && parsed.data.Entries) {
    try {
      entries = z.array(z.string()).parse(JSON.parse(parsed.data.Entries));
    } catch {
      problem = `${SIGNATURE_COL.entries}: not a JSON array of strings`;
    }
  }
  if (problem || typeof meta === 'string' || !parsed.success) return { ok: false, unreadable: { id: item.id, reason: problem ?? 'invalid', fields: item.fields } };
  const f = parsed.data;
  const record: SignatureRecord = {
    id: item.id,
    occurrenceStart: new Date(f.OccurrenceStart).toISOString(),
    minutesVersion: f.MinutesVersion,
    minutesSha256: f.MinutesSha256,
    evidenceDigest: f.EvidenceDigest,
    evidenceCount: f.EvidenceCount,
    ...meta,
  };
  if (entries) record.entries = entries;
  if (f.PdfEvidenceId) record.pdfEvidenceId = f.PdfEvidenceId;
  if (f.PdfSha256) record.pdfSha256 = f.PdfSha256;
  return { ok: true, record };
}

function collect<T>(items: readonly ListItem[], parse: (item: ListItem) => Parsed<T>): RecordsRead<T> {
  const out: RecordsRead<T> = { records: [], unreadable: [] };
  for (const item of items) {
    const result = parse(item);
    if (result.ok) out.records.push(result.record);
    else out.unreadable.push(result.unreadable);
  }
  return out;
}

export interface RecordsGatewayDeps {
  sites: SitesGateway;
  lists: ListsGateway;
  listItems: ListItemsGateway;
}

export function createRecordsGateway({ sites, lists, listItems }: RecordsGatewayDeps): RecordsGateway {
  const opened = new Map<string, Promise<ListItemsClient | undefined>>();

  async function find(siteUrl: string, kind: RecordListKind): Promise<{ siteId: string; list?: SharePointList }> {
    const site = await sites.fromWebUrl(siteUrl);
    try {
      return { siteId: site.id, list: await lists.get(site.id, DEFINITIONS[kind].displayName) };
    } catch (error) {
      if (error instanceof GraphNotFoundError) return { siteId: site.id };
      throw error;
    }
  }

  /** The list's client, looked up once per site; a missing list is looked up again next time. */
  function client(siteUrl: string, kind: RecordListKind): Promise<ListItemsClient | undefined> {
    const key = `${kind}|${siteUrl}`;
    let open = opened.get(key);
    if (!open) {
      open = find(siteUrl, kind).then(({ siteId, list }) => (list ? listItems.forList(siteId, list.id) : undefined));
      opened.set(key, open);
      open.then((c) => c ?? opened.delete(key), () => opened.delete(key));
    }
    return open;
  }

  async function required(siteUrl: string, kind: RecordListKind): Promise<ListItemsClient> {
    const c = await client(siteUrl, kind);
    if (!c) throw new RecordListMissingError(DEFINITIONS[kind].displayName, siteUrl);
    return c;
  }

  return {
    async provision(siteUrl, kind) {
      const definition = DEFINITIONS[kind];
      const { siteId, list } = await find(siteUrl, kind);
      opened.delete(`${kind}|${siteUrl}`);
      if (!list) {
        await lists.create(siteId, definition);
        return { created: [definition.displayName], addedColumns: [] };
      }
      const present = new Set((list.columns ?? []).map((c) => c.name.toLowerCase()));
      const addedColumns: string[] = [];
      for (const column of definition.columns) {
        if (present.has(column.name.toLowerCase())) continue;
        await lists.addColumn(siteId, list.id, column);
        addedColumns.push(column.name);
      }
      return { created: [], addedColumns };
    },

    exists: async (siteUrl, kind) => (await client(siteUrl, kind)) !== undefined,

    async addDecision(siteUrl, input) {
      const c = await required(siteUrl, 'decisions');
      const created = await c.create({
        Title: `${input.evidenceItemId}: ${input.decision}`,
        [DECISION_COL.evidenceItemId]: input.evidenceItemId,
        [DECISION_COL.decision]: input.decision,
        ...(input.comment ? { [DECISION_COL.comment]: input.comment } : {}),
        ...(input.contentSha256 ? { [DECISION_COL.contentSha256]: input.contentSha256 } : {}),
        [DECISION_COL.itemDigest]: input.itemDigest,
        ...(input.evidenceVersion ? { [DECISION_COL.evidenceVersion]: input.evidenceVersion } : {}),
      });
      const parsed = toDecisionRecord(created);
      if (!parsed.ok) throw new Error(`The decision record ${created.id} came back unreadable: ${parsed.unreadable.reason}`);
      return parsed.record;
    },

    async decisions(siteUrl, evidenceItemId) {
      const c = await client(siteUrl, 'decisions');
      if (!c) return { records: [], unreadable: [], missing: true };
      const items = await c.queryAll({
        select: DECISION_SELECT,
        ...(evidenceItemId ? { filter: `fields/${DECISION_COL.evidenceItemId} eq ${odataString(evidenceItemId)}` } : {}),
      });
      return collect(items, toDecisionRecord);
    },

    async addSignature(siteUrl, input) {
      const c = await required(siteUrl, 'signatures');
      const entries = input.entries ? JSON.stringify(input.entries) : undefined;
      const created = await c.create({
        Title: `${input.occurrenceStart} v${input.minutesVersion}`,
        [SIGNATURE_COL.occurrenceStart]: input.occurrenceStart,
        [SIGNATURE_COL.minutesVersion]: input.minutesVersion,
        [SIGNATURE_COL.minutesSha256]: input.minutesSha256,
        ...(input.pdfEvidenceId ? { [SIGNATURE_COL.pdfEvidenceId]: input.pdfEvidenceId } : {}),
        ...(input.pdfSha256 ? { [SIGNATURE_COL.pdfSha256]: input.pdfSha256 } : {}),
        [SIGNATURE_COL.evidenceDigest]: input.evidenceDigest,
        [SIGNATURE_COL.evidenceCount]: input.evidenceCount,
        ...(entries && entries.length <= MULTILINE_TEXT_MAX ? { [SIGNATURE_COL.entries]: entries } : {}),
      });
      const parsed = toSignatureRecord(created);
      if (!parsed.ok) throw new Error(`The signature record ${created.id} came back unreadable: ${parsed.unreadable.reason}`);
      return parsed.record;
    },

    async signatures(siteUrl) {
      const c = await client(siteUrl, 'signatures');
      if (!c) return { records: [], unreadable: [], missing: true };
      return collect(await c.queryAll({ select: SIGNATURE_SELECT }), toSignatureRecord);
    },
  };
}
