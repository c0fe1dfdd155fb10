/**
 * The emulator's persistent state: SQLite (better-sqlite3) in `<dataDir>/graph.sqlite`.
 *
 * - `store.collection<T>(name)`: JSON resources with ids, an optional parent id, a version
 *   counter (for ETags) and timestamps; every write appends to a change log (for delta).
 * - `store.blobs`: bytes by key (file contents).
 * - `store.generation`: a random id that changes on every wipe, so tokens that point into the
 *   change log (delta links) can tell they belong to an older state.
 * All calls are synchronous; wrap multi-step writes in `store.transaction(() => ...)`.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema';

export interface StoredResource<T> {
  id: string;
  parentId: string | null;
  data: T;
  /** Starts at 1, +1 on every update. */
  version: number;
  createdAt: string;
  modifiedAt: string;
  /** Change-log sequence number of the last write. */
  seq: number;
}

export interface Change {
  seq: number;
  id: string;
  parentId: string | null;
  kind: 'upsert' | 'delete';
  at: string;
}

export class StoreConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`Resource ${collection}/${id} already exists.`);
    this.name = 'StoreConflictError';
  }
}

export class StoreNotFoundError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`Resource ${collection}/${id} does not exist.`);
    this.name = 'StoreNotFoundError';
  }
}

/** Thrown by update/delete with `ifVersion` when the stored version differs. */
export class StoreVersionMismatchError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Resource ${collection}/${id} is at version ${actual}, not ${expected}.`);
    this.name = 'StoreVersionMismatchError';
  }
}

interface ResourceRow {
  id: string;
  parent_id: string | null;
  data: string;
  version: number;
  created_at: string;
  modified_at: string;
  seq: number;
}

function toResource<T>(row: ResourceRow): StoredResource<T> {
  return {
    id: row.id,
    parentId: row.parent_id,
    data: JSON.parse(row.data) as T,
    version: row.version,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    seq: row.seq,
  };
}

export interface InsertOptions {
  /** Default: a new GUID. */
  id?: string;
  parentId?: string | null;
  /** Default: now. Seeds use it to backdate resources. */
  at?: Date;
}

export interface UpdateOptions {
  /** Fail with StoreVersionMismatchError unless the stored version equals this. */
  ifVersion?: number;
  at?: Date;
}

export class Collection<T> {
  constructor(
    private readonly store: Store,
    readonly name: string,
  ) {}

  private get db(): Database.Database {
    return this.store.db;
  }

  get(id: string): StoredResource<T> | undefined {
    const row = this.store
      .sql('SELECT id, parent_id, data, version, created_at, modified_at, seq FROM resources WHERE collection = ? AND id = ?')
      .get(this.name, id) as ResourceRow | undefined;
    return row ? toResource<T>(row) : undefined;
  }

  /**
   * All resources (or those under one parent), in insertion order; `offset`/`limit` read one slice
   * only (a page of a large collection without parsing the rest).
   */
  list(filter: { parentId?: string | null; offset?: number; limit?: number } = {}): StoredResource<T>[] {
    const base = 'SELECT id, parent_id, data, version, created_at, modified_at, seq FROM resources WHERE collection = ?';
    const paged = filter.limit !== undefined || filter.offset !== undefined;
    const page = paged ? ' LIMIT ? OFFSET ?' : '';
    const pageArgs = paged ? [filter.limit === undefined ? -1 : Math.max(0, Math.floor(filter.limit)), Math.max(0, Math.floor(filter.offset ?? 0))] : [];
    const rows =
      filter.parentId === undefined
        ? this.store.sql(`${base} ORDER BY rowid${page}`).all(this.name, ...pageArgs)
        : filter.parentId === null
          ? this.store.sql(`${base} AND parent_id IS NULL ORDER BY rowid${page}`).all(this.name, ...pageArgs)
          : this.store.sql(`${base} AND parent_id = ? ORDER BY rowid${page}`).all(this.name, filter.parentId, ...pageArgs);
    return (rows as ResourceRow[]).map((r) => toResource<T>(r));
  }

  find(predicate: (data: T, resource: StoredResource<T>) => boolean, filter: { parentId?: string | null } = {}): StoredResource<T> | undefined {
    return this.list(filter).find((r) => predicate(r.data, r));
  }

  count(filter: { parentId?: string | null } = {}): number {
    const base = 'SELECT COUNT(*) AS n FROM resources WHERE collection = ?';
    const row =
      filter.parentId === undefined
        ? this.store.sql(base).get(this.name)
        : filter.parentId === null
          ? this.store.sql(`${base} AND parent_id IS NULL`).get(this.name)
          : this.store.sql(`${base} AND parent_id = ?`).get(this.name, filter.parentId);
    return (row as { n: number }).n;
  }

  insert(data: T, options: InsertOptions = {}): StoredResource<T> {
    const id = options.id ?? randomUUID();
    const at = (options.at ?? new Date()).toISOString();
    const parentId = options.parentId ?? null;
    return this.store.transaction(() => {
      if (this.get(id)) throw new StoreConflictError(this.name, id);
      const seq = this.store.logChange(this.name, id, parentId, 'upsert', at);
      this.store
        .sql('INSERT INTO resources (collection, id, parent_id, data, version, created_at, modified_at, seq) VALUES (?, ?, ?, ?, 1, ?, ?, ?)')
        .run(this.name, id, parentId, JSON.stringify(data), at, at, seq);
      return { id, parentId, data, version: 1, createdAt: at, modifiedAt: at, seq };
    });
  }

  /** Replaces the data with `mutate(current)`, bumps the version and logs a change. */
  update(id: string, mutate: (current: T, resource: StoredResource<T>) => T, options: UpdateOptions = {}): StoredResource<T> {
    return this.store.transaction(() => {
      const current = this.get(id);
      if (!current) throw new StoreNotFoundError(this.name, id);
      if (options.ifVersion !== undefined && options.ifVersion !== current.version) {
        throw new StoreVersionMismatchError(this.name, id, options.ifVersion, current.version);
      }
      const data = mutate(structuredClone(current.data), current);
      const at = (options.at ?? new Date()).toISOString();
      const seq = this.store.logChange(this.name, id, current.parentId, 'upsert', at);
      const version = current.version + 1;
      this.store
        .sql('UPDATE resources SET data = ?, version = ?, modified_at = ?, seq = ? WHERE collection = ? AND id = ?')
        .run(JSON.stringify(data), version, at, seq, this.name, id);
      return { ...current, data, version, modifiedAt: at, seq };
    });
  }

  /** Removes the resource and logs a delete. Returns what was removed, or undefined. */
  delete(id: string, options: { ifVersion?: number } = {}): StoredResource<T> | undefined {
    return this.store.transaction(() => {
      const current = this.get(id);
      if (!current) return undefined;
      if (options.ifVersion !== undefined && options.ifVersion !== current.version) {
        throw new StoreVersionMismatchError(this.name, id, options.ifVersion, current.version);
      }
      this.store.logChange(this.name, id, current.parentId, 'delete', new Date().toISOString());
      this.store.sql('DELETE FROM resources WHERE collection = ? AND id = ?').run(this.name, id);
      return current;
    });
  }

  /**
   * Changes after `sinceSeq` (exclusive), one per resource id (its latest), oldest first.
   * With `parentId`, only resources under that parent.
   */
  changesSince(sinceSeq: number, filter: { parentId?: string } = {}): Change[] {
    const rows = (
      filter.parentId === undefined
        ? this.store.sql('SELECT seq, id, parent_id, kind, at FROM changes WHERE collection = ? AND seq > ? ORDER BY seq').all(this.name, sinceSeq)
        : this.store
            .sql('SELECT seq, id, parent_id, kind, at FROM changes WHERE collection = ? AND seq > ? AND parent_id = ? ORDER BY seq')
            .all(this.name, sinceSeq, filter.parentId)
    ) as { seq: number; id: string; parent_id: string | null; kind: 'upsert' | 'delete'; at: string }[];
    const latest = new Map<string, Change>();
    for (const r of rows) {
      latest.delete(r.id);
      latest.set(r.id, { seq: r.seq, id: r.id, parentId: r.parent_id, kind: r.kind, at: r.at });
    }
    return [...latest.values()];
  }
}

export class BlobStore {
  constructor(private readonly store: Store) {}

  put(key: string, bytes: Buffer): void {
    this.store.sql('INSERT INTO blobs (key, bytes) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET bytes = excluded.bytes').run(key, bytes);
  }

  get(key: string): Buffer | undefined {
    const row = this.store.sql('SELECT bytes FROM blobs WHERE key = ?').get(key) as { bytes: Buffer } | undefined;
    return row?.bytes;
  }

  delete(key: string): boolean {
    return this.store.sql('DELETE FROM blobs WHERE key = ?').run(key).changes > 0;
  }
}

export const DEFAULT_DB_FILE = 'graph.sqlite';

export class Store {
  readonly blobs: BlobStore;
  private readonly collections = new Map<string, Collection<unknown>>();

  private readonly statements = new Map<string, Database.Statement>();

  private constructor(readonly db: Database.Database) {
    this.blobs = new BlobStore(this);
  }

  /** A prepared statement, compiled once per SQL text and reused. */
  sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Opens (or creates) `<dataDir>/graph.sqlite`. Use `":memory:"` as dataDir for a throwaway store. */
  static open(dataDir: string): Store {
    let db: Database.Database;
    if (dataDir === ':memory:') {
      db = new Database(':memory:');
    } else {
      mkdirSync(dataDir, { recursive: true });
      db = new Database(join(dataDir, DEFAULT_DB_FILE));
      db.pragma('journal_mode = WAL');
      // WAL with NORMAL sync stays consistent after a crash and skips an fsync per commit.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA_SQL);
    const store = new Store(db);
    const version = store.getMeta('schemaVersion');
    if (version !== undefined && Number(version) !== SCHEMA_VERSION) {
      db.close();
      throw new Error(`The emulator data in ${dataDir} has schema version ${version}, this emulator needs ${SCHEMA_VERSION}. Start it with --reset.`);
    }
    if (version === undefined) store.setMeta('schemaVersion', String(SCHEMA_VERSION));
    if (store.getMeta('generation') === undefined) store.setMeta('generation', randomUUID());
    return store;
  }

  collection<T>(name: string): Collection<T> {
    let c = this.collections.get(name);
    if (!c) {
      c = new Collection<unknown>(this, name);
      this.collections.set(name, c);
    }
    return c as Collection<T>;
  }

  transaction<R>(fn: () => R): R {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn)();
  }

  /** Changes on every wipe. Embed it in delta tokens to detect tokens from before a reset. */
  get generation(): string {
    return this.getMeta('generation') ?? '';
  }

  /** Highest change-log sequence number so far (0 when empty). */
  latestSeq(): number {
    const row = this.sql('SELECT MAX(seq) AS seq FROM changes').get() as { seq: number | null };
    return row.seq ?? 0;
  }

  getMeta(key: string): string | undefined {
    const row = this.sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** @internal used by Collection. */
  logChange(collection: string, id: string, parentId: string | null, kind: 'upsert' | 'delete', at: string): number {
    const result = this.sql('INSERT INTO changes (collection, id, parent_id, kind, at) VALUES (?, ?, ?, ?, ?)').run(collection, id, parentId, kind, at);
    return Number(result.lastInsertRowid);
  }

  /** Deletes every resource, change and blob; starts a new generation. Sequence numbers continue. */
  wipe(): void {
    this.transaction(() => {
      this.db.exec('DELETE FROM resources; DELETE FROM changes; DELETE FROM blobs; DELETE FROM meta;');
      this.setMeta('schemaVersion', String(SCHEMA_VERSION));
      this.setMeta('generation', randomUUID());
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
