import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseBook } from '@core/db/database';
import { migrations } from '@core/db/migrations';
import { sql } from '@core/db/sql';
import { tempDir } from './helpers';

/**
 * One file per migration: open a case book at the version before, put data in it, upgrade, and
 * check the data is still there and the new schema works.
 */
describe('migration 1: organisations and homes', () => {
  it('upgrades an empty case book (version 0) to one that holds organisations and homes', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    openCaseBook({ file, migrateTo: 0 }).close();

    const db = openCaseBook({ file, migrateTo: 1 });
    expect(db.schemaVersion).toBe(1);
    db.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('p', 'Provider', 'provider', 't', 't')`,
    );
    db.run(
      sql`INSERT INTO homes (id, provider_id, name, ofsted_urn, created_at, updated_at) VALUES ('h', 'p', 'Home', 'SC000001', 't', 't')`,
    );
    expect(() =>
      db.run(
        sql`INSERT INTO homes (id, provider_id, name, ofsted_urn, created_at, updated_at) VALUES ('h2', 'missing', 'Home', 'SC000002', 't', 't')`,
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.run(
        sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('x', 'X', 'castle', 't', 't')`,
      ),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('starts a numbered, gapless list, each migration with its own upgrade test file', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1));
    const testFiles = readdirSync(__dirname);
    for (const { version } of migrations)
      expect(testFiles, `migration ${version}`).toContain(`migration-${String(version).padStart(4, '0')}.test.ts`);
  });
});
