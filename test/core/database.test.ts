import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@shared/api/errors';
import { argon2idScheme, keyPragma, keySchemeOf, openCaseBook, pbkdf2Scheme } from '@core/db/database';
import { latestSchemaVersion, migrations } from '@core/db/migrations';
import type { Migration } from '@core/db/migrations/migration';
import { sql } from '@core/db/sql';
import { tempDir, testPassphrase } from './helpers';

describe('opening the case book', () => {
  it('creates a file in WAL mode with full sync and foreign keys on, at the latest schema', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const db = openCaseBook({ file });
    expect(db.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.connection.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.connection.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.schemaVersion).toBe(latestSchemaVersion);
    db.close();
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('makes every table STRICT', () => {
    const db = openCaseBook({ file: path.join(tempDir(), 'casebook.sqlite') });
    const tables = db.all<{ name: string; strict: number }>(
      sql`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`,
    );
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((table) => table.strict !== 1)).toEqual([]);
    db.close();
  });

  it('refuses, in plain words and without changing it, a case book from a newer version of the app', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const newer = new Database(file);
    newer.pragma(`user_version = ${latestSchemaVersion + 5}`);
    newer.close();
    const before = readFileSync(file);

    let error: unknown;
    try {
      openCaseBook({ file });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('schema_too_new');
    expect((error as ApiError).message).toMatch(/newer version of Relational Review.*Nothing has been changed/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).size).toBe(before.length);
  });

  it('runs a migration in one transaction: a failing one leaves the schema and data as they were', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    openCaseBook({ file }).close();
    const db = openCaseBook({ file });
    db.run(
      sql`INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('o1', 'Kept', 'other', 'x', 'x')`,
    );
    db.close();

    const broken: Migration = {
      version: latestSchemaVersion + 1,
      name: 'half done',
      up(connection) {
        connection.exec('CREATE TABLE half_done (id TEXT) STRICT');
        connection.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    expect(() => openCaseBook({ file, migrations: [...migrations, broken] })).toThrow(/no such table/);

    const after = openCaseBook({ file });
    expect(after.schemaVersion).toBe(latestSchemaVersion);
    expect(after.get(sql`SELECT name FROM sqlite_master WHERE name = 'half_done'`)).toBeUndefined();
    expect(after.all(sql`SELECT name FROM organisations`)).toEqual([{ name: 'Kept' }]);
    after.close();
  });
});

describe('the encrypted case book', () => {
  it('is keyed with Argon2id (AEGIS-256) when new; one keyed before (ChaCha20, PBKDF2) opens under its own scheme until re-keyed', () => {
    const dir = tempDir();
    const file = path.join(dir, 'casebook.sqlite');
    const fresh = openCaseBook({ file, key: testPassphrase });
    expect(fresh.keyScheme).toBe(argon2idScheme);
    fresh.close();
    expect(keySchemeOf(file)).toBe(argon2idScheme);

    const olderFile = path.join(dir, 'older.sqlite');
    const raw = new Database(olderFile);
    for (const pragma of pbkdf2Scheme.pragmas) raw.pragma(pragma);
    raw.pragma(keyPragma('key', testPassphrase));
    raw.exec("CREATE TABLE kept (x TEXT); INSERT INTO kept VALUES ('still here')");
    raw.close();
    const older = openCaseBook({ file: olderFile, key: testPassphrase });
    expect(older.keyScheme).toBe(pbkdf2Scheme);
    older.rekey(testPassphrase);
    expect(older.keyScheme).toBe(argon2idScheme);
    // Back in WAL mode after the re-keying, which SQLite3 Multiple Ciphers does only outside it.
    expect(older.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    older.close();
    expect(keySchemeOf(olderFile)).toBe(argon2idScheme);
    const reopened = openCaseBook({ file: olderFile, key: testPassphrase });
    expect(reopened.all(sql`SELECT x FROM kept`)).toEqual([{ x: 'still here' }]);
    reopened.close();
    // A plain file names no scheme.
    const plain = path.join(dir, 'plain.sqlite');
    openCaseBook({ file: plain }).close();
    expect(keySchemeOf(plain)).toBeUndefined();
  });

  it.skipIf(process.platform === 'win32')('is made readable by its owner only, and its -wal and -shm follow it', () => {
    const umask = process.umask(0o022);
    try {
      const dir = tempDir();
      const db = openCaseBook({ file: path.join(dir, 'casebook.sqlite'), key: testPassphrase });
      const names = readdirSync(dir);
      expect(names.sort()).toEqual(['casebook.sqlite', 'casebook.sqlite-shm', 'casebook.sqlite-wal']);
      for (const name of names) expect((statSync(path.join(dir, name)).mode & 0o777).toString(8), name).toBe('600');
      db.close();
    } finally {
      process.umask(umask);
    }
  });
});

describe('the sql tag', () => {
  it('keeps values out of the SQL text, including hostile ones', () => {
    const name = "x'); DROP TABLE organisations; --";
    const query = sql`SELECT * FROM organisations WHERE name = ${name} AND kind = ${'other'}`;
    expect(query.text).toBe('SELECT * FROM organisations WHERE name = ? AND kind = ?');
    expect(query.values).toEqual([name, 'other']);
  });

  it('nests fragments and joins them with their values in order', () => {
    const conditions = [sql`kind = ${'provider'}`, sql`name = ${'A'}`];
    const query = sql`SELECT 1 WHERE ${sql.join(conditions, ' AND ')} LIMIT ${5}`;
    expect(query.text).toBe('SELECT 1 WHERE kind = ? AND name = ? LIMIT ?');
    expect(query.values).toEqual(['provider', 'A', 5]);
  });

  it('treats a plain object that looks like a fragment as a value, not as SQL', () => {
    const lookalike = { text: '1; DROP TABLE homes', values: [] };
    const query = sql`SELECT ${lookalike}`;
    expect(query.text).toBe('SELECT ?');
  });
});
