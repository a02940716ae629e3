import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { chromium } from '@playwright/test';
import { createCore, type Core } from '@core/core';
import { sql } from '@core/db/sql';
import { startWebHost } from '../../electron/web/server';
import { benchPassphrase, measure, type Row, type Timing } from './measure';

const repoRoot = path.resolve(__dirname, '../..');

async function reviewWithNotes(core: Core, notes: number): Promise<string> {
  const call = async <T>(method: string, input: unknown) => {
    const result = await core.router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const council = await call<{ id: string }>('organisations.create', {
    name: 'Northshire County Council',
    kind: 'local_authority',
  });
  const provider = await call<{ id: string }>('organisations.create', {
    name: 'Brightwater Care Ltd',
    kind: 'provider',
  });
  const review = await call<{ id: string }>('reviews.create', {
    scope: 'relationship',
    commissionerId: council.id,
    providerId: provider.id,
    scheduledFor: '2026-12-03T10:00:00Z',
  });
  await call('sessions.stage', { reviewId: review.id, stage: 'discover' });
  const { db } = core.context;
  db.transaction(() => {
    for (let i = 0; i < notes; i++) {
      const now = new Date(Date.now() + i).toISOString();
      db.run(sql`INSERT INTO notes (id, review_id, phase, side, kind, text, created_at, updated_at)
        VALUES (${randomUUID()}, ${review.id}, 'discover', ${i % 2 ? 'provider' : 'commissioner'}, 'story', ${`Note ${i}: the keyworker’s walks on Sundays have become a fixed point.`}, ${now}, ${now})`);
    }
  });
  return review.id;
}

/** A note's save through the loopback web host (HTTP, validation, router, SQLite), beside a raw insert. */
export async function benchNoteSave(dataDir: string): Promise<Row> {
  const core = createCore({
    dataDir: path.join(dataDir, 'app'),
    appVersion: 'bench',
    passphrase: benchPassphrase,
    automaticBackups: false,
    logger: { error: () => {} },
  });
  const host = await startWebHost({ core, rendererDir: path.join(repoRoot, 'out/renderer'), port: 0 });
  const raw = new Database(path.join(dataDir, 'raw.sqlite'));
  try {
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec(
      'CREATE TABLE notes (id TEXT PRIMARY KEY, review_id TEXT NOT NULL, text TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT',
    );
    const insert = raw.prepare('INSERT INTO notes (id, review_id, text, updated_at) VALUES (?, ?, ?, ?)');
    const reviewId = await reviewWithNotes(core, 0);
    const noteId = randomUUID();
    const headers = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
    const url = `http://127.0.0.1:${host.port}/api/notes.save`;
    const runs = 1_000;
    const app = await measure(runs, async (i) => {
      const body = JSON.stringify({
        id: noteId,
        reviewId,
        stage: 'discover',
        side: 'commissioner',
        kind: 'story',
        text: `Typed so far ${i}`,
      });
      const response = await fetch(url, { method: 'POST', headers, body });
      if (!response.ok) throw new Error(await response.text());
      await response.arrayBuffer();
    });
    const rawTiming = await measure(runs, (i) =>
      insert.run(randomUUID(), reviewId, `Typed so far ${i}`, new Date().toISOString()),
    );
    return { operation: 'save a note as it is typed (web host round trip)', app, raw: rawTiming };
  } finally {
    await host.close();
    core.close();
    raw.close();
  }
}

/**
 * Typing latency in Chromium with 500 notes on screen: from each keystroke to the frame that
 * shows it, as the note editor marks it (performance marks). Null when there is no Chromium.
 */
export async function benchTyping(
  dataDir: string,
): Promise<{ timing: Timing; toFrame: Timing; keystrokes: number } | string> {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file));
  if (!existsSync(path.join(repoRoot, 'out/renderer/index.html')))
    return 'skipped: the renderer is not built (npm run build)';
  const core = createCore({
    dataDir: path.join(dataDir, 'typing'),
    appVersion: 'bench',
    passphrase: benchPassphrase,
    automaticBackups: false,
    logger: { error: () => {} },
  });
  const host = await startWebHost({ core, rendererDir: path.join(repoRoot, 'out/renderer'), port: 0 });
  const browser = await chromium
    .launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
    .catch(() => null);
  if (!browser) {
    await host.close();
    core.close();
    return 'skipped: no Chromium on this machine';
  }
  try {
    const reviewId = await reviewWithNotes(core, 500);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${host.url}#/reviews/${reviewId}/run`);
    await page.getByRole('button', { name: 'Add a note for the commissioner' }).click();
    const text = 'The staff know AB12 well and noticed the quiet days before anyone else did. '.repeat(2);
    for (const character of text) {
      await page.keyboard.type(character);
      await page.waitForTimeout(10);
    }
    await page.waitForTimeout(300);
    const timingOf = async (name: string): Promise<Timing & { count: number }> => {
      const sorted = (
        await page.evaluate((entry) => performance.getEntriesByName(entry).map((measure) => measure.duration), name)
      ).sort((a, b) => a - b);
      const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
      return { p50: at(0.5), p95: at(0.95), p99: at(0.99), count: sorted.length };
    };
    const timing = await timingOf('rr-keystroke-to-commit');
    return { timing, toFrame: await timingOf('rr-keystroke-to-frame'), keystrokes: timing.count };
  } finally {
    await browser.close();
    await host.close();
    core.close();
  }
}
