import type Database from 'better-sqlite3-multiple-ciphers';

/** One numbered schema change. Runs inside a transaction; never edited once released. */
export interface Migration {
  version: number;
  name: string;
  /** Rebuilds a table others refer to: run with references unchecked, then all checked before commit. */
  rebuildsTables?: true;
  up(db: Database.Database): void;
}
