import type { Migration } from './migration';
import { migration as m0001 } from './0001-organisations-and-homes';
import { migration as m0002 } from './0002-case-book';

/** In order. A new migration is a new file, added to the end of this list. */
export const migrations: readonly Migration[] = [m0001, m0002];

export const latestSchemaVersion = migrations[migrations.length - 1]!.version;
