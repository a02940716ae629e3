import type { Migration } from './migration';

export const migration: Migration = {
  version: 1,
  name: 'organisations and homes',
  up(db) {
    db.exec(`
      CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('local_authority', 'provider', 'other')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        archived_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX organisations_name_kind ON organisations (lower(name), kind);

      CREATE TABLE homes (
        id TEXT PRIMARY KEY,
        provider_id TEXT NOT NULL REFERENCES organisations (id),
        name TEXT NOT NULL,
        ofsted_urn TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        archived_at TEXT
      ) STRICT;
      CREATE INDEX homes_provider ON homes (provider_id);
    `);
  },
};
