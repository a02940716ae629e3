import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '@core/core';
import type { Logger } from '@core/router';
import type { Clock } from '@core/clock';
import type { PdfPrinter } from '@core/platform/pdf-printer';
import { sql } from '@core/db/sql';
import { transferTables } from '@core/casebook/transfer';

const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Every test case book is encrypted with this. */
export const testPassphrase = 'correct horse battery staple';

/** A fresh folder under the system temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestCore extends Core {
  dataDir: string;
  logged: { message: string; error: unknown }[];
}

/** The real core on a real case book file in its own temp folder, closed after the test. */
export function testCore(dataDir = tempDir(), clock?: Clock, printer?: PdfPrinter): TestCore {
  const logged: TestCore['logged'] = [];
  const logger: Logger = { error: (message, error) => logged.push({ message, error }) };
  const core = createCore({
    dataDir,
    appVersion: '0.0.0-test',
    logger,
    clock,
    printer,
    passphrase: testPassphrase,
    automaticBackups: false,
  });
  cleanups.push(() => core.close());
  return { ...core, dataDir, logged };
}

/** Calls through the router, as both hosts do, and unwraps a success. */
export async function callOk<T = unknown>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await core.router.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Calls through the router and returns the error, failing the test if the call succeeded. */
export async function callError(core: Core, method: string, input: unknown) {
  const result = await core.router.call(method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

/** A small, realistic case book: a council, a provider, a home, a placement, a person and a review. */
export async function seedCaseBook(core: Core) {
  const council = await callOk<{ id: string }>(core, 'organisations.create', {
    name: 'Northshire County Council',
    kind: 'local_authority',
  });
  const provider = await callOk<{ id: string }>(core, 'organisations.create', {
    name: 'Brightwater Care Ltd',
    kind: 'provider',
  });
  const home = await callOk<{ id: string }>(core, 'homes.create', {
    providerId: provider.id,
    name: 'Oakwood House',
    ofstedUrn: 'SC123456',
    registeredPlaces: 4,
    ofstedJudgement: 'good',
    ofstedJudgementDate: '2026-03-12',
  });
  const placement = await callOk<{ id: string }>(core, 'placements.create', {
    homeId: home.id,
    placingAuthorityId: council.id,
    childReference: 'AB12',
    startDate: '2026-01-05',
    status: 'current',
  });
  const person = await callOk<{ id: string }>(core, 'people.create', {
    name: 'Priya Shah',
    role: 'Registered manager',
    organisationId: provider.id,
    email: 'priya.shah@brightwater.example',
  });
  const review = await callOk<{ id: string }>(core, 'reviews.create', {
    scope: 'placement',
    placementId: placement.id,
    scheduledFor: '2026-12-03T10:00:00.000Z',
    place: 'Oakwood House',
    purpose: 'How the first year of AB12’s placement has gone',
    nextReviewDate: '2027-06-03',
  });
  return { council, provider, home, placement, person, review };
}

/** Adds a note straight into the case book (sessions, which write notes, come later). */
export function addNote(core: Core, reviewId: string, text: string, kind = 'story') {
  const now = new Date().toISOString();
  core.context.db.run(sql`
    INSERT INTO notes (id, review_id, phase, side, kind, text, created_at, updated_at)
    VALUES (${randomUUID()}, ${reviewId}, 'discover', 'provider', ${kind}, ${text}, ${now}, ${now})`);
}

/** Every row of every case-book table, for comparing two case books. */
export function snapshot(core: Core) {
  return Object.fromEntries(
    transferTables.map((table) => [table, core.context.db.all(sql`SELECT * FROM ${sql.table(table)} ORDER BY rowid`)]),
  );
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-12-03T10:00:00.000Z') {
  let now = new Date(start).getTime();
  const clock: Clock = () => new Date(now);
  return { clock, advance: (ms: number) => (now += ms) };
}

/** The case book's pages are this size: SQLite's default, which openCaseBook and VACUUM INTO keep. */
export const pageSize = 4096;

/** Overwrites part of a file with random bytes, as a failing disk or a bad copy would. */
export function scramble(file: string, offset: number, length: number): void {
  const handle = openSync(file, 'r+');
  try {
    writeSync(handle, randomBytes(length), 0, length, offset);
  } finally {
    closeSync(handle);
  }
}

export const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
