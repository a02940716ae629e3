/**
 * The child process of the kill test (test/core/faults.test.ts): opens the core on the data folder
 * given as the first argument, with the passphrase in RR_PASSPHRASE (as the web host takes it),
 * and writes through the router until it is killed. Every write the router acknowledged is printed
 * as one line, `ack <table> <name>`, only after router.call resolved ok: the parent holds the core
 * to each of those lines. If the parent goes away, the next line fails (EPIPE) and the writer ends.
 */
import { randomBytes } from 'node:crypto';
import { createCore } from '@core/core';

const dataDir = process.argv[2];
const passphrase = process.env.RR_PASSPHRASE;
if (!dataDir || !passphrase) {
  console.error('usage: RR_PASSPHRASE=<passphrase> writer.ts <dataDir>');
  process.exit(2);
}

const core = createCore({ dataDir, appVersion: '0.0.0-faults', passphrase });
// Checkpoints (WAL pages copied into the case book file) every few writes rather than every
// thousand pages, so that kills also land in the middle of one.
core.context.db.connection.pragma('wal_autocheckpoint = 16');
// Names are unique across the runs that share a data folder.
const tag = randomBytes(4).toString('hex');

async function write(): Promise<never> {
  let organisationId: string | undefined;
  for (let count = 0; ; count += 1) {
    const name = `Writer ${tag} ${count}`;
    const even = count % 2 === 0;
    const result = even
      ? await core.router.call('organisations.create', { name, kind: 'provider' })
      : await core.router.call('people.create', { name, role: 'Key worker', organisationId });
    if (!result.ok) {
      console.error(`write ${count} failed: ${result.error.code} ${result.error.message}`);
      process.exit(1);
    }
    if (even) organisationId = (result.value as { id: string }).id;
    // A pipe is written synchronously on POSIX: once this returns, the parent can read the line.
    process.stdout.write(`ack ${even ? 'organisations' : 'people'} ${name}\n`);
  }
}

void write();
