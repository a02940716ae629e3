import type { Migration } from './migration';

/**
 * Preferences the case book keeps for whoever uses it, one JSON value a key: first, how email
 * drafts are written (the sender's name, and whether they name the child's reference). They
 * live in the encrypted case book, not in settings.json, since a name is personal data.
 */
export const migration: Migration = {
  version: 7,
  name: 'preferences',
  up(db) {
    db.exec(`
      CREATE TABLE preferences (
        key TEXT PRIMARY KEY CHECK (key <> ''),
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
