import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MinutesVersion } from '@shared/domain/minutes';
import { defaultTimeBoxes, type Session } from '@shared/domain/sessions';
import { sql } from '@core/db/sql';
import { callError, callOk, manualClock, seedCaseBook, snapshot, testCore, type TestCore } from './helpers';

async function session(core: TestCore, reviewId: string) {
  return callOk<Session>(core, 'sessions.get', { reviewId });
}

function note(reviewId: string, side: 'commissioner' | 'provider', text: string, kind = 'story', stage = 'discover') {
  return { id: randomUUID(), reviewId, stage, side, kind, text };
}

const ratings = (score: number) => ({
  'senior-relationships': { score, word: 'warm' },
  collaboration: { score },
  'difficult-needs': { score },
  'mutual-advantage': { score },
});

describe('planning a review', () => {
  it('keeps the topic, apologies, deck, time boxes and participants', async () => {
    const core = testCore();
    const { review, person } = await seedCaseBook(core);
    const planned = await callOk<Session>(core, 'sessions.plan', {
      reviewId: review.id,
      affirmativeTopic: 'Days that go well for AB12',
      apologies: 'The independent reviewing officer',
      deckId: 'relational-commissioning',
      timeBoxes: { ...defaultTimeBoxes, discover: 25 },
    });
    expect(planned).toMatchObject({
      affirmativeTopic: 'Days that go well for AB12',
      deckId: 'relational-commissioning',
      status: 'in_progress',
    });
    expect(planned.timeBoxes.discover).toBe(25);
    await callOk(core, 'sessions.addParticipant', {
      reviewId: review.id,
      personId: person.id,
      name: 'Priya Shah',
      role: 'Registered manager',
      side: 'provider',
      attendance: 'present',
    });
    await callOk(core, 'sessions.addParticipant', {
      reviewId: review.id,
      name: 'Sam Okoro',
      role: 'Commissioning officer',
      organisation: 'Northshire County Council',
      side: 'commissioner',
      attendance: 'present',
    });
    const duplicate = await callError(core, 'sessions.addParticipant', {
      reviewId: review.id,
      personId: person.id,
      name: 'Priya Shah',
      side: 'provider',
      attendance: 'present',
    });
    expect(duplicate.code).toBe('conflict');
    expect((await session(core, review.id)).participants.map((p) => [p.name, p.side])).toEqual([
      ['Priya Shah', 'provider'],
      ['Sam Okoro', 'commissioner'],
    ]);
  });

  it('refuses an unknown deck and silly time boxes, changing nothing', async () => {
    const core = testCore();
    const { review } = await seedCaseBook(core);
    const before = snapshot(core);
    expect(
      (await callError(core, 'sessions.plan', { reviewId: review.id, deckId: 'nope', timeBoxes: defaultTimeBoxes }))
        .code,
    ).toBe('not_found');
    const error = await callError(core, 'sessions.plan', {
      reviewId: review.id,
      deckId: 'relational-commissioning',
      timeBoxes: { ...defaultTimeBoxes, dream: 0 },
    });
    expect(error.fields).toEqual({ 'timeBoxes.dream': 'Give each stage at least a minute.' });
    expect(snapshot(core)).toEqual(before);
  });
});

describe('running a review', () => {
  it('keeps time per stage: start, pause, extend; moving on starts the next stage’s clock afresh and paused', async () => {
    const { clock, advance } = manualClock();
    const core = testCore(undefined, clock);
    const { review } = await seedCaseBook(core);
    await callOk(core, 'sessions.stage', { reviewId: review.id, stage: 'discover' });
    await callOk(core, 'sessions.timer', { reviewId: review.id, command: 'start' });
    advance(60_000);
    await callOk(core, 'sessions.timer', { reviewId: review.id, command: 'pause' });
    advance(60_000);
    let timer = (await session(core, review.id)).timer;
    expect(timer).toMatchObject({ stage: 'discover', startedAt: null, elapsedMs: 60_000, limitMs: 20 * 60_000 });
    await callOk(core, 'sessions.timer', { reviewId: review.id, command: 'extend', minutes: 5 });
    await callOk(core, 'sessions.timer', { reviewId: review.id, command: 'start' });
    advance(30_000);
    timer = (await session(core, review.id)).timer;
    expect(timer.elapsedMs).toBe(90_000);
    expect(timer.limitMs).toBe(25 * 60_000);
    // Time running out does not move the stage on.
    advance(60 * 60_000);
    expect((await session(core, review.id)).stage).toBe('discover');
    await callOk(core, 'sessions.stage', { reviewId: review.id, stage: 'dream' });
    expect((await session(core, review.id)).timer).toMatchObject({
      stage: 'dream',
      startedAt: null,
      elapsedMs: 0,
      limitMs: 15 * 60_000,
    });
  });

  it('draws cards for the stage without repeats until asked, and can choose, pin, skip and go back', async () => {
    const core = testCore();
    const { review } = await seedCaseBook(core);
    await callOk(core, 'sessions.stage', { reviewId: review.id, stage: 'define' });
    const seen = new Set<string>();
    let drawn: Session | undefined;
    for (;;) {
      const result = await core.router.call('sessions.draw', { reviewId: review.id });
      if (!result.ok) {
        expect(result.error.message).toBe(
          'Every card for Define has been drawn in this review. Choose a card, or allow repeats.',
        );
        break;
      }
      drawn = result.value as Session;
      const current = drawn.cards.filter((card) => card.state === 'current');
      expect(current).toHaveLength(1);
      expect(seen.has(current[0]!.cardId)).toBe(false);
      seen.add(current[0]!.cardId);
    }
    const deck = await callOk<{ cards: { id: string; phases: string[] }[] }>(core, 'decks.get', {
      deckId: 'relational-commissioning',
    });
    expect(seen.size).toBe(deck.cards.filter((card) => card.phases.includes('define')).length);
    expect(
      (await callOk<Session>(core, 'sessions.draw', { reviewId: review.id, allowRepeats: true })).cards,
    ).toHaveLength(seen.size + 1);

    const chosen = await callOk<Session>(core, 'sessions.draw', {
      reviewId: review.id,
      cardId: 'sellick-4-mutual-advantage',
    });
    const last = chosen.cards.at(-1)!;
    expect(last).toMatchObject({ cardId: 'sellick-4-mutual-advantage', state: 'current', stage: 'define' });
    const first = chosen.cards[0]!;
    await callOk(core, 'sessions.cardState', { reviewId: review.id, drawId: last.drawId, state: 'pinned' });
    const back = await callOk<Session>(core, 'sessions.cardState', {
      reviewId: review.id,
      drawId: first.drawId,
      state: 'current',
    });
    expect(back.cards.find((card) => card.drawId === first.drawId)!.state).toBe('current');
    expect(back.cards.find((card) => card.drawId === last.drawId)!.state).toBe('pinned');
    expect((await callError(core, 'sessions.draw', { reviewId: review.id, cardId: 'not-a-card' })).code).toBe(
      'not_found',
    );
  });

  it('saves a note as it is typed, passes the turn, and deletes with undo', async () => {
    const core = testCore();
    const { review } = await seedCaseBook(core);
    expect((await session(core, review.id)).turn).toBe('commissioner');
    const draft = note(review.id, 'commissioner', 'Th');
    await callOk(core, 'notes.save', draft);
    await callOk(core, 'notes.save', { ...draft, text: 'The staff know AB12 well.' });
    let current = await session(core, review.id);
    expect(current.notes.map((n) => n.text)).toEqual(['The staff know AB12 well.']);
    expect(current.turn).toBe('provider');
    await callOk(core, 'notes.delete', { reviewId: review.id, noteId: draft.id });
    expect((await session(core, review.id)).notes).toEqual([]);
    current = await callOk<Session>(core, 'notes.restore', { reviewId: review.id, noteId: draft.id });
    expect(current.notes).toHaveLength(1);
  });

  it('will not conclude while a concern has neither an action nor a reason, and drafts minutes when it does', async () => {
    const core = testCore();
    const { review } = await seedCaseBook(core);
    const concern = note(review.id, 'provider', 'AB12 has missed two contact visits with their mother.', 'concern');
    await callOk(core, 'notes.save', concern);
    const refused = await callError(core, 'sessions.conclude', { reviewId: review.id });
    expect(refused.message).toMatch(
      /^The review cannot be concluded while a concern has neither an action nor a reason for none, starting with: “AB12 has missed two contact visits/,
    );
    expect((await session(core, review.id)).status).toBe('in_progress');

    const withAction = await callOk<Session>(core, 'actions.save', {
      reviewId: review.id,
      text: 'Social worker to arrange contact with a new venue',
      ownerSide: 'commissioner',
      dueDate: '2026-12-17',
      noteId: concern.id,
    });
    expect(withAction.openConcerns).toEqual([]);
    const concluded = await callOk<Session>(core, 'sessions.conclude', { reviewId: review.id });
    expect(concluded.status).toBe('concluded');
    expect(core.context.db.all(sql`SELECT version, status FROM minutes`)).toEqual([{ version: 1, status: 'draft' }]);
    const locked = await callError(core, 'notes.save', note(review.id, 'provider', 'Too late'));
    expect(locked.message).toBe('This review is concluded, so its record is fixed. Corrections belong in its minutes.');
  });

  it('accepts a recorded reason in place of an action for a concern', async () => {
    const core = testCore();
    const { review } = await seedCaseBook(core);
    const concern = note(review.id, 'commissioner', 'Staffing at weekends is thin.', 'concern');
    await callOk(core, 'notes.save', concern);
    await callOk(core, 'notes.concernReason', {
      reviewId: review.id,
      noteId: concern.id,
      reason: 'Already in the home’s Regulation 45 plan.',
    });
    expect((await callOk<Session>(core, 'sessions.conclude', { reviewId: review.id })).status).toBe('concluded');
  });
});

describe('threads, notes about cards, evidence and agreed disagreements', () => {
  it('carries a card from Discover on into Dream, ties notes to cards, and keeps evidence’s source and both sides’ views', async () => {
    const core = testCore();
    const { review } = await seedCaseBook(core);
    const reviewId = review.id;
    const cardId = 'cooperrider-assumption-1-what-works';
    await callOk(core, 'sessions.stage', { reviewId, stage: 'discover' });
    const discovered = await callOk<Session>(core, 'sessions.draw', { reviewId, cardId });
    const fromDiscover = discovered.cards.at(-1)!;
    expect(fromDiscover).toMatchObject({ cardId, stage: 'discover', carriedFrom: null });

    const evidence = {
      ...note(reviewId, 'provider', 'School attendance is 96% this term, up from 71%.', 'evidence'),
      cardId,
      source: 'the termly school report',
    };
    await callOk(core, 'notes.save', evidence);

    await callOk(core, 'sessions.stage', { reviewId, stage: 'dream' });
    const carried = await callOk<Session>(core, 'sessions.carry', { reviewId, drawId: fromDiscover.drawId });
    const intoDream = carried.cards.at(-1)!;
    expect(intoDream).toMatchObject({ cardId, stage: 'dream', state: 'current', carriedFrom: fromDiscover.drawId });
    expect(carried.cards.find((card) => card.drawId === fromDiscover.drawId)!.state).toBe('done');
    // Carrying the same card on again into the same stage goes back to it, rather than drawing it twice.
    await callOk(core, 'sessions.draw', { reviewId, cardId: 'sellick-4-mutual-advantage' });
    const again = await callOk<Session>(core, 'sessions.carry', { reviewId, drawId: fromDiscover.drawId });
    expect(again.cards.filter((card) => card.stage === 'dream' && card.cardId === cardId)).toHaveLength(1);
    expect(again.cards.find((card) => card.drawId === intoDream.drawId)!.state).toBe('current');

    const disagreement = {
      ...note(reviewId, 'commissioner', 'Whether two staff on shift is enough at weekends', 'disagreement', 'dream'),
      cardId,
      commissionerView: 'Two is what the contract funds, and incidents are few.',
      providerView: 'Three are needed on Saturdays, when most young people are in.',
    };
    await callOk(core, 'notes.save', disagreement);
    const read = await session(core, reviewId);
    expect(read.notes.find((n) => n.id === evidence.id)).toMatchObject({
      kind: 'evidence',
      cardId,
      source: 'the termly school report',
    });
    expect(read.notes.find((n) => n.id === disagreement.id)).toMatchObject({
      kind: 'disagreement',
      commissionerView: disagreement.commissionerView,
      providerView: disagreement.providerView,
    });

    // A card goes on only into a later stage, and only a card drawn in this review.
    await callOk(core, 'sessions.stage', { reviewId, stage: 'discover' });
    const backwards = await callError(core, 'sessions.carry', { reviewId, drawId: intoDream.drawId });
    expect(backwards.message).toBe(
      'A card is carried on into a later stage than the one it was drawn in; this one was drawn in Dream.',
    );
    const unchanged = snapshot(core);
    expect((await callError(core, 'sessions.carry', { reviewId, drawId: randomUUID() })).code).toBe('not_found');
    expect(snapshot(core)).toEqual(unchanged);
  });

  it('keeps a drawn card’s words as drawn: a later change to the deck changes neither the review nor its minutes', async () => {
    const core = testCore();
    const { review } = await seedCaseBook(core);
    const reviewId = review.id;
    const deck = await callOk<{ id: string }>(core, 'decks.duplicate', {
      deckId: 'relational-commissioning',
      name: 'Our deck',
    });
    await callOk(core, 'sessions.plan', { reviewId, deckId: deck.id, timeBoxes: defaultTimeBoxes });
    await callOk(core, 'sessions.stage', { reviewId, stage: 'discover' });
    const cardId = 'sellick-4-mutual-advantage';
    const drawn = (await callOk<Session>(core, 'sessions.draw', { reviewId, cardId })).cards.at(-1)!;
    expect(drawn.card).toMatchObject({ id: cardId, title: 'Mutual advantage' });
    const wordsAsDrawn = drawn.card!.questions;

    await callOk(core, 'cards.update', {
      deckId: deck.id,
      cardId,
      title: 'Mutual advantage, reworded later',
      questions: [{ phase: 'discover', text: 'A later question?' }],
      qualityStandards: [],
    });
    const after = (await session(core, reviewId)).cards.at(-1)!;
    expect(after.card).toMatchObject({ title: 'Mutual advantage', questions: wordsAsDrawn });
    await callOk(core, 'sessions.stage', { reviewId, stage: 'dream' });
    const carried = (await callOk<Session>(core, 'sessions.carry', { reviewId, drawId: drawn.drawId })).cards.at(-1)!;
    expect(carried.card).toEqual(drawn.card);

    await callOk(core, 'sessions.conclude', { reviewId });
    const [draft] = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId });
    expect(draft!.content.stages.find((entry) => entry.stage === 'discover')!.cards).toEqual([
      { id: cardId, title: 'Mutual advantage', carriedFrom: null },
    ]);
  });

  it('refuses a source or a view too long to keep, writing nothing', async () => {
    const core = testCore();
    const { review } = await seedCaseBook(core);
    const before = snapshot(core);
    const refused = await callError(core, 'notes.save', {
      ...note(review.id, 'provider', 'Seen in the log', 'evidence'),
      source: 'x'.repeat(1001),
    });
    expect(refused.message).toBe('Keep the source under 1,000 characters.');
    const refusedView = await callError(core, 'notes.save', {
      ...note(review.id, 'provider', 'Weekend staffing', 'disagreement'),
      providerView: 'x'.repeat(10_001),
    });
    expect(refusedView.message).toBe('Keep the provider’s view under 10,000 characters.');
    expect(snapshot(core)).toEqual(before);
  });
});

describe('check-in', () => {
  it('shows nothing until both sides have rated, then both together; keeps a history across reviews', async () => {
    const core = testCore();
    const { review, home } = await seedCaseBook(core);
    const afterOne = await callOk<Session>(core, 'checkin.submit', {
      reviewId: review.id,
      side: 'commissioner',
      ratings: ratings(4),
    });
    expect(afterOne.checkin).toEqual({
      submitted: { commissioner: true, provider: false },
      revealed: false,
      ratings: null,
    });
    const afterBoth = await callOk<Session>(core, 'checkin.submit', {
      reviewId: review.id,
      side: 'provider',
      ratings: ratings(3),
    });
    expect(afterBoth.checkin.revealed).toBe(true);
    expect(afterBoth.checkin.ratings!.commissioner['senior-relationships']).toEqual({ score: 4, word: 'warm' });
    expect(afterBoth.checkin.ratings!.provider.collaboration).toEqual({ score: 3, word: '' });
    expect(
      (await callError(core, 'checkin.submit', { reviewId: review.id, side: 'provider', ratings: ratings(5) })).code,
    ).toBe('conflict');
    const history = await callOk<{ reviewId: string }[]>(core, 'checkin.history', { homeId: home.id });
    expect(history.map((entry) => entry.reviewId)).toEqual([review.id]);
    const bad = await callError(core, 'checkin.submit', {
      reviewId: review.id,
      side: 'facilitator',
      ratings: ratings(9),
    });
    expect(bad.code).toBe('invalid_input');
  });
});

describe('matters arising', () => {
  it('brings an earlier review’s open actions into the next review of the same subject, to be updated', async () => {
    const core = testCore();
    const { review, placement } = await seedCaseBook(core);
    await callOk(core, 'actions.save', {
      reviewId: review.id,
      text: 'Book the dentist',
      ownerSide: 'provider',
      dueDate: '2027-01-10',
    });
    await callOk(core, 'actions.save', {
      reviewId: review.id,
      text: 'Share the education plan',
      ownerSide: 'commissioner',
    });
    await callOk(core, 'sessions.conclude', { reviewId: review.id });

    const next = await callOk<{ id: string }>(core, 'reviews.create', {
      scope: 'placement',
      placementId: placement.id,
      scheduledFor: '2027-06-03T10:00:00Z',
    });
    let matters = (await session(core, next.id)).matters;
    expect(matters.map((m) => [m.text, m.status, m.fromReviewTitle])).toEqual([
      ['Book the dentist', 'not_started', 'Placement review: AB12 at Oakwood House'],
      ['Share the education plan', 'not_started', 'Placement review: AB12 at Oakwood House'],
    ]);
    const dropped = await callError(core, 'actions.update', {
      reviewId: next.id,
      actionId: matters[1]!.id,
      status: 'dropped',
    });
    expect(dropped.fields).toEqual({ reason: 'Say why the action was dropped.' });
    await callOk(core, 'actions.update', { reviewId: next.id, actionId: matters[0]!.id, status: 'done' });
    await callOk(core, 'actions.update', {
      reviewId: next.id,
      actionId: matters[1]!.id,
      status: 'in_progress',
      reason: 'Waiting for the school',
    });
    matters = (await session(core, next.id)).matters;
    expect(matters.map((m) => [m.status, m.updatedInThisReview])).toEqual([
      ['done', true],
      ['in_progress', true],
    ]);
    await callOk(core, 'sessions.conclude', { reviewId: next.id });

    const third = await callOk<{ id: string }>(core, 'reviews.create', {
      scope: 'placement',
      placementId: placement.id,
      scheduledFor: '2027-12-03T10:00:00Z',
    });
    expect((await session(core, third.id)).matters.map((m) => [m.text, m.status])).toEqual([
      ['Share the education plan', 'in_progress'],
    ]);
  });

  it('refuses an action with no owner, writing nothing', async () => {
    const core = testCore();
    const { review } = await seedCaseBook(core);
    const before = snapshot(core);
    const error = await callError(core, 'actions.save', { reviewId: review.id, text: 'Someone should do something' });
    expect(error.fields).toEqual({ ownerSide: 'Choose a person or a side.' });
    expect(snapshot(core)).toEqual(before);
  });
});
