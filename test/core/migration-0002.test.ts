import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseBook } from '@core/db/database';
import { sql } from '@core/db/sql';
import { tempDir } from './helpers';

describe('migration 2: the whole case book and its search index', () => {
  it('upgrades a version 1 case book holding organisations and homes, keeping them and making them searchable', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const v1 = openCaseBook({ file, migrateTo: 1 });
    v1.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('p', 'Brightwater Care Ltd', 'provider', 't', 't')`,
    );
    v1.run(
      sql`INSERT INTO homes (id, provider_id, name, ofsted_urn, created_at, updated_at) VALUES ('h', 'p', 'Oakwood House', 'SC123456', 't', 't')`,
    );
    v1.close();

    const db = openCaseBook({ file, migrateTo: 2 });
    expect(db.schemaVersion).toBe(2);
    expect(db.get(sql`SELECT name, ofsted_urn, registered_places, ofsted_judgement FROM homes`)).toEqual({
      name: 'Oakwood House',
      ofsted_urn: 'SC123456',
      registered_places: null,
      ofsted_judgement: null,
    });
    const found = (text: string) =>
      db.all<{ record_id: string }>(sql`SELECT record_id FROM search_index WHERE search_index MATCH ${text}`);
    expect(found('"oakwood"*')).toEqual([{ record_id: 'h' }]);
    expect(found('"brightwater"*')).toEqual([{ record_id: 'p' }]);
    db.run(sql`UPDATE homes SET name = 'Elm Lodge' WHERE id = 'h'`);
    expect(found('"oakwood"*')).toEqual([]);
    expect(found('"elm"*')).toEqual([{ record_id: 'h' }]);
    db.close();
  });
});
