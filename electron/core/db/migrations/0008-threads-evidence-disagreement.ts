import type { Migration } from './migration';

/**
 * Threads, evidence and agreed disagreements (issue 14). A card drawn again in a later stage can
 * say which draw it carries on from. A note can be evidence (what was seen, read or measured, with
 * its source) or an agreed disagreement (what the two sides disagree about, and each side's view).
 *
 * SQLite cannot change a CHECK constraint in place, so the notes table is rebuilt with the two new
 * kinds, keeping every rowid (the notes' search index is keyed by it). Actions refer to notes by
 * id, so references are checked once the rebuilt table has the old one's name (`rebuildsTables`).
 */
export const migration: Migration = {
  version: 8,
  name: 'threads, evidence and agreed disagreements',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      ALTER TABLE review_cards ADD COLUMN carried_from TEXT REFERENCES review_cards (id);

      CREATE TABLE notes_rebuilt (
        id TEXT PRIMARY KEY,
        review_id TEXT NOT NULL REFERENCES reviews (id),
        phase TEXT NOT NULL,
        card_id TEXT,
        side TEXT NOT NULL CHECK (side IN ('commissioner', 'provider', 'facilitator', 'other')),
        kind TEXT NOT NULL CHECK (kind IN ('story', 'hope', 'proposal', 'commitment', 'concern', 'evidence', 'disagreement')),
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        no_action_reason TEXT,
        source TEXT NOT NULL DEFAULT '',
        commissioner_view TEXT NOT NULL DEFAULT '',
        provider_view TEXT NOT NULL DEFAULT ''
      ) STRICT;
      INSERT INTO notes_rebuilt (rowid, id, review_id, phase, card_id, side, kind, text, created_at, updated_at, deleted_at, no_action_reason)
        SELECT rowid, id, review_id, phase, card_id, side, kind, text, created_at, updated_at, deleted_at, no_action_reason FROM notes;
      DROP TABLE notes;
      ALTER TABLE notes_rebuilt RENAME TO notes;
      CREATE INDEX notes_review ON notes (review_id);

      -- Search finds a note by everything written in it: evidence by its source, a disagreement by either view.
      CREATE TRIGGER notes_search_insert AFTER INSERT ON notes WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO notes_index (rowid, text)
          VALUES (new.rowid, concat_ws(' ', new.text, new.source, new.commissioner_view, new.provider_view));
      END;
      CREATE TRIGGER notes_search_update AFTER UPDATE ON notes BEGIN
        DELETE FROM notes_index WHERE rowid = old.rowid;
        INSERT INTO notes_index (rowid, text)
          SELECT new.rowid, concat_ws(' ', new.text, new.source, new.commissioner_view, new.provider_view)
          WHERE new.deleted_at IS NULL;
      END;
      CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
        DELETE FROM notes_index WHERE rowid = old.rowid;
      END;
    `);
  },
};
