import type { Migration } from './migration';

/**
 * The whole case book: more about each home, people, placements, reviews and their notes, with
 * full-text indexes kept in step by triggers (so they change in the same transaction as the
 * record). Records share one small index, ranked by relevance; a record's row there is
 * `rowid * 8 + code`, so an update or delete finds it without a scan. Notes, by far the most
 * numerous, have their own index with prefix indexes, read newest first.
 */
const indexed = [
  { table: 'organisations', kind: 'organisation', code: 1, title: 'new.name', body: "''" },
  { table: 'homes', kind: 'home', code: 2, title: 'new.name', body: 'new.ofsted_urn' },
  {
    table: 'people',
    kind: 'person',
    code: 3,
    title: 'new.name',
    body: "concat_ws(' ', new.role, new.email, new.phone)",
  },
  { table: 'placements', kind: 'placement', code: 4, title: 'new.child_reference', body: "''" },
  {
    table: 'reviews',
    kind: 'review',
    code: 5,
    title: 'new.title',
    body: "concat_ws(' ', new.place, new.purpose, new.affirmative_topic)",
  },
] as const;

function triggers(entry: (typeof indexed)[number]): string {
  const insert = `INSERT INTO search_index (rowid, kind, record_id, archived, title, body)
      VALUES (new.rowid * 8 + ${entry.code}, '${entry.kind}', new.id, new.archived_at IS NOT NULL, ${entry.title}, ${entry.body});`;
  const remove = `DELETE FROM search_index WHERE rowid = old.rowid * 8 + ${entry.code};`;
  return `
    CREATE TRIGGER ${entry.table}_search_insert AFTER INSERT ON ${entry.table} BEGIN ${insert} END;
    CREATE TRIGGER ${entry.table}_search_update AFTER UPDATE ON ${entry.table} BEGIN ${remove} ${insert} END;
    CREATE TRIGGER ${entry.table}_search_delete AFTER DELETE ON ${entry.table} BEGIN ${remove} END;`;
}

export const migration: Migration = {
  version: 2,
  name: 'the case book: people, placements, reviews, notes and search',
  up(db) {
    db.exec(`
      ALTER TABLE homes ADD COLUMN registered_places INTEGER CHECK (registered_places BETWEEN 1 AND 100);
      ALTER TABLE homes ADD COLUMN ofsted_judgement TEXT
        CHECK (ofsted_judgement IN ('outstanding', 'good', 'requires_improvement', 'inadequate'));
      ALTER TABLE homes ADD COLUMN ofsted_judgement_date TEXT;
      ALTER TABLE homes ADD COLUMN reg44_visit_date TEXT;
      ALTER TABLE homes ADD COLUMN reg45_review_date TEXT;

      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        organisation_id TEXT REFERENCES organisations (id),
        email TEXT,
        phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        archived_at TEXT
      ) STRICT;
      CREATE INDEX people_organisation ON people (organisation_id);

      CREATE TABLE placements (
        id TEXT PRIMARY KEY,
        home_id TEXT NOT NULL REFERENCES homes (id),
        placing_authority_id TEXT NOT NULL REFERENCES organisations (id),
        child_reference TEXT NOT NULL,
        start_date TEXT,
        end_date TEXT,
        status TEXT NOT NULL CHECK (status IN ('planned', 'current', 'ended')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        archived_at TEXT
      ) STRICT;
      CREATE INDEX placements_home ON placements (home_id);
      CREATE INDEX placements_child_reference ON placements (lower(child_reference));

      CREATE TABLE reviews (
        id TEXT PRIMARY KEY,
        scope TEXT NOT NULL CHECK (scope IN ('home', 'placement', 'relationship')),
        home_id TEXT REFERENCES homes (id),
        placement_id TEXT REFERENCES placements (id),
        commissioner_id TEXT NOT NULL REFERENCES organisations (id),
        provider_id TEXT NOT NULL REFERENCES organisations (id),
        title TEXT NOT NULL,
        scheduled_for TEXT NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL DEFAULT '',
        affirmative_topic TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'concluded', 'signed')),
        next_review_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        archived_at TEXT,
        CHECK (scope <> 'home' OR home_id IS NOT NULL),
        CHECK (scope <> 'placement' OR placement_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX reviews_home ON reviews (home_id);
      CREATE INDEX reviews_placement ON reviews (placement_id);
      CREATE INDEX reviews_pair ON reviews (commissioner_id, provider_id);

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        review_id TEXT NOT NULL REFERENCES reviews (id),
        phase TEXT NOT NULL,
        card_id TEXT,
        side TEXT NOT NULL CHECK (side IN ('commissioner', 'provider', 'facilitator', 'other')),
        kind TEXT NOT NULL CHECK (kind IN ('story', 'hope', 'proposal', 'commitment', 'concern')),
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX notes_review ON notes (review_id);

      CREATE VIRTUAL TABLE search_index USING fts5 (
        kind UNINDEXED,
        record_id UNINDEXED,
        archived UNINDEXED,
        title,
        body,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      ${indexed.map(triggers).join('\n')}

      CREATE VIRTUAL TABLE notes_index USING fts5 (
        text,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      CREATE TRIGGER notes_search_insert AFTER INSERT ON notes WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO notes_index (rowid, text) VALUES (new.rowid, new.text);
      END;
      CREATE TRIGGER notes_search_update AFTER UPDATE ON notes BEGIN
        DELETE FROM notes_index WHERE rowid = old.rowid;
        INSERT INTO notes_index (rowid, text) SELECT new.rowid, new.text WHERE new.deleted_at IS NULL;
      END;
      CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
        DELETE FROM notes_index WHERE rowid = old.rowid;
      END;

      INSERT INTO search_index (rowid, kind, record_id, archived, title, body)
        SELECT rowid * 8 + 1, 'organisation', id, archived_at IS NOT NULL, name, '' FROM organisations;
      INSERT INTO search_index (rowid, kind, record_id, archived, title, body)
        SELECT rowid * 8 + 2, 'home', id, archived_at IS NOT NULL, name, ofsted_urn FROM homes;
    `);
  },
};
