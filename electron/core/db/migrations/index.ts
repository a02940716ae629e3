import type { Migration } from './migration';
import { migration as m0001 } from './0001-organisations-and-homes';
import { migration as m0002 } from './0002-case-book';
import { migration as m0003 } from './0003-decks';
import { migration as m0004 } from './0004-sessions';
import { migration as m0005 } from './0005-minutes';
import { migration as m0006 } from './0006-seal-keys';
import { migration as m0007 } from './0007-preferences';
import { migration as m0008 } from './0008-threads-evidence-disagreement';
import { migration as m0009 } from './0009-cards-as-drawn';
import { migration as m0010 } from './0010-visits';
import { migration as m0011 } from './0011-notes-from-visits';

/** In order. A new migration is a new file, added to the end of this list. */
export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
];

export const latestSchemaVersion = migrations[migrations.length - 1]!.version;
