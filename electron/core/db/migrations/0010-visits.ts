import type { Migration } from './migration';

/**
 * Visits to a home between reviews (issue 15): when, who, what kind, why, the placements touched,
 * and quick notes, each optionally against one of Berridge and Brodie's thirteen quality-of-care
 * variables, about the home's daily life or how the authority and the home relate, of a kind
 * (seen, heard, read, a small change), with a rating from 1 to 5 and its reason. Visits are in the
 * records' search index (code 6); their notes have their own, as review notes do.
 */
export const migration: Migration = {
  version: 10,
  name: 'visits',
  up(db) {
    db.exec(`
      CREATE TABLE visits (
        id TEXT PRIMARY KEY,
        home_id TEXT NOT NULL REFERENCES homes (id),
        visited_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('commissioner', 'independent', 'quality_review', 'other')),
        purpose TEXT NOT NULL DEFAULT '',
        visitors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(visitors) AND json_type(visitors) = 'array'),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        archived_at TEXT
      ) STRICT;
      CREATE INDEX visits_home ON visits (home_id, visited_at);

      CREATE TABLE visit_placements (
        visit_id TEXT NOT NULL REFERENCES visits (id),
        placement_id TEXT NOT NULL REFERENCES placements (id),
        PRIMARY KEY (visit_id, placement_id)
      ) STRICT;
      CREATE INDEX visit_placements_placement ON visit_placements (placement_id);

      CREATE TABLE visit_notes (
        id TEXT PRIMARY KEY,
        visit_id TEXT NOT NULL REFERENCES visits (id),
        text TEXT NOT NULL,
        variable INTEGER CHECK (variable BETWEEN 1 AND 13),
        about TEXT CHECK (about IN ('home', 'relationship')),
        kind TEXT CHECK (kind IN ('seen', 'heard_young_person', 'heard_staff', 'read_record', 'small_change')),
        source TEXT NOT NULL DEFAULT '',
        young_person TEXT NOT NULL DEFAULT '',
        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
        reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        CHECK (rating IS NULL OR variable IS NOT NULL)
      ) STRICT;
      CREATE INDEX visit_notes_visit ON visit_notes (visit_id);

      CREATE TRIGGER visits_search_insert AFTER INSERT ON visits BEGIN
        INSERT INTO search_index (rowid, kind, record_id, archived, title, body)
          VALUES (new.rowid * 8 + 6, 'visit', new.id, new.archived_at IS NOT NULL, new.purpose, new.visitors);
      END;
      CREATE TRIGGER visits_search_update AFTER UPDATE ON visits BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid * 8 + 6;
        INSERT INTO search_index (rowid, kind, record_id, archived, title, body)
          VALUES (new.rowid * 8 + 6, 'visit', new.id, new.archived_at IS NOT NULL, new.purpose, new.visitors);
      END;
      CREATE TRIGGER visits_search_delete AFTER DELETE ON visits BEGIN
        DELETE FROM search_index WHERE rowid = old.rowid * 8 + 6;
      END;

      CREATE VIRTUAL TABLE visit_notes_index USING fts5 (
        text,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      CREATE TRIGGER visit_notes_search_insert AFTER INSERT ON visit_notes WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO visit_notes_index (rowid, text)
          VALUES (new.rowid, concat_ws(' ', new.text, new.source, new.young_person, new.reason));
      END;
      CREATE TRIGGER visit_notes_search_update AFTER UPDATE ON visit_notes BEGIN
        DELETE FROM visit_notes_index WHERE rowid = old.rowid;
        INSERT INTO visit_notes_index (rowid, text)
          SELECT new.rowid, concat_ws(' ', new.text, new.source, new.young_person, new.reason)
          WHERE new.deleted_at IS NULL;
      END;
      CREATE TRIGGER visit_notes_search_delete AFTER DELETE ON visit_notes BEGIN
        DELETE FROM visit_notes_index WHERE rowid = old.rowid;
      END;
    `);
  },
};
