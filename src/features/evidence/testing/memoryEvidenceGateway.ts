/**
 * An in-memory fake of the evidence gateway and the decision list: what SharePoint would keep (items
 * with ids and etags, files, decision records), nothing of the store's rules. The real store runs over
 * it (memoryEvidenceStore.ts), so dedupe, outbox and paging exist once. Test hooks simulate an outage,
 * tampering, a change by someone else, and an item broken by hand.
 */
import {
  EVIDENCE_SCHEMA_VERSION,
  GraphConflictError,
  GraphNotFoundError,
  GraphPreconditionFailedError,
  quickXorHash,
  RecordListMissingError,
  type EvidenceGateway, type EvidenceListQuery, type EvidenceLocation, type EvidenceReadResult, type RecordsGateway, type StoredFile } from '../../../graph';
import type { DecisionRecord, EvidenceIssue, Message, PersonRef, StoredEvidence } from '../../../domain';
import type { EvidenceQuery } from '../evidenceStore';
import { compareForQuery, matchesQuery } from '../queryEvidence';

export interface MemoryEvidenceBackend {
  gateway: EvidenceGateway;
  records: RecordsGateway;
  /** The signed-in user: SharePoint's createdBy of a decision record. */
  signedIn: PersonRef;
  setOffline(offline: boolean): void;
  tamper(id: string, bytes: Uint8Array): void;
  changeBehindTheScenes(id: string, change: Partial<StoredEvidence>): StoredEvidence;
  corrupt(id: string, reason: Message, fields?: Record<string, unknown>): void;
  all(): StoredEvidence[];
  readonly provisionCalls: number;
}

const SITE = 'memory';
const LOCATION: Omit<EvidenceLocation, 'siteUrl'> = {
  siteId: SITE,
  listId: 'memory-evidence',
  libraryId: 'memory-library',
  driveId: 'memory-drive',
  libraryWebUrl: 'https://memory.invalid/evidence',
  schemaVersion: EVIDENCE_SCHEMA_VERSION,
};

/** The one indexed condition the evidence gateway sends (evidenceQuery.ts): type, else date range, else status, else source. */
function graphCondition(query: EvidenceListQuery): EvidenceQuery {
  if (query.types?.length) return { types: query.types };
  if (query.effectiveFrom || query.effectiveTo) return { ...(query.effectiveFrom ? { effectiveFrom: query.effectiveFrom } : {}), ...(query.effectiveTo ? { effectiveTo: query.effectiveTo } : {}) };
  if (query.statuses?.length) return { statuses: query.statuses };
  if (query.sources?.length) return { sources: query.sources };
  return {};
}

const outage = () => new Error('Simulated outage (memory store offline).');
const answer = (status: number, code: string, message: string, url: string) => ({ status, code, message, method: 'GET', url: `memory://${url}` });
const notFound = (what: string) => new GraphNotFoundError(answer(404, 'itemNotFound', `No ${what}.`, what));
const conflict = (what: string) => new GraphConflictError(answer(409, 'nameAlreadyExists', `${what} exists.`, what));

export function createMemoryEvidenceBackend(options: { signedIn: PersonRef; initial?: readonly StoredEvidence[]; decisionList?: boolean }): MemoryEvidenceBackend {
  const items = new Map<string, StoredEvidence>();
  const writeIds = new Map<string, string>();
  const broken = new Map<string, { issues: EvidenceIssue[]; fields: Record<string, unknown> }>();
  const files = new Map<string, { file: StoredFile; bytes: Uint8Array }>();
  const decisions: DecisionRecord[] = [];
  let decisionList = options.decisionList === true;
  let nextId = 1;
  let nextVersion = 1;
  let offline = false;
  let provisionCalls = 0;

  const newEtag = (id: string) => `"mem-${id},${nextVersion++}"`;
  const copy = <T>(value: T): T => structuredClone(value);
  const read = (id: string): EvidenceReadResult => {
    const bad = broken.get(id);
    if (bad) return { ok: false, id, issues: copy(bad.issues), fields: copy(bad.fields) };
    const item = items.get(id);
    if (!item) throw notFound(`evidence item ${id}`);
    const writeId = writeIds.get(id);
    return { ok: true, record: copy(item), ...(writeId ? { writeId } : {}) };
  };
  const requireItem = (id: string) => {
    const item = items.get(id);
    if (!item) throw notFound(`evidence item ${id}`);
    return item;
  };

  for (const item of options.initial ?? []) {
    const id = item.id || String(nextId++);
    items.set(id, { ...copy(item), id, etag: item.etag || newEtag(id) });
    nextId = Math.max(nextId, Number(id) + 1 || nextId);
  }

  const fileOf = (itemId: string) => [...files.values()].find((f) => f.file.itemId === itemId);

  const gateway: EvidenceGateway = {
    async locate(siteUrl) {
      return { ...LOCATION, siteUrl };
    },
    async provision(siteUrl) {
      provisionCalls += 1;
      return { location: { ...LOCATION, siteUrl }, created: [], addedColumns: [], addedChoices: [] };
    },
    async createMany(_loc, writes) {
      if (offline) throw outage();
      return writes.map(({ item, writeId, contentItemId }) => {
        // SourceKey is a unique column: SharePoint refuses a second item with 409.
        if ([...items.values()].some((i) => i.sourceKey === item.sourceKey)) return { ok: false, error: conflict(`source key ${item.sourceKey}`) };
        const id = String(nextId++);
        items.set(id, { ...copy(item), id, etag: newEtag(id), ...(contentItemId ? { contentItemId } : {}) });
        if (writeId) writeIds.set(id, writeId);
        return { ok: true, value: read(id) };
      });
    },
    async findBySourceKeys(_loc, keys) {
      return new Map(keys.map((key) => {
        const found = [...items.values()].find((i) => i.sourceKey === key);
        return [key, found ? read(found.id) : undefined];
      }));
    },
    async get(_loc, id) {
      return read(id);
    },
    async query(_loc, request) {
      const { query, offset } = 'cursor' in request ? (JSON.parse(request.cursor) as { query: EvidenceListQuery; offset: number }) : { query: request, offset: 0 };
      // Like Graph: only the query's most selective indexed condition is evaluated here, the store checks the rest.
      const indexed = graphCondition(query);
      const matching = [...items.values()].filter((i) => !broken.has(i.id) && matchesQuery(i, indexed)).sort(compareForQuery(query.order));
      const page = matching.slice(offset, offset + query.top).map((i) => read(i.id));
      // Items broken by hand match no condition that could be checked: the first page reports them all.
      const unreadable = offset === 0 ? [...broken.keys()].map(read) : [];
      const next = offset + query.top;
      return { results: [...page, ...unreadable], ...(next < matching.length ? { cursor: JSON.stringify({ query, offset: next }) } : {}) };
    },
    async saveReview(_loc, id, reviewed, etag) {
      const current = requireItem(id);
      if (current.etag !== etag) throw new GraphPreconditionFailedError({ ...answer(412, 'preconditionFailed', 'The item changed.', `items/${id}`), resourceUrl: `memory://items/${id}`, sentETag: etag });
      const stored: StoredEvidence = { ...copy(reviewed), id, etag: newEtag(id), ...(current.contentItemId ? { contentItemId: current.contentItemId } : {}) };
      items.set(id, stored);
      return read(id);
    },
    async delta() {
      return { results: [...items.keys(), ...[...broken.keys()].filter((id) => !items.has(id))].map(read), removedIds: [], deltaLink: 'memory-delta' };
    },
    async uploadMany(_loc, list, conflictBehavior) {
      if (offline) throw outage();
      return list.map((f) => {
        let path = f.path;
        if (files.has(path)) {
          if (conflictBehavior === 'fail') return { ok: false, error: conflict(`file ${path}`) };
          path = `${path} (${files.size + 1})`;
        }
        const itemId = `file-${files.size + 1}`;
        const name = path.split('/').pop()!;
        // Linked as <library>/<file id>/<name as sent> (without the path's source-key prefix), as the memory store always did.
        const webUrl = `${LOCATION.libraryWebUrl}/${itemId}/${encodeURIComponent(name.replace(/^[0-9a-f]{16}-/, ''))}`;
        const file: StoredFile = { itemId, webUrl, name, size: f.bytes.length, quickXorHash: quickXorHash(f.bytes) };
        files.set(path, { file, bytes: f.bytes.slice() });
        return { ok: true, value: { ...file } };
      });
    },
    async fileByPath(_loc, path) {
      const found = files.get(path);
      if (!found) throw notFound(`file ${path}`);
      return { ...found.file };
    },
    async download(_loc, itemId) {
      const found = fileOf(itemId);
      if (!found) throw notFound(`stored file ${itemId}`);
      return found.bytes.slice();
    },
  };

  const backend: MemoryEvidenceBackend = {
    gateway,
    signedIn: options.signedIn,
    records: {
      async provision() {
        decisionList = true;
        return { created: [], addedColumns: [], addedChoices: [] };
      },
      async exists() {
        return decisionList;
      },
      async addDecision(siteUrl, input) {
        if (!decisionList) throw new RecordListMissingError('decisions', siteUrl);
        const who = backend.signedIn;
        const record: DecisionRecord = {
          id: String(decisions.length + 1),
          ...copy(input),
          createdBy: { ...(who.id ? { id: who.id } : {}), displayName: who.displayName, ...(who.upn ? { email: who.upn } : {}) },
          createdAt: new Date().toISOString(),
        };
        decisions.push(record);
        return copy(record);
      },
      async decisions(_siteUrl, itemId) {
        if (!decisionList) return { records: [], unreadable: [], missing: true };
        return { records: copy(decisions.filter((d) => itemId === undefined || d.evidenceItemId === itemId)), unreadable: [] };
      },
      async addSignature() {
        throw new Error('The memory evidence store keeps no signatures.');
      },
      async signatures() {
        return { records: [], unreadable: [] };
      },
    },
    setOffline(value) {
      offline = value;
    },
    tamper(id, bytes) {
      const item = requireItem(id);
      const found = item.contentItemId ? fileOf(item.contentItemId) : undefined;
      if (found) found.bytes = bytes.slice();
    },
    changeBehindTheScenes(id, change) {
      const changed: StoredEvidence = { ...requireItem(id), ...change, id, etag: newEtag(id) };
      items.set(id, changed);
      return copy(changed);
    },
    corrupt(id, reason, fields) {
      const item = requireItem(id);
      items.delete(id);
      broken.set(id, { issues: [{ path: '', key: 'invalid', message: reason }], fields: copy(fields ?? { Title: item.title }) });
    },
    all: () => [...items.values()].map(copy),
    get provisionCalls() {
      return provisionCalls;
    },
  };
  return backend;
}
