import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Overview } from '@shared/domain/overview';
import { sql } from '@core/db/sql';
import { addDays, ukDay } from '@core/overview/overview';
import { callError, callOk, manualClock, testCore, type TestCore } from './helpers';

const day = 24 * 60 * 60 * 1000;

/** Today is 3 December 2026 (GMT) unless a test moves the clock. */
function overviewCore() {
  const time = manualClock('2026-12-03T10:00:00.000Z');
  return { core: testCore(undefined, time.clock), time };
}

/** Two organisations, a home and as many placements there as asked. */
async function caseBook(core: TestCore, placements = 1) {
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
    ofstedUrn: 'SC100000',
  });
  const ids: string[] = [];
  for (let i = 0; i < placements; i++) {
    const placement = await callOk<{ id: string }>(core, 'placements.create', {
      homeId: home.id,
      placingAuthorityId: council.id,
      childReference: `AB${10 + i}`,
      status: 'current',
      startDate: '2026-01-05',
    });
    ids.push(placement.id);
  }
  return { council, provider, home, placementIds: ids };
}

async function placementReview(core: TestCore, placementId: string, scheduledFor: string, nextReviewDate?: string) {
  return callOk<{ id: string; title: string }>(core, 'reviews.create', {
    scope: 'placement',
    placementId,
    scheduledFor,
    ...(nextReviewDate ? { nextReviewDate } : {}),
  });
}

async function concluded(core: TestCore, placementId: string, scheduledFor: string, nextReviewDate?: string) {
  const review = await placementReview(core, placementId, scheduledFor, nextReviewDate);
  await callOk(core, 'sessions.conclude', { reviewId: review.id });
  return review;
}

const overview = (core: TestCore, input: Record<string, unknown> = {}) => callOk<Overview>(core, 'overview.get', input);

describe('days in the UK', () => {
  it('reads a moment as the day it falls on in the UK, in summer time too, and counts days across months', () => {
    expect(ukDay('2026-12-02T23:30:00.000Z')).toBe('2026-12-02');
    expect(ukDay('2026-09-03T23:30:00.000Z')).toBe('2026-09-04');
    expect(addDays('2026-12-03', -90)).toBe('2026-09-04');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });
});

describe('the overview: reviews due', () => {
  it('lists each subject’s latest concluded review by its next-review date: overdue when past, due within 14 days', async () => {
    const { core } = overviewCore();
    const { placementIds } = await caseBook(core, 5);
    const [a, b, c, d, e] = placementIds as [string, string, string, string, string];
    const overdue = await concluded(core, a, '2026-06-02T10:00:00Z', '2026-12-02');
    const today = await concluded(core, b, '2026-06-03T10:00:00Z', '2026-12-03');
    const lastDay = await concluded(core, c, '2026-06-04T10:00:00Z', '2026-12-17');
    await concluded(core, d, '2026-06-05T10:00:00Z', '2026-12-18');
    await concluded(core, e, '2026-06-06T10:00:00Z');

    const { reviews } = await overview(core);
    expect(reviews.total).toBe(3);
    expect(reviews.items.map((r) => [r.reviewId, r.state, r.dueDate])).toEqual([
      [overdue.id, 'overdue', '2026-12-02'],
      [today.id, 'due', '2026-12-03'],
      [lastDay.id, 'due', '2026-12-17'],
    ]);
    expect(reviews.items[0]).toMatchObject({ title: overdue.title, scope: 'placement' });

    // Within 15 days, the 18th is due too.
    const soon = await overview(core, { soonDays: 15 });
    expect(soon.reviews.total).toBe(4);
  });

  it('moves a review from due to overdue as the days pass', async () => {
    const { core, time } = overviewCore();
    const { placementIds } = await caseBook(core);
    await concluded(core, placementIds[0]!, '2026-06-03T10:00:00Z', '2026-12-04');
    expect((await overview(core)).reviews.items[0]!.state).toBe('due');
    time.advance(day);
    expect((await overview(core)).reviews.items[0]!.state).toBe('due');
    time.advance(day);
    expect((await overview(core)).reviews.items[0]!.state).toBe('overdue');
  });

  it('goes by the latest concluded review, and leaves out a subject whose next review is already planned', async () => {
    const { core } = overviewCore();
    const { placementIds } = await caseBook(core, 2);
    const [a, b] = placementIds as [string, string];
    // The earlier review's date passed long ago; the latest one set a later date.
    await concluded(core, a, '2026-01-10T10:00:00Z', '2026-06-10');
    await concluded(core, a, '2026-06-10T10:00:00Z', '2027-01-10');
    // Overdue, but the next review is planned.
    await concluded(core, b, '2026-06-10T10:00:00Z', '2026-11-10');
    await placementReview(core, b, '2026-12-20T10:00:00Z');
    expect((await overview(core)).reviews.total).toBe(0);
  });

  it('lists a planned review whose day has passed without its being concluded, not one planned for today', async () => {
    const { core } = overviewCore();
    const { placementIds } = await caseBook(core, 3);
    const [a, b, c] = placementIds as [string, string, string];
    const yesterday = await placementReview(core, a, '2026-12-02T23:30:00Z');
    await placementReview(core, b, '2026-12-03T09:00:00Z');
    const archived = await placementReview(core, c, '2026-11-01T10:00:00Z');
    await callOk(core, 'reviews.archive', { id: archived.id });

    const { reviews } = await overview(core);
    expect(reviews.items.map((r) => [r.reviewId, r.state, r.dueDate])).toEqual([
      [yesterday.id, 'not_concluded', '2026-12-02'],
    ]);
  });

  it('leaves out the reviews of a placement that has ended', async () => {
    const { core } = overviewCore();
    const { placementIds } = await caseBook(core);
    await concluded(core, placementIds[0]!, '2026-06-02T10:00:00Z', '2026-11-02');
    expect((await overview(core)).reviews.total).toBe(1);
    core.context.db.run(sql`UPDATE placements SET status = 'ended' WHERE id = ${placementIds[0]!}`);
    expect((await overview(core)).reviews.total).toBe(0);
  });

  it('counts every line but gives only as many as asked, most urgent first', async () => {
    const { core } = overviewCore();
    const { placementIds } = await caseBook(core, 4);
    for (const [i, id] of placementIds.entries())
      await concluded(core, id, '2026-06-02T10:00:00Z', `2026-11-0${4 - i}`);
    const { reviews } = await overview(core, { limit: 2 });
    expect(reviews.total).toBe(4);
    expect(reviews.items.map((r) => r.dueDate)).toEqual(['2026-11-01', '2026-11-02']);
  });
});

describe('the overview: actions due', () => {
  it('lists open actions overdue or due within 14 days with their owners, as matters arising decide what is open', async () => {
    const { core } = overviewCore();
    const { placementIds } = await caseBook(core);
    const placementId = placementIds[0]!;
    const person = await callOk<{ id: string }>(core, 'people.create', { name: 'Priya Shah', role: 'Manager' });
    const earlier = await placementReview(core, placementId, '2026-06-03T10:00:00Z');
    const save = async (text: string, dueDate: string | undefined, owner: Record<string, unknown>) => {
      await callOk(core, 'actions.save', { reviewId: earlier.id, text, dueDate, ...owner });
      const actions = core.context.db.all<{ id: string }>(sql`SELECT id FROM actions WHERE text = ${text}`);
      return actions[0]!.id;
    };
    const overdue = await save('Book the dental check-up', '2026-12-02', { ownerPersonId: person.id });
    const dueToday = await save('Share the education plan', '2026-12-03', { ownerSide: 'commissioner' });
    const lastDay = await save('Arrange the contact visit', '2026-12-17', { ownerSide: 'provider' });
    await save('Too far off', '2026-12-18', { ownerSide: 'provider' });
    await save('No date', undefined, { ownerSide: 'provider' });
    const done = await save('Done since', '2026-11-01', { ownerSide: 'provider' });
    const dropped = await save('Dropped since', '2026-11-01', { ownerSide: 'provider' });
    const going = await save('Going on', '2026-11-02', { ownerSide: 'provider' });
    const deleted = await save('Deleted', '2026-11-01', { ownerSide: 'provider' });
    await callOk(core, 'actions.delete', { reviewId: earlier.id, actionId: deleted });
    await callOk(core, 'sessions.conclude', { reviewId: earlier.id });

    // A later review said where three of them stand.
    const later = await placementReview(core, placementId, '2026-12-03T10:00:00Z');
    await callOk(core, 'actions.update', { reviewId: later.id, actionId: done, status: 'done', reason: '' });
    await callOk(core, 'actions.update', {
      reviewId: later.id,
      actionId: dropped,
      status: 'dropped',
      reason: 'No need',
    });
    await callOk(core, 'actions.update', { reviewId: later.id, actionId: going, status: 'in_progress', reason: '' });

    const { actions } = await overview(core);
    expect(actions.items.map((a) => [a.actionId, a.state, a.dueDate])).toEqual([
      [going, 'overdue', '2026-11-02'],
      [overdue, 'overdue', '2026-12-02'],
      [dueToday, 'due', '2026-12-03'],
      [lastDay, 'due', '2026-12-17'],
    ]);
    expect(actions.items[1]).toMatchObject({
      text: 'Book the dental check-up',
      ownerName: 'Priya Shah',
      ownerSide: null,
      reviewId: earlier.id,
      reviewTitle: earlier.title,
    });
    expect(actions.items[2]).toMatchObject({ ownerName: null, ownerSide: 'commissioner' });
  });

  it('takes the latest update by the day of its review, not by when it was typed', async () => {
    const { core } = overviewCore();
    const { placementIds } = await caseBook(core);
    const placementId = placementIds[0]!;
    const first = await placementReview(core, placementId, '2026-03-03T10:00:00Z');
    await callOk(core, 'actions.save', {
      reviewId: first.id,
      text: 'Fix the boiler',
      ownerSide: 'provider',
      dueDate: '2026-04-01',
    });
    const [action] = core.context.db.all<{ id: string }>(sql`SELECT id FROM actions`);
    await callOk(core, 'sessions.conclude', { reviewId: first.id });
    const june = await placementReview(core, placementId, '2026-06-03T10:00:00Z');
    const september = await placementReview(core, placementId, '2026-09-03T10:00:00Z');
    // September's review says it goes on; June's, written up afterwards, said it was done.
    await callOk(core, 'actions.update', {
      reviewId: september.id,
      actionId: action!.id,
      status: 'in_progress',
      reason: '',
    });
    await callOk(core, 'actions.update', { reviewId: june.id, actionId: action!.id, status: 'done', reason: '' });
    expect((await overview(core)).actions.items.map((a) => [a.actionId, a.state])).toEqual([[action!.id, 'overdue']]);
    await callOk(core, 'actions.update', { reviewId: september.id, actionId: action!.id, status: 'done', reason: '' });
    expect((await overview(core)).actions.total).toBe(0);
  });
});

describe('the overview: homes not visited', () => {
  it('lists homes with no visit in 90 days, never visited first, and counts the 90th day back as within', async () => {
    const { core } = overviewCore();
    const { provider, home } = await caseBook(core, 0);
    let urn = 100001;
    const home2 = async (name: string) =>
      callOk<{ id: string }>(core, 'homes.create', { providerId: provider.id, name, ofstedUrn: `SC${urn++}` });
    const never = await home2('Willow Lodge');
    const justWithin = await home2('Ash Cottage');
    const justOutside = await home2('Birch House');
    const archivedHome = await home2('Elm House');
    await callOk(core, 'homes.archive', { id: archivedHome.id });
    const visit = (homeId: string, visitedAt: string) =>
      callOk<{ id: string }>(core, 'visits.create', {
        homeId,
        visitedAt,
        kind: 'commissioner',
        visitors: [{ name: 'Sam Okoro' }],
      });
    // 90 days before 3 December is 4 September (BST: 23:30 GMT on the 3rd is the 4th in the UK).
    await visit(justWithin.id, '2026-09-03T23:30:00.000Z');
    await visit(justOutside.id, '2026-09-03T12:00:00.000Z');
    // Oakwood House: visited lately, but that visit was archived, so its last is in May.
    await visit(home.id, '2026-05-01T10:00:00.000Z');
    const archivedVisit = await visit(home.id, '2026-11-20T10:00:00.000Z');
    await callOk(core, 'visits.archive', { visitId: archivedVisit.id });

    const { homes, notVisitedDays } = await overview(core);
    expect(notVisitedDays).toBe(90);
    expect(homes.items.map((h) => [h.homeName, h.lastVisitedAt])).toEqual([
      ['Willow Lodge', null],
      ['Oakwood House', '2026-05-01T10:00:00.000Z'],
      ['Birch House', '2026-09-03T12:00:00.000Z'],
    ]);
    expect(homes.items[0]).toMatchObject({ homeId: never.id, providerName: 'Brightwater Care Ltd' });

    const { homes: within250 } = await overview(core, { notVisitedDays: 250 });
    expect(within250.items.map((h) => h.homeName)).toEqual(['Willow Lodge']);
  });
});

describe('the overview: minutes awaiting countersignature', () => {
  /** The review's draft minutes, marked sealed by `sealer` as sealing would leave them. */
  function seal(core: TestCore, reviewId: string, sealer: string, sealedAt: string) {
    core.context.db.run(sql`
      UPDATE minutes SET status = 'sealed', sealed_at = ${sealedAt}, sealed_by = ${`Jo Bloggs, ${sealer}`}
      WHERE review_id = ${reviewId}`);
    return core.context.db.get<{ id: string }>(sql`SELECT id FROM minutes WHERE review_id = ${reviewId}`)!.id;
  }

  it('lists current sealed minutes with no countersignature, longest waiting first, naming whose is awaited', async () => {
    const { core } = overviewCore();
    const { placementIds } = await caseBook(core, 4);
    const [a, b, c, d] = placementIds as [string, string, string, string];
    const byProvider = await concluded(core, a, '2026-10-01T10:00:00Z');
    const byCouncil = await concluded(core, b, '2026-10-02T10:00:00Z');
    const countersigned = await concluded(core, c, '2026-10-03T10:00:00Z');
    const amended = await concluded(core, d, '2026-10-04T10:00:00Z');
    const first = seal(core, byProvider.id, 'Brightwater Care Ltd', '2026-10-05T10:00:00.000Z');
    const second = seal(core, byCouncil.id, 'Northshire County Council', '2026-10-03T10:00:00.000Z');
    const signed = seal(core, countersigned.id, 'Brightwater Care Ltd', '2026-10-04T10:00:00.000Z');
    core.context.db.run(sql`
      INSERT INTO countersignatures (id, minutes_id, signer, organisation, fingerprint, signed_at, imported_at)
      VALUES (${randomUUID()}, ${signed}, 'Sam Okoro', 'Northshire County Council', ${'a'.repeat(64)}, NULL, '2026-10-06T10:00:00.000Z')`);
    seal(core, amended.id, 'Brightwater Care Ltd', '2026-10-04T10:00:00.000Z');
    const now = '2026-10-07T10:00:00.000Z';
    core.context.db.run(sql`
      INSERT INTO minutes (id, review_id, version, status, created_at, updated_at)
      VALUES (${randomUUID()}, ${amended.id}, 2, 'draft', ${now}, ${now})`);

    const { minutes } = await overview(core);
    expect(minutes.items.map((m) => [m.minutesId, m.reviewId, m.awaitedFrom])).toEqual([
      [second, byCouncil.id, 'Brightwater Care Ltd'],
      [first, byProvider.id, 'Northshire County Council'],
    ]);
    expect(minutes.items[0]).toMatchObject({
      version: 1,
      reviewTitle: byCouncil.title,
      sealedAt: '2026-10-03T10:00:00.000Z',
    });
  });
});

describe('the overview', () => {
  it('says there is nothing due in an empty case book, and refuses days that are not whole and positive', async () => {
    const { core } = overviewCore();
    expect(await overview(core)).toMatchObject({
      today: '2026-12-03',
      soonDays: 14,
      notVisitedDays: 90,
      reviews: { total: 0, items: [] },
      actions: { total: 0, items: [] },
      homes: { total: 0, items: [] },
      minutes: { total: 0, items: [] },
    });
    expect((await callError(core, 'overview.get', { soonDays: 0 })).code).toBe('invalid_input');
    expect((await callError(core, 'overview.get', { notVisitedDays: 1.5 })).code).toBe('invalid_input');
    expect((await callError(core, 'overview.get', { today: '2026-12-03' })).code).toBe('invalid_input');
  });
});
