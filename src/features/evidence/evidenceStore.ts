/**
 * The evidence store's contract (issue 3). Every piece of evidence is an item in the customer's
 * SharePoint list, its content a file in the site's document library, with SHA-256 and source ids.
 * Domain types in and out; Graph stays inside src/graph. Features (Outlook capture, management
 * reviews, ISB panel) depend on this interface only, so they can be tested against a fake.
 */
import type { RecordLabelOutcome, RecordLabelStatus } from './recordLabel';
import type { ClauseId, DecisionRecord, EvidenceItem, EvidenceSource, EvidenceTypeId, Message, PersonRef, ReviewStatus, StoredEvidence } from '../../domain';

/** The bytes to keep as the evidence's content (mail snapshot, transcript, PDF, upload). */
export interface EvidenceContent {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * What a capture needs. `capturedAt`, `capturedBy`, the content's link, hashes and size, review
 * fields and `expiresAt` are filled by the store.
 */
export type CaptureInput = Omit<
  EvidenceItem,
  | 'id'
  | 'capturedAt'
  | 'capturedBy'
  | 'contentUrl'
  | 'contentSha256'
  | 'contentSentSha256'
  | 'contentSize'
  | 'contentQuickXorHash'
  | 'reviewStatus'
  | 'reviewer'
  | 'reviewedAt'
  | 'reviewComment'
  | 'expiresAt'
> & { content?: EvidenceContent };

/** A stored item with what the store needs to change it safely (one type, defined in the domain). */
export type { StoredEvidence };

export type CaptureResult =
  | { status: 'created'; item: StoredEvidence }
  /** Same source key captured before: the existing item, nothing written. */
  | { status: 'existing'; item: StoredEvidence }
  /** The store could not be reached after retries: kept in the local outbox, retried later. */
  | { status: 'queued'; outboxId: string; sourceKey: string };

export interface Progress {
  done: number;
  total: number;
}
export type ProgressListener = (progress: Progress) => void;

export interface CaptureOptions {
  /** Bytes of the content stored so far (`done` of `total`); large files go up in fragments. */
  onUploadProgress?: ProgressListener;
}

export interface EvidenceQuery {
  types?: EvidenceTypeId[];
  statuses?: ReviewStatus[];
  clause?: ClauseId;
  sources?: EvidenceSource[];
  /** Inclusive ISO 8601 bounds on the effective date. */
  effectiveFrom?: string;
  effectiveTo?: string;
  /** Default: newest effective date first. */
  order?: 'effectiveDateDesc' | 'effectiveDateAsc';
  pageSize?: number;
  /** From a previous page. */
  cursor?: string;
}

/**
 * A list item whose fields fail validation (edited or broken outside Chefsache). It is never
 * dropped: the panel and the binder show it as "unreadable" with the reason and its raw fields.
 */
export interface UnreadableEvidence {
  id: string;
  /** Why it cannot be read (keys `validation.*`, translated where shown). */
  reason: Message;
  /** The item's fields as SharePoint returned them. Untrusted: shown as text only. */
  fields: Record<string, unknown>;
}

export interface EvidencePage {
  items: StoredEvidence[];
  /** Items on the pages read that fail validation (the query's own conditions cannot be checked on them). */
  unreadable?: UnreadableEvidence[];
  cursor?: string;
}

export type ReviewDecision =
  | { status: 'accepted'; comment?: string }
  | { status: 'rejected'; comment: string };

/** A review lost a race: someone changed the item first. Carries the current version. */
export interface ReviewConflict {
  mine: ReviewDecision;
  current: StoredEvidence;
}

export interface VerifyResult {
  id: string;
  title: string;
  ok: boolean;
  expectedSha256?: string;
  actualSha256?: string;
  /** Set when the content could not be read at all (deleted file, no access). */
  problem?: string;
}

export interface OutboxEntry {
  id: string;
  sourceKey: string;
  title: string;
  queuedAt: string;
  attempts: number;
  lastError: string;
  /** The Graph pipeline's error kind of the last attempt (`serviceUnavailable`, `forbidden`, …), when it came from Graph. */
  errorKind?: string;
  /**
   * The last attempt failed for a reason waiting does not heal (refused input, no rights): the
   * automatic retry leaves it alone until the user tries again or discards it.
   */
  failed?: boolean;
}

export interface EvidenceStore {
  /** Creates the list and the library when missing; adds missing columns; idempotent. */
  provision(): Promise<void>;
  capture(input: CaptureInput, options?: CaptureOptions): Promise<CaptureResult>;
  captureMany(inputs: readonly CaptureInput[], onProgress?: ProgressListener): Promise<CaptureResult[]>;
  query(query?: EvidenceQuery): Promise<EvidencePage>;
  get(id: string): Promise<StoredEvidence>;
  findBySourceKey(sourceKey: string): Promise<StoredEvidence | undefined>;
  /**
   * Accept or reject. Writes the decision record first (decision list: SharePoint's createdBy is
   * the proof of who decided), then the item's review fields as a display cache. Throws
   * ReviewConflictError (carrying a ReviewConflict) on a stale etag, before anything is written.
   */
  review(id: string, etag: string, decision: ReviewDecision, reviewer: PersonRef): Promise<StoredEvidence>;
  /**
   * The decision records (of one item, or all); undefined when the decision list does not exist yet
   * (setup has not run): then no trusted review state can be told.
   */
  decisions(itemId?: string): Promise<DecisionRecord[] | undefined>;
  /**
   * Applies the record label setup configured (if any) to the item's file: after an acceptance and to signed
   * minutes. Never throws: a refusal (e.g. Sites.FullControl.All not consented) comes back as `notApplied`.
   */
  applyRecordLabel?(item: Pick<StoredEvidence, 'contentItemId'>): Promise<RecordLabelOutcome>;
  /** Whether a record label is configured, and how many of these files carry it (the dashboard's label status). */
  recordLabelStatus?(files: readonly Pick<StoredEvidence, 'contentItemId'>[]): Promise<RecordLabelStatus>;
  /** Brings the local cache up to date (list-item delta) and returns every item. */
  sync(onProgress?: ProgressListener): Promise<StoredEvidence[]>;
  /** The items the last sync could not read (kept with the local cache, updated by every delta round). */
  unreadable(): Promise<UnreadableEvidence[]>;
  /** Downloads the stored content. */
  content(item: StoredEvidence): Promise<Uint8Array>;
  /** Recomputes hashes of stored content; all items when no ids are given. */
  verify(ids?: readonly string[], onProgress?: ProgressListener): Promise<VerifyResult[]>;
  outbox: {
    list(): Promise<OutboxEntry[]>;
    /** Retries every waiting capture (not those that failed for good); returns what is still waiting. */
    flush(): Promise<OutboxEntry[]>;
    /** Tries one entry again now (also one that failed for good). */
    retry(id: string): Promise<void>;
    /** Removes an entry for good: only on the user's word. */
    discard(id: string): Promise<void>;
    /** Called after the outbox changed (a capture queued, a retry done); returns an unsubscribe. */
    subscribe?(listener: () => void): () => void;
  };
}
