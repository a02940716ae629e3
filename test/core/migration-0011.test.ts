import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseBook } from '@core/db/database';
import { sql } from '@core/db/sql';
import { tempDir } from './helpers';

describe('migration 11: notes brought in from visits', () => {
  it('upgrades a version 10 case book, keeping its notes, each now able to name the visit note it came from', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const v10 = openCaseBook({ file, migrateTo: 10 });
    for (const statement of [
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('la', 'Northshire', 'local_authority', 't', 't')`,
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('p', 'Brightwater', 'provider', 't', 't')`,
      sql`INSERT INTO homes (id, provider_id, name, ofsted_urn, created_at, updated_at) VALUES ('h', 'p', 'Oakwood House', 'SC123456', 't', 't')`,
      sql`INSERT INTO reviews (id, scope, commissioner_id, provider_id, title, scheduled_for, status, created_at, updated_at)
          VALUES ('r', 'relationship', 'la', 'p', 'Annual review', '2026-12-03T10:00:00.000Z', 'in_progress', 't', 't')`,
      sql`INSERT INTO notes (id, review_id, phase, side, kind, text, created_at, updated_at) VALUES ('n', 'r', 'discover', 'provider', 'story', 'Kept', 't', 't')`,
      sql`INSERT INTO visits (id, home_id, visited_at, kind, created_at, updated_at) VALUES ('v', 'h', 't', 'commissioner', 't', 't')`,
      sql`INSERT INTO visit_notes (id, visit_id, text, created_at, updated_at) VALUES ('vn', 'v', 'Seen', 't', 't')`,
    ])
      v10.run(statement);
    v10.close();

    const db = openCaseBook({ file, migrateTo: 11 });
    expect(db.get(sql`SELECT text, visit_note_id FROM notes WHERE id = 'n'`)).toEqual({
      text: 'Kept',
      visit_note_id: null,
    });
    db.run(sql`UPDATE notes SET visit_note_id = 'vn' WHERE id = 'n'`);
    expect(() => db.run(sql`UPDATE notes SET visit_note_id = 'nope' WHERE id = 'n'`)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
