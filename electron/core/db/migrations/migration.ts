import type Database from 'better-sqlite3-multiple-ciphers';

/** One numbered schema change. Runs inside a transaction; never edited once released. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
