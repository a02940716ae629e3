import type { Migration } from './migration';

/**
 * A review's note can be brought in from a note taken at a visit since the last review (issue 15):
 * it keeps which one, so the minutes cite the visit and the same note is not brought in twice.
 */
export const migration: Migration = {
  version: 11,
  name: 'notes brought in from visits',
  up(db) {
    db.exec(`
      ALTER TABLE notes ADD COLUMN visit_note_id TEXT REFERENCES visit_notes (id);
      CREATE INDEX notes_visit_note ON notes (visit_note_id) WHERE visit_note_id IS NOT NULL;
    `);
  },
};
