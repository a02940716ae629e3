import type { Core } from '@core/core';
import type { DeckCard, DeckSummary } from '@shared/deck/decks';
import type { MinutesVersion } from '@shared/domain/minutes';
import type { Session } from '@shared/domain/sessions';
import { callOk, seedCaseBook, testPassphrase } from '../helpers';

/** Values a payload may borrow so that some of them name records that exist. */
export interface Pools {
  /** Every id in the case book. */
  ids: string[];
  /** The same, by the kind of record they name. */
  byKind: Record<string, string[]>;
  deckIds: string[];
  cardIds: string[];
  fingerprints: string[];
  organisations: string[];
  passphrases: string[];
  /** Names of backup files that exist, when the core keeps backups of its own. */
  fileNames: string[];
}

/**
 * The seeded case book, plus a review in progress (participants, a drawn card, a note, a concern
 * with its action) and a concluded review whose minutes are locked: every kind of id exists.
 */
export async function seedWorld(core: Core): Promise<Pools> {
  const seeded = await seedCaseBook(core);
  const { review, council, provider, home, placement, person } = seeded;
  const commissioner = await callOk<{ id: string }>(core, 'people.create', {
    name: 'Sam Okoro',
    role: 'Commissioning officer',
    organisationId: council.id,
  });
  await callOk(core, 'sessions.addParticipant', {
    reviewId: review.id,
    personId: commissioner.id,
    name: 'Sam Okoro',
    side: 'commissioner',
    attendance: 'present',
  });
  await callOk(core, 'sessions.addParticipant', {
    reviewId: review.id,
    personId: person.id,
    name: 'Priya Shah',
    side: 'provider',
    attendance: 'present',
  });
  await callOk(core, 'sessions.draw', { reviewId: review.id });
  const note = { reviewId: review.id, stage: 'discover', side: 'provider' };
  await callOk(core, 'notes.save', {
    ...note,
    id: crypto.randomUUID(),
    kind: 'story',
    text: 'AB12 cooked for everyone on Sunday.',
  });
  const concern = crypto.randomUUID();
  await callOk(core, 'notes.save', {
    ...note,
    id: concern,
    kind: 'concern',
    text: 'AB12 has missed two contact visits.',
  });
  const session = await callOk<Session>(core, 'actions.save', {
    reviewId: review.id,
    text: 'Arrange contact at a new venue',
    ownerSide: 'commissioner',
    noteId: concern,
  });

  const concluded = await callOk<{ id: string }>(core, 'reviews.create', {
    scope: 'home',
    homeId: home.id,
    commissionerId: council.id,
    scheduledFor: '2026-06-03T10:00:00.000Z',
  });
  await callOk(core, 'sessions.conclude', { reviewId: concluded.id });
  const [draft] = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId: concluded.id });
  const locked = await callOk<MinutesVersion>(core, 'minutes.lock', { minutesId: draft!.id });

  const decks = await callOk<DeckSummary[]>(core, 'decks.list', {});
  const own = await callOk<DeckSummary>(core, 'decks.duplicate', { deckId: decks[0]!.id, name: 'Our own deck' });
  const cards = await callOk<{ cards: DeckCard[] }>(core, 'decks.get', { deckId: own.id });

  // Backups on disk, if this core makes them, so that choosing one can succeed.
  const backups = await core.router.call('vault.backupNow', {});
  const fileNames =
    backups.ok && Array.isArray(backups.value)
      ? backups.value.map((backup: { fileName: string }) => backup.fileName)
      : [];

  const byKind: Pools['byKind'] = {
    review: [review.id, concluded.id],
    organisation: [council.id, provider.id],
    home: [home.id],
    placement: [placement.id],
    person: [person.id, commissioner.id],
    note: session.notes.map((n) => n.id),
    action: session.actions.map((a) => a.id),
    participant: session.participants.map((p) => p.id),
    draw: session.cards.map((c) => c.drawId),
    minutes: [locked.id],
  };
  return {
    ids: Object.values(byKind).flat(),
    byKind,
    deckIds: [decks[0]!.id, own.id],
    cardIds: cards.cards.slice(0, 3).map((c) => c.id),
    fingerprints: [locked.fingerprint!],
    organisations: ['Northshire County Council', 'Brightwater Care Ltd'],
    passphrases: [testPassphrase, 'a new and longer passphrase'],
    fileNames: [...fileNames, 'casebook.sqlite', '../casebook.sqlite', 'backups/../../casebook.sqlite'],
  };
}
