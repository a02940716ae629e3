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
import type { MinutesVersion } from '@shared/domain/minutes';

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

/**
 * A case book with a record in every table the API fills without sealing: a note, a deck of the
 * user's own with a retired card, an archived person, a review run to its end (a participant, a
 * card, both check-ins, an action), the next review with that action's update, a visit with a
 * note, and the email preference. Answers the core, the seeded records and the first review's
 * draft minutes.
 */
export async function filledCaseBook(printer?: PdfPrinter) {
  const core = testCore(undefined, undefined, printer);
  const seeded = await seedCaseBook(core);
  const { review, person, placement, home } = seeded;
  addNote(core, review.id, 'A story about the garden, with “quotes”, emoji 🌱 and accents: Zoë.');
  await callOk(core, 'people.archive', { id: person.id });
  const deck = await callOk<{ id: string }>(core, 'decks.duplicate', {
    deckId: 'relational-commissioning',
    name: 'Our deck',
  });
  await callOk(core, 'cards.retire', { deckId: deck.id, cardId: 'sellick-4-mutual-advantage' });
  await callOk(core, 'sessions.addParticipant', {
    reviewId: review.id,
    personId: person.id,
    name: 'Priya Shah',
    side: 'provider',
    attendance: 'present',
  });
  await callOk(core, 'sessions.draw', { reviewId: review.id, cardId: 'sellick-1-senior-relationships' });
  const rating = { score: 4, word: 'steady' };
  const ratings = {
    'senior-relationships': rating,
    collaboration: rating,
    'difficult-needs': rating,
    'mutual-advantage': rating,
  };
  await callOk(core, 'checkin.submit', { reviewId: review.id, side: 'commissioner', ratings });
  await callOk(core, 'checkin.submit', { reviewId: review.id, side: 'provider', ratings });
  await callOk(core, 'actions.save', { reviewId: review.id, text: 'Book the dentist', ownerPersonId: person.id });
  await callOk(core, 'sessions.conclude', { reviewId: review.id });
  const next = await callOk<{ id: string }>(core, 'reviews.create', {
    scope: 'placement',
    placementId: placement.id,
    scheduledFor: '2027-06-03T10:00:00Z',
  });
  const [matter] = (await callOk<{ matters: { id: string }[] }>(core, 'sessions.get', { reviewId: next.id })).matters;
  await callOk(core, 'actions.update', { reviewId: next.id, actionId: matter!.id, status: 'in_progress' });
  const visit = await callOk<{ id: string }>(core, 'visits.create', {
    homeId: home.id,
    visitedAt: '2027-02-10T10:00:00Z',
    kind: 'independent',
    purpose: 'Regulation 44',
    visitors: [{ personId: person.id, name: 'Priya Shah' }],
    placementIds: [placement.id],
  });
  await callOk(core, 'visitNotes.save', {
    id: randomUUID(),
    visitId: visit.id,
    text: 'Breakfast together, unhurried',
    variable: 1,
    kind: 'heard_young_person',
    youngPerson: 'AB12',
    rating: 4,
    reason: 'Warm',
  });
  await callOk(core, 'minutes.setSharing', { senderName: 'Sam Okoro', childReferenceInEmail: false });
  const [draft] = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId: review.id });
  return { core, ...seeded, draft: draft! };
}

/** Minutes locked, signed by both sides (typed names) and sealed for the provider, as the screens do it. */
export async function sealMinutes(core: Core, minutesId: string) {
  const locked = await callOk<MinutesVersion>(core, 'minutes.lock', { minutesId });
  const sign = { minutesId: locked.id, agreed: true, fingerprint: locked.fingerprint, image: null };
  await callOk(core, 'minutes.sign', { ...sign, side: 'commissioner', name: 'Sam Okoro' });
  await callOk(core, 'minutes.sign', { ...sign, side: 'provider', name: 'Priya Shah' });
  const sealed = await callOk<MinutesVersion>(core, 'minutes.seal', {
    minutesId: locked.id,
    organisation: 'Brightwater Care Ltd',
  });
  return { locked, sealed };
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
