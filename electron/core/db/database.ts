import Database from 'better-sqlite3-multiple-ciphers';
import { ApiError } from '@shared/api/errors';
import { damagedMessage, keyFitsDamagedFile, sqliteApiError } from './errors';
import type { Migration } from './migrations/migration';
import { migrations as allMigrations } from './migrations';
import { camelCase, toRecord } from './rows';
import type { SqlQuery } from './sql';

type Connection = Database.Database;
type RunResult = Database.RunResult;

export interface OpenOptions {
  file: string;
  /** The passphrase the case book is encrypted with (SQLite3 Multiple Ciphers). */
  key?: string;
  /** Path to a better-sqlite3 binary built for this runtime (Electron has its own ABI). */
  nativeBinding?: string;
  /** For tests of a single migration: stop at this schema version. */
  migrateTo?: number;
  migrations?: readonly Migration[];
}

/** The case book's connection: parameterised queries only, statements cached by their text. */
export class CaseBookDatabase {
  readonly connection: Connection;
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();
  private readonly recordStatements = new Map<string, { statement: Database.Statement<unknown[]>; fields: string[] }>();

  constructor(connection: Connection) {
    this.connection = connection;
  }

  all<T>(query: SqlQuery): T[] {
    return this.prepare(query).all(...(query.values as unknown[])) as T[];
  }

  get<T>(query: SqlQuery): T | undefined {
    return this.prepare(query).get(...(query.values as unknown[])) as T | undefined;
  }

  /** Rows as objects with camelCase fields (`created_at` becomes `createdAt`). */
  records<T>(query: SqlQuery): T[] {
    const { statement, fields } = this.prepareRecords(query);
    const rows = statement.all(...(query.values as unknown[])) as unknown[][];
    return rows.map((row) => toRecord<T>(fields, row));
  }

  /** One row as an object with camelCase fields, or undefined. */
  record<T>(query: SqlQuery): T | undefined {
    const { statement, fields } = this.prepareRecords(query);
    const row = statement.get(...(query.values as unknown[])) as unknown[] | undefined;
    return row && toRecord<T>(fields, row);
  }

  run(query: SqlQuery): RunResult {
    return this.prepare(query).run(...(query.values as unknown[]));
  }

  /** Runs fn in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: () => T): T {
    return this.connection.transaction(fn)();
  }

  get schemaVersion(): number {
    return this.connection.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    this.statements.clear();
    this.recordStatements.clear();
    if (this.connection.open) this.connection.close();
  }

  private prepareRecords(query: SqlQuery) {
    let prepared = this.recordStatements.get(query.text);
    if (!prepared) {
      const statement = this.connection.prepare<unknown[]>(query.text).raw(true);
      prepared = { statement, fields: statement.columns().map((column) => camelCase(column.name)) };
      this.recordStatements.set(query.text, prepared);
    }
    return prepared;
  }

  private prepare(query: SqlQuery): Database.Statement<unknown[]> {
    let statement = this.statements.get(query.text);
    if (!statement) {
      statement = this.connection.prepare<unknown[]>(query.text);
      this.statements.set(query.text, statement);
    }
    return statement;
  }
}

export function openCaseBook(options: OpenOptions): CaseBookDatabase {
  const connection = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const migrations = options.migrations ?? allMigrations;
  try {
    if (options.key !== undefined) applyKey(connection, options.key, options.nativeBinding);
    // Temporary tables and indexes stay in memory: no plaintext ever reaches a temporary file.
    connection.pragma('temp_store = MEMORY');
    // Checked before anything else, so a newer app's file is left exactly as it was.
    refuseNewerSchema(connection, migrations);
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    // A larger page cache keeps decrypted pages in memory, so reads do not decrypt them again.
    connection.pragma('cache_size = -65536');
    migrate(connection, migrations, options.migrateTo);
  } catch (error) {
    connection.close();
    // Faults: a damaged file or a full disk is told in plain words (db/errors.ts).
    throw sqliteApiError(error) ?? error;
  }
  return new CaseBookDatabase(connection);
}

/** A passphrase as an SQL string literal: PRAGMA takes no parameters. */
/**
 * The PRAGMA that keys (or rekeys) a connection with a passphrase. PRAGMA takes no parameters, so
 * the passphrase goes as hex of its UTF-8 bytes: the same key as the text, and no text to escape.
 */
export const keyPragma = (pragma: 'key' | 'rekey', passphrase: string) =>
  `hex${pragma} = '${Buffer.from(passphrase, 'utf8').toString('hex')}'`;

/** Keys the connection and proves the key opens the file, before anything else is read. */
function applyKey(connection: Connection, key: string, nativeBinding?: string): void {
  connection.pragma(keyPragma('key', key));
  try {
    connection.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      // Faults: the right passphrase on a damaged first page fails alike; tell the two apart.
      if (keyFitsDamagedFile({ file: connection.name, keyStatement: keyPragma('key', key), nativeBinding }))
        throw new ApiError('damaged', damagedMessage);
      throw new ApiError('unauthorised', 'That passphrase does not open this case book. Check it and try again.');
    }
    throw error;
  }
}

function refuseNewerSchema(connection: Connection, migrations: readonly Migration[]): void {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = connection.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new ApiError(
      'schema_too_new',
      `This case book was last opened by a newer version of Relational Review (its format is ${current}; this app knows up to ${latest}). Install the latest version to open it. Nothing has been changed.`,
    );
  }
}

function migrate(connection: Connection, migrations: readonly Migration[], target?: number): void {
  const current = connection.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    if (target !== undefined && migration.version > target) break;
    connection.transaction(() => {
      migration.up(connection);
      connection.pragma(`user_version = ${Number(migration.version)}`);
    })();
  }
}
