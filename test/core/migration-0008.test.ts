import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseBook } from '@core/db/database';
import { sql } from '@core/db/sql';
import { tempDir } from './helpers';

describe('migration 8: threads, evidence and agreed disagreements', () => {
  it('rebuilds the notes of a version 7 case book with the new kinds, keeping every note, its search entry and the actions on it', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const v7 = openCaseBook({ file, migrateTo: 7 });
    v7.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('la', 'Northshire', 'local_authority', 't', 't')`,
    );
    v7.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('p', 'Brightwater', 'provider', 't', 't')`,
    );
    v7.run(sql`
      INSERT INTO reviews (id, scope, commissioner_id, provider_id, title, scheduled_for, status, created_at, updated_at)
      VALUES ('r', 'relationship', 'la', 'p', 'Annual review', '2026-12-03T10:00:00.000Z', 'in_progress', 't', 't')`);
    v7.run(sql`
      INSERT INTO notes (id, review_id, phase, card_id, side, kind, text, created_at, updated_at, no_action_reason)
      VALUES ('gone', 'r', 'discover', NULL, 'provider', 'story', 'a first note, later deleted', 't', 't', NULL)`);
    v7.run(sql`DELETE FROM notes WHERE id = 'gone'`);
    v7.run(sql`
      INSERT INTO notes (id, review_id, phase, card_id, side, kind, text, created_at, updated_at, no_action_reason)
      VALUES ('n', 'r', 'design', 'secure-base-1', 'commissioner', 'concern', 'Contact visits keep being missed', 't', 't', NULL)`);
    v7.run(sql`
      INSERT INTO actions (id, review_id, text, note_id, created_at, updated_at)
      VALUES ('a', 'r', 'Agree a contact plan', 'n', 't', 't')`);
    v7.run(
      sql`INSERT INTO review_cards (id, review_id, card_id, stage, state, drawn_at) VALUES ('d1', 'r', 'secure-base-1', 'discover', 'done', 't')`,
    );
    const rowidBefore = v7.get<{ rowid: number }>(sql`SELECT rowid FROM notes WHERE id = 'n'`)!.rowid;
    v7.close();

    const db = openCaseBook({ file, migrateTo: 8 });
    expect(db.schemaVersion).toBe(8);
    expect(
      db.get(
        sql`SELECT rowid, id, phase, card_id, side, kind, text, source, commissioner_view, provider_view FROM notes`,
      ),
    ).toEqual({
      rowid: rowidBefore,
      id: 'n',
      phase: 'design',
      card_id: 'secure-base-1',
      side: 'commissioner',
      kind: 'concern',
      text: 'Contact visits keep being missed',
      source: '',
      commissioner_view: '',
      provider_view: '',
    });
    const found = (words: string) =>
      db.all(
        sql`SELECT notes.id FROM notes_index JOIN notes ON notes.rowid = notes_index.rowid WHERE notes_index MATCH ${words}`,
      );
    expect(found('contact')).toEqual([{ id: 'n' }]);
    expect(db.get(sql`SELECT note_id FROM actions WHERE id = 'a'`)).toEqual({ note_id: 'n' });

    db.run(sql`
      INSERT INTO notes (id, review_id, phase, side, kind, text, source, created_at, updated_at)
      VALUES ('e', 'r', 'discover', 'provider', 'evidence', 'School attendance up to 96%', 'the termly school report', 't', 't')`);
    db.run(sql`
      INSERT INTO notes (id, review_id, phase, side, kind, text, commissioner_view, provider_view, created_at, updated_at)
      VALUES ('g', 'r', 'design', 'facilitator', 'disagreement', 'Whether staffing is enough at weekends', 'Two on shift is the floor', 'Three are needed on Saturdays', 't', 't')`);
    expect(found('termly')).toEqual([{ id: 'e' }]);
    expect(found('saturdays')).toEqual([{ id: 'g' }]);
    db.run(sql`UPDATE notes SET deleted_at = 't' WHERE id = 'g'`);
    expect(found('saturdays')).toEqual([]);
    expect(() =>
      db.run(
        sql`INSERT INTO notes (id, review_id, phase, side, kind, text, created_at, updated_at) VALUES ('x', 'r', 'design', 'provider', 'rumour', '', 't', 't')`,
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      db.run(
        sql`INSERT INTO actions (id, review_id, text, note_id, created_at, updated_at) VALUES ('b', 'r', 'x', 'nope', 't', 't')`,
      ),
    ).toThrow(/FOREIGN KEY/);

    db.run(sql`
      INSERT INTO review_cards (id, review_id, card_id, stage, state, drawn_at, carried_from)
      VALUES ('d2', 'r', 'secure-base-1', 'dream', 'current', 't', 'd1')`);
    expect(db.get(sql`SELECT carried_from FROM review_cards WHERE id = 'd2'`)).toEqual({ carried_from: 'd1' });
    expect(() =>
      db.run(
        sql`INSERT INTO review_cards (id, review_id, card_id, stage, state, drawn_at, carried_from) VALUES ('d3', 'r', 'c', 'dream', 'done', 't', 'nope')`,
      ),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
