import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseBook } from '@core/db/database';
import { sql } from '@core/db/sql';
import { tempDir } from './helpers';

describe('migration 7: preferences', () => {
  it('upgrades a version 6 case book, keeping its records, with an empty preferences table that holds only JSON', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const v6 = openCaseBook({ file, migrateTo: 6 });
    v6.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('la', 'Northshire', 'local_authority', 't', 't')`,
    );
    v6.close();

    const db = openCaseBook({ file, migrateTo: 7 });
    expect(db.schemaVersion).toBe(7);
    expect(db.get(sql`SELECT name FROM organisations`)).toEqual({ name: 'Northshire' });
    expect(db.all(sql`SELECT * FROM preferences`)).toEqual([]);
    db.run(sql`INSERT INTO preferences (key, value, updated_at) VALUES ('minutes.sharing', '{"senderName":""}', 't')`);
    expect(() =>
      db.run(sql`INSERT INTO preferences (key, value, updated_at) VALUES ('other', 'not json', 't')`),
    ).toThrow();
    expect(() =>
      db.run(sql`INSERT INTO preferences (key, value, updated_at) VALUES ('minutes.sharing', '{}', 't')`),
    ).toThrow();
    db.close();
  });
});
