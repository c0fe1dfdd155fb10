/** SQLite schema of the emulator store. One generic resource table, a change log and blobs. */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS resources (
  collection  TEXT    NOT NULL,
  id          TEXT    NOT NULL,
  parent_id   TEXT,
  data        TEXT    NOT NULL,
  version     INTEGER NOT NULL,
  created_at  TEXT    NOT NULL,
  modified_at TEXT    NOT NULL,
  seq         INTEGER NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE INDEX IF NOT EXISTS resources_parent ON resources (collection, parent_id);
CREATE TABLE IF NOT EXISTS changes (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  collection TEXT NOT NULL,
  id         TEXT NOT NULL,
  parent_id  TEXT,
  kind       TEXT NOT NULL CHECK (kind IN ('upsert', 'delete')),
  at         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_collection ON changes (collection, seq);
CREATE TABLE IF NOT EXISTS blobs (
  key   TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
);
`;
