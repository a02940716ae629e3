import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createCore } from '@core/core';
import { benchPassphrase, measure, printTable, type Row } from './measure';
import { benchSearch } from './search';
import { benchEncryption } from './encryption';
import { benchKdf, type KdfBench } from './kdf';
import { benchPkcs12Bomb } from './pkcs12';
import { benchSeal, type SealBench } from './minutes';
import { benchNoteSave, benchTyping } from './sessions';

/**
 * `npm run bench`: the app's own path (router, validation, services) against raw SQLite doing
 * the same work on a file set up the same way, in the same run, so the ratio is what matters.
 */
async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-bench-'));
  const core = createCore({
    dataDir: path.join(dir, 'app'),
    appVersion: 'bench',
    passphrase: benchPassphrase,
    automaticBackups: false,
    logger: { error: () => {} },
  });
  const raw = new Database(path.join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.exec(`
    CREATE TABLE organisations (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, archived_at TEXT) STRICT;
    CREATE TABLE homes (id TEXT PRIMARY KEY, provider_id TEXT NOT NULL REFERENCES organisations (id), name TEXT NOT NULL, ofsted_urn TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, archived_at TEXT) STRICT;`);
  const rows: Row[] = [];
  let typing: Awaited<ReturnType<typeof benchTyping>>;
  let sealing: SealBench;
  let kdf: KdfBench;
  let pkcs12Line: string;

  try {
    const insertOrganisation = raw.prepare(
      'INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    const runs = 1_000;
    rows.push({
      operation: 'add an organisation (durable write)',
      app: await measure(runs, async (i) => {
        const result = await core.router.call('organisations.create', { name: `Provider ${i}`, kind: 'provider' });
        if (!result.ok) throw new Error(result.error.message);
      }),
      raw: await measure(runs, (i) => {
        const now = new Date().toISOString();
        insertOrganisation.run(randomUUID(), `Provider ${i}`, 'provider', now, now);
      }),
      budget: 2,
    });

    const providers = await core.router.call('organisations.list', {});
    if (!providers.ok) throw new Error(providers.error.message);
    const providerIds = (providers.value as { id: string }[]).map((p) => p.id);
    const rawProviderIds = (raw.prepare('SELECT id FROM organisations').all() as { id: string }[]).map((p) => p.id);
    const insertHome = raw.prepare(
      'INSERT INTO homes (id, provider_id, name, ofsted_urn, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < 2000; i++) {
      const urn = `SC${String(i).padStart(6, '0')}`;
      await core.router.call('homes.create', {
        providerId: providerIds[i % providerIds.length]!,
        name: `Home ${i}`,
        ofstedUrn: urn,
      });
      const now = new Date().toISOString();
      insertHome.run(randomUUID(), rawProviderIds[i % rawProviderIds.length]!, `Home ${i}`, urn, now, now);
    }

    const listHomes = raw.prepare(`
      SELECT homes.*, organisations.name AS provider_name FROM homes JOIN organisations ON organisations.id = homes.provider_id
      WHERE homes.archived_at IS NULL ORDER BY homes.name COLLATE NOCASE, homes.id`);
    rows.push({
      operation: 'list 2,000 homes with their providers',
      app: await measure(200, () => core.router.call('homes.list', {})),
      raw: await measure(200, () => listHomes.all()),
      budget: 1.5,
    });
    rows.push(...(await benchSearch(path.join(dir, 'search'))));
    rows.push(await benchNoteSave(path.join(dir, 'notes')));
    rows.push(...(await benchEncryption(dir)));
    kdf = await benchKdf(path.join(dir, 'kdf'));
    const pkcs12 = await benchPkcs12Bomb(path.join(dir, 'pkcs12'));
    rows.push(pkcs12.row);
    pkcs12Line = pkcs12.line;
    typing = await benchTyping(dir);
    sealing = await benchSeal(path.join(dir, 'minutes'));
    rows.push(...sealing.rows);
  } finally {
    core.close();
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('Relational Review bench: the app against raw SQLite in the same run\n');
  printTable(rows);
  console.log('');
  if (typeof typing === 'string') console.log(`Typing latency with 500 notes on screen: ${typing}`);
  else {
    const { p50, p95, p99 } = typing.timing;
    const verdict = p95 < 16 ? 'within' : 'OVER';
    const frame = typing.toFrame;
    console.log(
      `Typing latency with 500 notes on screen (${typing.keystrokes} keystrokes), keystroke to screen updated: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms: ${verdict} the 16 ms target at p95` +
        ` (to the next frame, with the wait for the display: p50 ${frame.p50.toFixed(1)} ms, p95 ${frame.p95.toFixed(1)} ms)`,
    );
  }
  for (const line of sealing.lines) console.log(line);
  for (const line of kdf.lines) console.log(line);
  console.log(pkcs12Line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
