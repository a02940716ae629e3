import { describe, expect, it } from 'vitest';
import type { Home } from '@shared/domain/homes';
import type { Organisation } from '@shared/domain/organisations';
import type { Person } from '@shared/domain/people';
import { looksLikeName, type Placement } from '@shared/domain/placements';
import type { Review } from '@shared/domain/reviews';
import { randomUUID } from 'node:crypto';
import { defaultTimeBoxes, type Session } from '@shared/domain/sessions';
import { sql } from '@core/db/sql';
import { callError, callOk, seedCaseBook, snapshot, testCore, type TestCore } from './helpers';

describe('homes in full', () => {
  it('keeps registered places, the Ofsted judgement with its date, and the Regulation 44 and 45 dates', async () => {
    const core = testCore();
    const { home, provider } = await seedCaseBook(core);
    const updated = await callOk<Home>(core, 'homes.update', {
      id: home.id,
      providerId: provider.id,
      name: 'Oakwood House',
      ofstedUrn: 'SC123456',
      registeredPlaces: '5',
      ofstedJudgement: 'outstanding',
      ofstedJudgementDate: '2026-09-01',
      reg44VisitDate: '2026-10-14',
      reg45ReviewDate: '',
    });
    expect(updated).toMatchObject({
      registeredPlaces: 5,
      ofstedJudgement: 'outstanding',
      ofstedJudgementDate: '2026-09-01',
      reg44VisitDate: '2026-10-14',
      reg45ReviewDate: null,
    });
  });

  it('refuses a judgement without its date, an impossible date and a silly number of places, changing nothing', async () => {
    const core = testCore();
    const { home, provider } = await seedCaseBook(core);
    const before = snapshot(core);
    const base = { id: home.id, providerId: provider.id, name: 'Oakwood House', ofstedUrn: 'SC123456' };
    const cases: [object, string, string][] = [
      [
        { ofstedJudgement: 'good' },
        'ofstedJudgementDate',
        'Give the Ofsted judgement and the date it was made together.',
      ],
      [
        { reg44VisitDate: '2026-02-30' },
        'reg44VisitDate',
        'Enter the date of the latest Regulation 44 visit, for example 27 March 2026.',
      ],
      [
        { registeredPlaces: 0 },
        'registeredPlaces',
        'Enter the number of registered places as a whole number from 1 to 100.',
      ],
      [
        { registeredPlaces: 2.5 },
        'registeredPlaces',
        'Enter the number of registered places as a whole number from 1 to 100.',
      ],
      [
        { ofstedJudgement: 'brilliant', ofstedJudgementDate: '2026-01-01' },
        'ofstedJudgement',
        'Choose one of the Ofsted judgements.',
      ],
    ];
    for (const [change, field, message] of cases) {
      const error = await callError(core, 'homes.update', { ...base, ...change });
      expect(error.fields?.[field], JSON.stringify(change)).toBe(message);
    }
    expect(snapshot(core)).toEqual(before);
  });
});

describe('editing, archiving and restoring', () => {
  it('edits an organisation, and refuses to turn a provider that runs homes into a council', async () => {
    const core = testCore();
    const { provider } = await seedCaseBook(core);
    const renamed = await callOk<Organisation>(core, 'organisations.update', {
      id: provider.id,
      name: 'Brightwater Care Group',
      kind: 'provider',
    });
    expect(renamed.name).toBe('Brightwater Care Group');
    const error = await callError(core, 'organisations.update', {
      id: provider.id,
      name: 'Brightwater Care Group',
      kind: 'local_authority',
    });
    expect(error).toMatchObject({
      code: 'conflict',
      fields: { kind: 'This organisation runs 1 home, so its kind stays Provider.' },
    });
  });

  it('archives a record out of everyday lists, keeps it, and restores it', async () => {
    const core = testCore();
    const { home } = await seedCaseBook(core);
    const archived = await callOk<Home>(core, 'homes.archive', { id: home.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(await callOk<Home[]>(core, 'homes.list', {})).toEqual([]);
    expect((await callOk<Home[]>(core, 'homes.list', { includeArchived: true })).map((h) => h.id)).toEqual([home.id]);
    const restored = await callOk<Home>(core, 'homes.restore', { id: home.id });
    expect(restored.archivedAt).toBeNull();
    expect((await callOk<Home[]>(core, 'homes.list', {})).map((h) => h.id)).toEqual([home.id]);
  });

  it('does not let a new record link to an archived one', async () => {
    const core = testCore();
    const { home, council } = await seedCaseBook(core);
    await callOk(core, 'homes.archive', { id: home.id });
    const error = await callError(core, 'placements.create', {
      homeId: home.id,
      placingAuthorityId: council.id,
      childReference: 'CD34',
      status: 'planned',
    });
    expect(error.fields).toEqual({ homeId: 'Choose a home from the list.' });
  });

  it('answers a missing record in plain words', async () => {
    const core = testCore();
    for (const method of ['organisations.get', 'homes.archive', 'people.restore', 'placements.get', 'reviews.get']) {
      const error = await callError(core, method, { id: '0b7d0e2e-8f0c-4a51-9d3e-6a1f9d2b7c11' });
      expect(error.code, method).toBe('not_found');
      expect(error.message).toMatch(/^That \w+ is not in the case book\./);
    }
  });
});

describe('people', () => {
  it('adds, edits and lists people with their organisation; bad contact details are explained', async () => {
    const core = testCore();
    const { provider, person } = await seedCaseBook(core);
    const updated = await callOk<Person>(core, 'people.update', {
      id: person.id,
      name: 'Priya Shah',
      role: 'Responsible individual',
      organisationId: provider.id,
      email: '',
      phone: '+44 (0)113 496 0000',
    });
    expect(updated).toMatchObject({
      role: 'Responsible individual',
      email: null,
      phone: '+44 (0)113 496 0000',
      organisationName: 'Brightwater Care Ltd',
    });
    const error = await callError(core, 'people.create', { name: 'Sam Okoro', email: 'sam@', phone: 'call me' });
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['email', 'phone']);
    expect((await callOk<Person[]>(core, 'people.list', { organisationId: provider.id })).map((p) => p.name)).toEqual([
      'Priya Shah',
    ]);
  });
});

describe('placements', () => {
  it('keeps a child as a reference, with dates that make sense for the status', async () => {
    const core = testCore();
    const { home, council } = await seedCaseBook(core);
    const base = { homeId: home.id, placingAuthorityId: council.id, childReference: 'NS-2026-0147' };
    const cases: [object, string][] = [
      [{ status: 'ended', startDate: '2026-01-01' }, 'Give the date an ended placement ended.'],
      [{ status: 'current' }, 'Give the date a current placement started.'],
      [
        { status: 'ended', startDate: '2026-05-01', endDate: '2026-04-01' },
        'The end date must be on or after the start date.',
      ],
    ];
    for (const [change, message] of cases) {
      const error = await callError(core, 'placements.create', { ...base, ...change });
      expect(Object.values(error.fields ?? {})).toContain(message);
    }
    const placement = await callOk<Placement>(core, 'placements.create', {
      ...base,
      status: 'planned',
      startDate: '2027-01-10',
    });
    expect(placement).toMatchObject({
      childReference: 'NS-2026-0147',
      homeName: 'Oakwood House',
      placingAuthorityName: 'Northshire County Council',
    });
  });

  it('refuses a placing authority that is not a local authority', async () => {
    const core = testCore();
    const { home, provider } = await seedCaseBook(core);
    const error = await callError(core, 'placements.create', {
      homeId: home.id,
      placingAuthorityId: provider.id,
      childReference: 'XY',
      status: 'planned',
    });
    expect(error.fields).toEqual({ placingAuthorityId: 'Choose a local authority from the list.' });
  });

  it('refuses a child reference that reads like a name, on adding and on changing, and keeps nothing', async () => {
    const core = testCore();
    const { home, council, placement } = await seedCaseBook(core);
    const before = await callOk<Placement[]>(core, 'placements.list', {});
    for (const name of ['Jayden Smith', 'jayden', "Siobhán O'Neill"]) {
      const error = await callError(core, 'placements.create', {
        homeId: home.id,
        placingAuthorityId: council.id,
        childReference: name,
        status: 'planned',
      });
      expect(error.fields?.childReference, name).toMatch(/^This looks like a name\..*never holds a child’s name\.$/);
    }
    const renamed = await callError(core, 'placements.update', { ...placement, childReference: 'Jayden Smith' });
    expect(renamed.fields?.childReference).toMatch(/This looks like a name/);
    expect(await callOk<Placement[]>(core, 'placements.list', {})).toEqual(before);
  });

  it('tells a name from a reference', () => {
    for (const name of ['Jamie Smith', 'jamie smith', 'Jamie', "Siobhán O'Neill", 'Anne-Marie Jones'])
      expect(looksLikeName(name), name).toBe(true);
    for (const reference of ['AB12', 'A.B.', 'JS', 'NS-2026-0147', 'Case 4471', 'ABC', '12345'])
      expect(looksLikeName(reference), reference).toBe(false);
  });
});

describe('reviews', () => {
  it('works out the home and both sides from a placement, and lists history for the home, placement and each organisation', async () => {
    const core = testCore();
    const { review, home, placement, council, provider } = await seedCaseBook(core);
    const relationship = await callOk<Review>(core, 'reviews.create', {
      scope: 'relationship',
      commissionerId: council.id,
      providerId: provider.id,
      scheduledFor: '2027-02-01T14:00:00+00:00',
    });
    expect(relationship.title).toBe('Relationship review: Northshire County Council and Brightwater Care Ltd');
    const placementReview = await callOk<Review>(core, 'reviews.get', { id: review.id });
    expect(placementReview).toMatchObject({
      scope: 'placement',
      title: 'Placement review: AB12 at Oakwood House',
      homeId: home.id,
      commissionerName: 'Northshire County Council',
      providerName: 'Brightwater Care Ltd',
      status: 'planned',
      nextReviewDate: '2027-06-03',
    });
    const ids = async (filter: object) => (await callOk<Review[]>(core, 'reviews.list', filter)).map((r) => r.id);
    expect(await ids({ homeId: home.id })).toEqual([review.id]);
    expect(await ids({ placementId: placement.id })).toEqual([review.id]);
    expect(await ids({ organisationId: provider.id })).toEqual([relationship.id, review.id]);
    expect(await ids({ organisationId: provider.id, otherOrganisationId: council.id })).toEqual([
      relationship.id,
      review.id,
    ]);
    const elsewhere = await callOk<{ id: string }>(core, 'organisations.create', {
      name: 'Westshire Council',
      kind: 'local_authority',
    });
    expect(await ids({ organisationId: provider.id, otherOrganisationId: elsewhere.id })).toEqual([]);
  });

  it('stores the time of a review in UTC whatever offset it was given', async () => {
    const core = testCore();
    const { home, council } = await seedCaseBook(core);
    const review = await callOk<Review>(core, 'reviews.create', {
      scope: 'home',
      homeId: home.id,
      commissionerId: council.id,
      scheduledFor: '2026-07-01T10:00:00+01:00',
    });
    expect(review.scheduledFor).toBe('2026-07-01T09:00:00.000Z');
  });

  it('refuses a review with the wrong kind of organisation on a side', async () => {
    const core = testCore();
    const { council, provider } = await seedCaseBook(core);
    const error = await callError(core, 'reviews.create', {
      scope: 'relationship',
      commissionerId: provider.id,
      providerId: council.id,
      scheduledFor: '2027-02-01T14:00:00Z',
    });
    expect(error.fields).toEqual({ commissionerId: 'Choose a local authority from the list.' });
  });
});

/** A minutes version as the minutes module leaves it (sealing itself is tested in minutes.test.ts). */
function putMinutes(core: TestCore, reviewId: string, version: number, status: 'draft' | 'locked' | 'sealed') {
  const id = randomUUID();
  const now = new Date().toISOString();
  core.context.db.run(sql`
    INSERT INTO minutes (id, review_id, version, status, created_at, updated_at, sealed_at)
    VALUES (${id}, ${reviewId}, ${version}, ${status}, ${now}, ${now}, ${status === 'sealed' ? now : null})`);
  return id;
}

function countersign(core: TestCore, minutesId: string) {
  core.context.db.run(sql`
    INSERT INTO countersignatures (id, minutes_id, signer, organisation, fingerprint, signed_at, imported_at)
    VALUES (${randomUUID()}, ${minutesId}, 'Sam Okoro', 'Northshire County Council', ${'ab'.repeat(32)}, NULL, ${new Date().toISOString()})`);
}

describe('what became of a review’s minutes', () => {
  it('says sealed, then countersigned, from the current version only, in the list and for one review', async () => {
    const core = testCore();
    const { review, placement } = await seedCaseBook(core);
    const state = async () => {
      const listed = (await callOk<Review[]>(core, 'reviews.list', { placementId: placement.id }))[0]!;
      const one = await callOk<Review>(core, 'reviews.get', { id: review.id });
      expect(one.minutesState).toBe(listed.minutesState);
      return listed.minutesState;
    };
    expect(await state()).toBeNull();
    await callOk(core, 'sessions.conclude', { reviewId: review.id });
    expect(await state()).toBeNull();
    const draft = core.context.db.get<{ id: string }>(sql`SELECT id FROM minutes WHERE review_id = ${review.id}`)!;
    core.context.db.run(
      sql`UPDATE minutes SET status = 'sealed', sealed_at = ${new Date().toISOString()} WHERE id = ${draft.id}`,
    );
    expect(await state()).toBe('sealed');
    countersign(core, draft.id);
    expect(await state()).toBe('countersigned');
    // An amendment is the current version: until it is sealed, the review is concluded again.
    const amendment = putMinutes(core, review.id, 2, 'draft');
    expect(await state()).toBeNull();
    core.context.db.run(sql`UPDATE minutes SET status = 'sealed' WHERE id = ${amendment}`);
    expect(await state()).toBe('sealed');
  });

  it('tells each review in a list apart', async () => {
    const core = testCore();
    const { review, home, council } = await seedCaseBook(core);
    const other = await callOk<Review>(core, 'reviews.create', {
      scope: 'home',
      homeId: home.id,
      commissionerId: council.id,
      scheduledFor: '2027-03-01T10:00:00Z',
    });
    const third = await callOk<Review>(core, 'reviews.create', {
      scope: 'home',
      homeId: home.id,
      commissionerId: council.id,
      scheduledFor: '2027-04-01T10:00:00Z',
    });
    countersign(core, putMinutes(core, review.id, 1, 'sealed'));
    putMinutes(core, other.id, 1, 'sealed');
    putMinutes(core, third.id, 1, 'locked');
    const listed = await callOk<Review[]>(core, 'reviews.list', { homeId: home.id });
    expect(listed.map((r) => [r.id, r.minutesState])).toEqual([
      [third.id, null],
      [other.id, 'sealed'],
      [review.id, 'countersigned'],
    ]);
  });
});

describe('planning the next review', () => {
  async function heldReview(core: TestCore) {
    const seeded = await seedCaseBook(core);
    const { review, person } = seeded;
    await callOk(core, 'sessions.plan', {
      reviewId: review.id,
      affirmativeTopic: 'Days that go well for AB12',
      apologies: 'The independent reviewing officer',
      deckId: 'relational-commissioning',
      timeBoxes: defaultTimeBoxes,
    });
    const participant = (input: object) => callOk(core, 'sessions.addParticipant', { reviewId: review.id, ...input });
    await participant({
      personId: person.id,
      name: 'Priya Shah',
      role: 'Registered manager',
      side: 'provider',
      attendance: 'present',
    });
    await participant({
      name: 'Sam Okoro',
      role: 'Commissioning officer',
      organisation: 'Northshire County Council',
      side: 'commissioner',
      attendance: 'present',
    });
    await participant({ name: 'Jo Reid', role: 'Social worker', side: 'commissioner', attendance: 'apologies' });
    await callOk(core, 'notes.save', {
      id: randomUUID(),
      reviewId: review.id,
      stage: 'discover',
      side: 'provider',
      kind: 'story',
      text: 'AB12 led the garden project.',
    });
    await callOk(core, 'checkin.submit', {
      reviewId: review.id,
      side: 'commissioner',
      ratings: {
        'senior-relationships': { score: 4 },
        collaboration: { score: 4 },
        'difficult-needs': { score: 3 },
        'mutual-advantage': { score: 4 },
      },
    });
    await callOk(core, 'actions.save', { reviewId: review.id, text: 'Book the dentist', ownerSide: 'provider' });
    await callOk(core, 'sessions.conclude', { reviewId: review.id });
    return seeded;
  }

  it('starts with the last review’s present participants and topic, not its notes, ratings or actions', async () => {
    const core = testCore();
    const { placement } = await heldReview(core);
    const next = await callOk<Review>(core, 'reviews.create', {
      scope: 'placement',
      placementId: placement.id,
      scheduledFor: '2027-06-03T10:00:00Z',
      carryForward: true,
    });
    expect(next).toMatchObject({ status: 'planned', affirmativeTopic: 'Days that go well for AB12' });
    const session = await callOk<Session>(core, 'sessions.get', { reviewId: next.id });
    expect(session.participants.map((p) => [p.name, p.role, p.side, p.attendance])).toEqual([
      ['Priya Shah', 'Registered manager', 'provider', 'present'],
      ['Sam Okoro', 'Commissioning officer', 'commissioner', 'present'],
    ]);
    expect(session).toMatchObject({ apologies: '', notes: [], actions: [], openConcerns: [] });
    expect(session.checkin.submitted).toEqual({ commissioner: false, provider: false });
    // The last review's action comes as a matter arising, as it would for any next review.
    expect(session.matters.map((m) => m.text)).toEqual(['Book the dentist']);
    // The facilitator changes what was carried in the plan, as for any review.
    await callOk(core, 'sessions.removeParticipant', {
      reviewId: next.id,
      participantId: session.participants[1]!.id,
    });
    expect((await callOk<Session>(core, 'sessions.get', { reviewId: next.id })).participants).toHaveLength(1);
  });

  it('carries nothing without being asked, from another placement, or when there was no review before', async () => {
    const core = testCore();
    const { placement, home, council } = await heldReview(core);
    const plain = await callOk<Review>(core, 'reviews.create', {
      scope: 'placement',
      placementId: placement.id,
      scheduledFor: '2027-06-03T10:00:00Z',
    });
    expect(plain.affirmativeTopic).toBe('');
    const other = await callOk<{ id: string }>(core, 'placements.create', {
      homeId: home.id,
      placingAuthorityId: council.id,
      childReference: 'CD34',
      startDate: '2026-05-01',
      status: 'current',
    });
    const first = await callOk<Review>(core, 'reviews.create', {
      scope: 'placement',
      placementId: other.id,
      scheduledFor: '2027-06-04T10:00:00Z',
      carryForward: true,
    });
    expect(first.affirmativeTopic).toBe('');
    // A home review follows the last review of the home, not of a placement there.
    const homeReview = await callOk<Review>(core, 'reviews.create', {
      scope: 'home',
      homeId: home.id,
      commissionerId: council.id,
      scheduledFor: '2027-06-05T10:00:00Z',
      carryForward: true,
    });
    for (const review of [plain, first, homeReview])
      expect((await callOk<Session>(core, 'sessions.get', { reviewId: review.id })).participants).toEqual([]);
  });

  it('follows the latest review of the home with the same commissioner, leaving out people since archived', async () => {
    const core = testCore();
    const { home, council, person } = await seedCaseBook(core);
    const homeReview = (scheduledFor: string, carryForward?: boolean) =>
      callOk<Review>(core, 'reviews.create', {
        scope: 'home',
        homeId: home.id,
        commissionerId: council.id,
        scheduledFor,
        carryForward,
      });
    const older = await homeReview('2026-06-01T10:00:00Z');
    const latest = await homeReview('2026-12-01T10:00:00Z');
    for (const [review, topic] of [
      [older, 'An old topic'],
      [latest, 'Settling in together'],
    ] as const)
      await callOk(core, 'sessions.plan', {
        reviewId: review.id,
        affirmativeTopic: topic,
        deckId: 'relational-commissioning',
        timeBoxes: defaultTimeBoxes,
      });
    await callOk(core, 'sessions.addParticipant', {
      reviewId: latest.id,
      personId: person.id,
      name: 'Priya Shah',
      side: 'provider',
      attendance: 'present',
    });
    // Someone archived since is not carried: they may have left.
    await callOk(core, 'sessions.addParticipant', {
      reviewId: latest.id,
      name: 'Sam Okoro',
      side: 'commissioner',
      attendance: 'present',
    });
    const next = await homeReview('2027-06-01T10:00:00Z', true);
    expect(next.affirmativeTopic).toBe('Settling in together');
    expect(
      (await callOk<Session>(core, 'sessions.get', { reviewId: next.id })).participants.map((p) => p.name),
    ).toEqual(['Priya Shah', 'Sam Okoro']);
    await callOk(core, 'people.archive', { id: person.id });
    const after = await homeReview('2027-12-01T10:00:00Z', true);
    // The latest is now the review just planned: its people, less the one archived.
    expect(
      (await callOk<Session>(core, 'sessions.get', { reviewId: after.id })).participants.map((p) => p.name),
    ).toEqual(['Sam Okoro']);
  });
});
