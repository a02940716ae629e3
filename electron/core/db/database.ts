import { chmodSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { ApiError } from '@shared/api/errors';
import { damagedMessage, sqliteApiError } from './errors';
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
  /** Path to a better-sqlite3 binary built for this runtime (Electron has its own ABI): every later connection uses it too. */
  nativeBinding?: string;
  /** For tests of a single migration: stop at this schema version. */
  migrateTo?: number;
  migrations?: readonly Migration[];
}

/** The case book's connection: parameterised queries only, statements cached by their text. */
export class CaseBookDatabase {
  readonly connection: Connection;
  /** How the file's key is derived from its passphrase; null for a plain file. */
  keyScheme: KeyScheme | null;
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();
  private readonly recordStatements = new Map<string, { statement: Database.Statement<unknown[]>; fields: string[] }>();

  constructor(connection: Connection, keyScheme: KeyScheme | null = null) {
    this.connection = connection;
    this.keyScheme = keyScheme;
  }

  /** Re-encrypts the case book under a passphrase and the current key scheme. */
  rekey(passphrase: string): void {
    rekeyConnection(this.connection, passphrase);
    this.keyScheme = currentKeyScheme;
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
  if (options.nativeBinding) runtimeBinding = options.nativeBinding;
  const migrations = options.migrations ?? allMigrations;
  let connection: Connection;
  let keyScheme: KeyScheme | null = null;
  if (options.key !== undefined) {
    const opened = openEncrypted(options.file, options.key);
    if (opened.outcome === 'damaged' || opened.outcome === 'cut short') throw new ApiError('damaged', damagedMessage);
    if (opened.outcome !== 'opened')
      throw new ApiError('unauthorised', 'That passphrase does not open this case book. Check it and try again.');
    ({ connection, keyScheme } = opened);
  } else {
    connection = connect(options.file);
  }
  try {
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
  return new CaseBookDatabase(connection, keyScheme);
}

/**
 * The PRAGMA that keys (or rekeys) a connection with a passphrase. PRAGMA takes no parameters, so
 * the passphrase goes as hex of its UTF-8 bytes: the same key as the text, and no text to escape.
 */
export const keyPragma = (pragma: 'key' | 'rekey', passphrase: string) =>
  `hex${pragma} = '${Buffer.from(passphrase, 'utf8').toString('hex')}'`;

/**
 * How a passphrase becomes the key, and how pages are encrypted. SQLite3 Multiple Ciphers keeps
 * these settings per connection, not in the file (only the salt is there), so a file opens only
 * on a connection set up the same way before its key.
 */
export interface KeyScheme {
  name: string;
  /** PRAGMAs for a connection, before its key. */
  pragmas: readonly string[];
  /** The bytes each page keeps for its nonce and tag: a header field that is not encrypted. */
  reservedBytes: number;
}

/**
 * The case book's scheme: the AEGIS-256 cipher, its key derived with Argon2id (RFC 9106) from
 * 128 MiB of memory, 2 passes and 1 lane. A guess costs about twice the processor time of
 * PBKDF2-SHA256 at 600,000 iterations (test/core/kdf-cost.test.ts measures both in each run; at
 * 64 MiB and 3 passes the margin was too thin to rely on), and far more on the graphics cards
 * guessers use, since every guess needs its own 128 MiB. Unlocking stays well under a second.
 * The settings are not kept in the file: changing them would need a new scheme beside this one.
 */
export const argon2idScheme: KeyScheme = {
  name: 'AEGIS-256, key by Argon2id (128 MiB, 2 passes, 1 lane)',
  pragmas: ["cipher = 'aegis'", "algorithm = 'aegis-256'", 'mcost = 131072', 'tcost = 2', 'pcost = 1'],
  reservedBytes: 64,
};

/** The scheme of case books and backups made before: ChaCha20-Poly1305, key by PBKDF2-SHA256 at 64,007 iterations. */
export const pbkdf2Scheme: KeyScheme = {
  name: 'ChaCha20-Poly1305, key by PBKDF2-SHA256 (64,007 iterations)',
  pragmas: ["cipher = 'chacha20'", 'kdf_iter = 64007', 'legacy = 0'],
  reservedBytes: 32,
};

/** New files, and every file re-keyed, get this one. */
export const currentKeyScheme = argon2idScheme;
const knownSchemes = [argon2idScheme, pbkdf2Scheme];

/** Files the core writes are readable by their owner only on Linux and macOS (Windows has no such modes). */
export const ownerOnlyModes = process.platform !== 'win32';

/**
 * Makes sure a database file exists and is its owner's only before SQLite opens it: SQLite gives
 * its -wal, -shm and -journal files the database file's own permissions.
 */
export function createOwnerOnly(file: string): void {
  if (!ownerOnlyModes) return;
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** The better-sqlite3 binary of this runtime, once a case book has been opened with one (Electron has its own ABI). */
let runtimeBinding: string | undefined;

/** A connection with this runtime's better-sqlite3 binary; a file it may write is made its owner's only first. */
export function connect(file: string, options: { readonly?: boolean } = {}): Connection {
  if (!options.readonly) createOwnerOnly(file);
  return new Database(file, {
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
    ...(runtimeBinding ? { nativeBinding: runtimeBinding } : {}),
  });
}

/**
 * The scheme a file is encrypted with, read from the one header field SQLite3 Multiple Ciphers
 * leaves readable (the bytes reserved on each page); undefined for a new, plain or unknown file.
 */
export function keySchemeOf(file: string): KeyScheme | undefined {
  let handle: number | undefined;
  try {
    handle = openSync(file, 'r');
    const header = Buffer.alloc(24);
    if (readSync(handle, header, 0, 24, 0) < 24) return undefined;
    if (header.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') return undefined;
    return knownSchemes.find((scheme) => scheme.reservedBytes === header[20]);
  } catch {
    return undefined;
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}

export type Opened =
  | { outcome: 'opened'; connection: Connection; keyScheme: KeyScheme }
  | { outcome: 'wrong key' | 'damaged' | 'cut short' };

/**
 * Opens an encrypted file with a passphrase, under the scheme its header names (a file from
 * before opens as it always did; one whose header names none is tried under each), or, for a new
 * file, the current scheme. The key is proved before anything else is read. When it does not
 * open, a damaged file that the passphrase fits is told apart from a wrong passphrase (unless
 * tellDamage is false: that check costs a second key derivation). A file the passphrase opens
 * but that holds fewer pages than its first page says is 'cut short'.
 */
export function openEncrypted(
  file: string,
  passphrase: string,
  options: { readonly?: boolean; tellDamage?: boolean } = {},
): Opened {
  const fresh = !existsSync(file) || statSync(file).size === 0;
  const named = keySchemeOf(file);
  const schemes = fresh ? [currentKeyScheme] : named ? [named] : knownSchemes;
  for (const keyScheme of schemes) {
    const connection = connect(file, options);
    try {
      for (const pragma of keyScheme.pragmas) connection.pragma(pragma);
      connection.pragma(keyPragma('key', passphrase));
      connection.prepare('SELECT count(*) FROM sqlite_master').get();
      return { outcome: 'opened', connection, keyScheme };
    } catch (error) {
      const shortened = isCorrupt(error) && cutShort(connection);
      connection.close();
      if (shortened) return { outcome: 'cut short' };
      if ((error as { code?: string }).code !== 'SQLITE_NOTADB') throw sqliteApiError(error) ?? error;
    }
  }
  // Faults: the right passphrase on a damaged first page fails alike; tell the two apart.
  const fits =
    (options.tellDamage ?? true) && schemes.some((keyScheme) => keyFitsDamagedFile(file, keyScheme, passphrase));
  return { outcome: fits ? 'damaged' : 'wrong key' };
}

const isCorrupt = (error: unknown) => error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CORRUPT');

/**
 * Whether a keyed connection whose first read found the file corrupt is looking at a file cut
 * short: its first page decrypted (the key is right), but says the file has more pages than it
 * holds, so SQLite refuses even the header's fields. Told apart by reading them again with
 * writable_schema, which lets SQLite take the pages that are there: a file damaged elsewhere
 * reads its header fields without it. The connection is left in that state: the caller closes it.
 */
function cutShort(connection: Connection): boolean {
  try {
    connection.pragma('user_version', { simple: true });
    return false;
  } catch (error) {
    if (!isCorrupt(error)) return false;
  }
  try {
    connection.unsafeMode(true);
    connection.pragma('writable_schema = ON');
    connection.pragma('page_count', { simple: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a passphrase that got SQLITE_NOTADB is in fact the right one for a damaged file. Each
 * page is encrypted and authenticated on its own, so a wrong passphrase and a damaged first page
 * fail alike. Read again without the authentication check, on a read-only connection: under the
 * right key the first page's header fields decrypt to sensible values (the damage lies elsewhere
 * in the page); under a wrong key they are random, and all three fall in range about once in 2^31.
 * A file whose salt or nonce is damaged cannot be told from a wrong passphrase this way.
 */
function keyFitsDamagedFile(file: string, keyScheme: KeyScheme, passphrase: string): boolean {
  let probe: Connection | undefined;
  try {
    probe = connect(file, { readonly: true });
    // Cipher settings come before the key, and hold for this connection only.
    for (const pragma of keyScheme.pragmas) probe.pragma(pragma);
    probe.pragma('hmac_check = 0');
    probe.pragma(keyPragma('key', passphrase));
    const header = (name: string) => probe!.pragma(name, { simple: true }) as number;
    const inRange = (value: number, low: number, high: number) =>
      Number.isInteger(value) && value >= low && value <= high;
    return (
      inRange(header('user_version'), 1, 1_000_000) &&
      inRange(header('schema_version'), 1, 2 ** 24) &&
      inRange(header('freelist_count'), 0, 2 ** 24)
    );
  } catch {
    return false;
  } finally {
    probe?.close();
  }
}

/**
 * Re-encrypts the file under a passphrase and the current scheme (a plain file is encrypted).
 * SQLite3 Multiple Ciphers rekeys only outside WAL mode: the connection steps out of it and back.
 */
export function rekeyConnection(connection: Connection, passphrase: string): void {
  const wal = connection.pragma('journal_mode', { simple: true }) === 'wal';
  if (wal) connection.pragma('journal_mode = DELETE');
  try {
    for (const pragma of currentKeyScheme.pragmas) connection.pragma(pragma);
    connection.pragma(keyPragma('rekey', passphrase));
  } finally {
    if (wal) connection.pragma('journal_mode = WAL');
  }
}

/**
 * What a case book's schema holds, one line per table, index, trigger and view and per column of
 * each table, in order: two files with the same lines keep the same tables. SQLite's own objects
 * (sqlite_sequence, automatic indexes, statistics) are left out.
 */
export function schemaShape(connection: Connection): string[] {
  const objects = connection
    .prepare(
      "SELECT type, name, tbl_name AS tableName FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )
    .all() as { type: string; name: string; tableName: string }[];
  const columns = connection.prepare('SELECT name, type FROM pragma_table_info(?) ORDER BY cid');
  return objects.flatMap(({ type, name, tableName }) => [
    `${type} ${name} on ${tableName}`,
    ...(type === 'table'
      ? (columns.all(name) as { name: string; type: string }[]).map(
          (column) => `column ${name}.${column.name} ${column.type}`,
        )
      : []),
  ]);
}

const shapes = new Map<number, string[]>();

/** The schema a case book at this version has: the migrations up to it, run once on a database in memory. */
export function expectedSchemaShape(version: number): string[] {
  const cached = shapes.get(version);
  if (cached) return cached;
  const memory = new Database(':memory:', runtimeBinding ? { nativeBinding: runtimeBinding } : {});
  try {
    migrate(memory, allMigrations, version);
    const shape = schemaShape(memory);
    shapes.set(version, shape);
    return shape;
  } finally {
    memory.close();
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
    // SQLite's way to rebuild a table that others refer to: references unchecked while it is
    // rebuilt (the pragma is ignored inside a transaction), then every one checked before commit.
    if (migration.rebuildsTables) connection.pragma('foreign_keys = OFF');
    try {
      connection.transaction(() => {
        migration.up(connection);
        if (migration.rebuildsTables) {
          const broken = connection.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0)
            throw new Error(`Migration ${migration.version} would leave ${broken.length} broken reference(s).`);
        }
        connection.pragma(`user_version = ${Number(migration.version)}`);
      })();
    } finally {
      if (migration.rebuildsTables) connection.pragma('foreign_keys = ON');
    }
  }
}
