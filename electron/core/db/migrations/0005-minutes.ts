import type { Migration } from './migration';

/**
 * Minutes: each version's prose, its fixed canonical content and fingerprint once locked, the
 * signatures given against that fingerprint, the sealed PDF; the installation's signing
 * identities; minutes received from other organisations; and an append-only audit log in
 * which each entry carries the hash of the one before.
 */
export const migration: Migration = {
  version: 5,
  name: 'minutes: versions, signatures, seals, received minutes and the audit log',
  up(db) {
    db.exec(`
      ALTER TABLE minutes ADD COLUMN prose TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(prose));
      ALTER TABLE minutes ADD COLUMN canonical TEXT;
      ALTER TABLE minutes ADD COLUMN fingerprint TEXT;
      ALTER TABLE minutes ADD COLUMN locked_at TEXT;
      ALTER TABLE minutes ADD COLUMN sealed_at TEXT;
      ALTER TABLE minutes ADD COLUMN sealed_pdf BLOB;
      ALTER TABLE minutes ADD COLUMN sealed_by TEXT;
      ALTER TABLE minutes ADD COLUMN amends_id TEXT REFERENCES minutes (id);

      CREATE TABLE signatures (
        id TEXT PRIMARY KEY,
        minutes_id TEXT NOT NULL REFERENCES minutes (id),
        side TEXT NOT NULL CHECK (side IN ('commissioner', 'provider', 'facilitator', 'other')),
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        image TEXT,
        statement TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        signed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX signatures_minutes ON signatures (minutes_id);

      CREATE TABLE signing_identities (
        id TEXT PRIMARY KEY,
        organisation TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('installation', 'imported')),
        p12 BLOB NOT NULL,
        password TEXT NOT NULL,
        subject TEXT NOT NULL,
        certificate_fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT
      ) STRICT;

      CREATE TABLE received_minutes (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        pdf BLOB NOT NULL,
        fingerprint TEXT NOT NULL,
        sealed_by TEXT NOT NULL,
        sealed_at TEXT,
        title TEXT NOT NULL,
        content TEXT NOT NULL CHECK (json_valid(content)),
        home_id TEXT REFERENCES homes (id),
        placement_id TEXT REFERENCES placements (id),
        received_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        subject_kind TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        detail TEXT NOT NULL CHECK (json_valid(detail)),
        previous_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_subject ON audit_log (subject_kind, subject_id);
    `);
  },
};
