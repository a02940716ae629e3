import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseBook } from '@core/db/database';
import { sql } from '@core/db/sql';
import { tempDir } from './helpers';

describe('migration 10: visits', () => {
  it('upgrades a version 9 case book, keeping its homes, with visits, their placements and notes checked and searchable', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const v9 = openCaseBook({ file, migrateTo: 9 });
    v9.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('p', 'Brightwater', 'provider', 't', 't')`,
    );
    v9.run(
      sql`INSERT INTO homes (id, provider_id, name, ofsted_urn, created_at, updated_at) VALUES ('h', 'p', 'Oakwood House', 'SC123456', 't', 't')`,
    );
    v9.close();

    const db = openCaseBook({ file, migrateTo: 10 });
    expect(db.schemaVersion).toBe(10);
    expect(db.get(sql`SELECT name FROM homes`)).toEqual({ name: 'Oakwood House' });
    db.run(sql`
      INSERT INTO visits (id, home_id, visited_at, kind, purpose, visitors, created_at, updated_at)
      VALUES ('v', 'h', '2026-10-14T09:30:00.000Z', 'commissioner', 'Breakfast time', '[{"personId":null,"name":"Sam Okoro"}]', 't', 't')`);
    db.run(sql`
      INSERT INTO visit_notes (id, visit_id, text, variable, rating, reason, created_at, updated_at)
      VALUES ('n', 'v', 'Staff ate with the young people', 1, 4, 'Warm', 't', 't')`);
    const records = (words: string) =>
      db.all(sql`SELECT kind, record_id FROM search_index WHERE search_index MATCH ${words}`);
    expect(records('breakfast')).toEqual([{ kind: 'visit', record_id: 'v' }]);
    expect(records('okoro')).toEqual([{ kind: 'visit', record_id: 'v' }]);
    expect(db.all(sql`SELECT rowid FROM visit_notes_index WHERE visit_notes_index MATCH 'warm'`)).toHaveLength(1);

    const refused = (statement: ReturnType<typeof sql>) => expect(() => db.run(statement)).toThrow(/CHECK|FOREIGN KEY/);
    refused(
      sql`INSERT INTO visit_notes (id, visit_id, text, rating, created_at, updated_at) VALUES ('x', 'v', '', 4, 't', 't')`,
    );
    refused(
      sql`INSERT INTO visit_notes (id, visit_id, text, variable, created_at, updated_at) VALUES ('y', 'v', '', 14, 't', 't')`,
    );
    refused(
      sql`INSERT INTO visit_notes (id, visit_id, text, created_at, updated_at) VALUES ('z', 'nope', '', 't', 't')`,
    );
    refused(sql`
      INSERT INTO visits (id, home_id, visited_at, kind, created_at, updated_at) VALUES ('w', 'h', 't', 'inspection', 't', 't')`);
    refused(sql`
      INSERT INTO visits (id, home_id, visited_at, kind, visitors, created_at, updated_at) VALUES ('u', 'h', 't', 'other', '{}', 't', 't')`);
    refused(sql`INSERT INTO visit_placements (visit_id, placement_id) VALUES ('v', 'no-such-placement')`);
    db.close();
  });
});
