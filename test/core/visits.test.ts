import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '@shared/domain/exported-file';
import type { MinutesVersion } from '@shared/domain/minutes';
import type { SearchResults } from '@shared/domain/search';
import { qualityOfCareVariables, type VariableRating, type Visit, type VisitSummary } from '@shared/domain/visits';
import { sql } from '@core/db/sql';
import { callError, callOk, seedCaseBook, snapshot, testCore, type TestCore } from './helpers';

const paper = readFileSync(
  path.resolve(__dirname, '../fixtures/paper/rethinking-childrens-commissioning.txt'),
  'utf8',
).replace(/\s+/g, ' ');

async function visitOf(core: TestCore, changes: Record<string, unknown> = {}) {
  const seeded = await seedCaseBook(core);
  const visit = await callOk<Visit>(core, 'visits.create', {
    homeId: seeded.home.id,
    visitedAt: '2026-10-14T09:30:00.000Z',
    kind: 'commissioner',
    purpose: 'A morning in the house before school',
    visitors: [{ personId: seeded.person.id, name: 'Priya Shah' }, { name: 'Sam Okoro' }],
    placementIds: [seeded.placement.id],
    ...changes,
  });
  return { ...seeded, visit };
}

const note = (visitId: string, fields: Record<string, unknown>) => ({
  id: randomUUID(),
  visitId,
  text: '',
  ...fields,
});

describe('the thirteen quality-of-care variables', () => {
  it('are Berridge and Brodie’s, each named and questioned word for word as the paper prints them, in order', () => {
    let from = 0;
    for (const variable of qualityOfCareVariables) {
      const line = `${variable.number}) ${variable.name} - ${variable.question}`;
      const at = paper.indexOf(line, from);
      expect(at, line).toBeGreaterThan(from);
      from = at;
    }
    expect(qualityOfCareVariables.map((variable) => variable.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
  });
});

describe('visits', () => {
  it('records a visit with its visitors and placements, lists it by home and placement, and changes it', async () => {
    const core = testCore();
    const { visit, home, placement, person } = await visitOf(core);
    expect(visit).toMatchObject({
      homeId: home.id,
      homeName: 'Oakwood House',
      visitedAt: '2026-10-14T09:30:00.000Z',
      kind: 'commissioner',
      visitors: [
        { personId: person.id, name: 'Priya Shah' },
        { personId: null, name: 'Sam Okoro' },
      ],
      placements: [{ id: placement.id, childReference: 'AB12' }],
      noteCount: 0,
      notes: [],
    });
    expect((await callOk<VisitSummary[]>(core, 'visits.list', { homeId: home.id })).map((v) => v.id)).toEqual([
      visit.id,
    ]);
    expect((await callOk<VisitSummary[]>(core, 'visits.list', { placementId: placement.id })).map((v) => v.id)).toEqual(
      [visit.id],
    );
    const changed = await callOk<Visit>(core, 'visits.update', {
      id: visit.id,
      homeId: home.id,
      visitedAt: '2026-10-14T10:00:00+01:00',
      kind: 'independent',
      purpose: 'Regulation 44 visit',
      visitors: [{ name: 'An independent visitor' }],
      placementIds: [],
    });
    expect(changed).toMatchObject({ visitedAt: '2026-10-14T09:00:00.000Z', kind: 'independent', placements: [] });
    await callOk(core, 'visits.archive', { visitId: visit.id });
    expect(await callOk<VisitSummary[]>(core, 'visits.list', { homeId: home.id })).toEqual([]);
    await callOk(core, 'visits.restore', { visitId: visit.id });
    expect(await callOk<VisitSummary[]>(core, 'visits.list', {})).toHaveLength(1);
  });

  it('refuses a visit with no one named, a placement at another home, or an unknown home, writing nothing', async () => {
    const core = testCore();
    const { visit, home, council } = await visitOf(core);
    const otherHome = await callOk<{ id: string }>(core, 'homes.create', {
      providerId: (await callOk<{ id: string }[]>(core, 'organisations.list', {})).find((o) => o.id !== council.id)!.id,
      name: 'Birch Lodge',
      ofstedUrn: 'SC654321',
    });
    const before = snapshot(core);
    const moved = await callError(core, 'visits.update', {
      id: visit.id,
      homeId: otherHome.id,
      visitedAt: visit.visitedAt,
      kind: 'commissioner',
      visitors: [{ name: 'Sam Okoro' }],
      placementIds: [visit.placements[0]!.id],
    });
    expect(moved.message).toBe('Choose placements at the home visited.');
    const nobody = await callError(core, 'visits.create', {
      homeId: home.id,
      visitedAt: '2026-10-14T09:30:00.000Z',
      kind: 'commissioner',
      visitors: [],
    });
    expect(nobody.message).toBe('Say who visited: a person from the case book, or a name.');
    const unknown = await callError(core, 'visits.create', {
      homeId: randomUUID(),
      visitedAt: '2026-10-14T09:30:00.000Z',
      kind: 'commissioner',
      visitors: [{ name: 'Sam Okoro' }],
    });
    expect(unknown.message).toBe('Choose a home from the list.');
    expect(snapshot(core)).toEqual(before);
  });

  it('keeps quick notes as typed, against a variable, about the home or the mirror, of a kind, with a rating and its reason', async () => {
    const core = testCore();
    const { visit, home } = await visitOf(core);
    const warm = note(visit.id, {
      text: 'Staff sat and ate with the young people',
      variable: 1,
      about: 'home',
      kind: 'seen',
    });
    await callOk(core, 'visitNotes.save', warm);
    await callOk(core, 'visitNotes.save', {
      ...warm,
      text: `${warm.text}; talk was easy.`,
      rating: 4,
      reason: 'Warm, unhurried',
    });
    await callOk(
      core,
      'visitNotes.save',
      note(visit.id, { text: 'Said they like the new keyworker', kind: 'heard_young_person', youngPerson: 'AB12' }),
    );
    await callOk(
      core,
      'visitNotes.save',
      note(visit.id, {
        text: 'Contact log shows every visit kept',
        variable: 10,
        about: 'relationship',
        kind: 'read_record',
        source: 'the home’s contact log',
        rating: 5,
        reason: 'Twelve of twelve',
      }),
    );
    const read = await callOk<Visit>(core, 'visits.get', { visitId: visit.id });
    expect(read.noteCount).toBe(3);
    expect(read.notes[0]).toMatchObject({
      text: 'Staff sat and ate with the young people; talk was easy.',
      variable: 1,
      about: 'home',
      kind: 'seen',
      rating: 4,
      reason: 'Warm, unhurried',
    });
    expect(read.notes[1]).toMatchObject({ kind: 'heard_young_person', youngPerson: 'AB12', variable: null });
    expect(await callOk<VariableRating[]>(core, 'visits.variableHistory', { homeId: home.id })).toEqual([
      { variable: 1, visitId: visit.id, visitedAt: visit.visitedAt, rating: 4, reason: 'Warm, unhurried' },
      { variable: 10, visitId: visit.id, visitedAt: visit.visitedAt, rating: 5, reason: 'Twelve of twelve' },
    ]);

    await callOk(core, 'visitNotes.delete', { visitId: visit.id, noteId: warm.id });
    expect((await callOk<Visit>(core, 'visits.get', { visitId: visit.id })).notes).toHaveLength(2);
    expect(await callOk<VariableRating[]>(core, 'visits.variableHistory', { homeId: home.id })).toHaveLength(1);
    await callOk(core, 'visitNotes.restore', { visitId: visit.id, noteId: warm.id });
    expect((await callOk<Visit>(core, 'visits.get', { visitId: visit.id })).notes).toHaveLength(3);
    expect(
      core.context.db.all(sql`SELECT action FROM audit_log WHERE subject_id = ${warm.id} OR subject_id = ${visit.id}`),
    ).toEqual(
      expect.arrayContaining([
        { action: 'visits.create' },
        { action: 'visitNotes.created' },
        { action: 'visitNotes.delete' },
        { action: 'visitNotes.restore' },
      ]),
    );
  });

  it('refuses a rating without its variable, a young person’s name in place of a reference, and a note of another visit', async () => {
    const core = testCore();
    const { visit, home } = await visitOf(core);
    const before = snapshot(core);
    expect((await callError(core, 'visitNotes.save', note(visit.id, { text: 'Calm', rating: 4 }))).message).toBe(
      'A rating is for one of the thirteen variables: choose the variable first.',
    );
    const named = await callError(
      core,
      'visitNotes.save',
      note(visit.id, { text: 'Said hello', kind: 'heard_young_person', youngPerson: 'Jayden' }),
    );
    expect(named.message).toMatch(/^This looks like a name\./);
    expect((await callError(core, 'visitNotes.save', note(visit.id, { text: 'x', variable: 14 }))).message).toBe(
      'Choose one of the thirteen variables.',
    );
    expect(snapshot(core)).toEqual(before);

    const other = await callOk<Visit>(core, 'visits.create', {
      homeId: home.id,
      visitedAt: '2026-11-02T14:00:00.000Z',
      kind: 'quality_review',
      visitors: [{ name: 'Priya Shah' }],
    });
    const mine = note(visit.id, { text: 'Mine' });
    await callOk(core, 'visitNotes.save', mine);
    const stolen = await callError(core, 'visitNotes.save', { ...mine, visitId: other.id });
    expect(stolen.message).toBe('That note belongs to another visit.');
  });

  it('brings into a review the visits since the review before it, up to its day, and none after', async () => {
    const core = testCore();
    const { home, placement, review } = await seedCaseBook(core);
    const earlier = await callOk<{ id: string }>(core, 'reviews.create', {
      scope: 'placement',
      placementId: placement.id,
      scheduledFor: '2026-06-03T10:00:00.000Z',
    });
    await callOk(core, 'sessions.conclude', { reviewId: earlier.id });
    // A review planned but not held is not "the last review".
    await callOk(core, 'reviews.create', {
      scope: 'placement',
      placementId: placement.id,
      scheduledFor: '2026-08-03T10:00:00.000Z',
    });
    const visitOn = (visitedAt: string, placementIds: string[] = []) =>
      callOk<Visit>(core, 'visits.create', {
        homeId: home.id,
        visitedAt,
        kind: 'commissioner',
        visitors: [{ name: 'Sam Okoro' }],
        placementIds,
      });
    await visitOn('2026-05-20T10:00:00.000Z');
    const between = await visitOn('2026-09-01T10:00:00.000Z', [placement.id]);
    const sameMorning = await visitOn('2026-12-03T08:00:00.000Z');
    await visitOn('2026-12-10T10:00:00.000Z');
    await callOk(
      core,
      'visitNotes.save',
      note(between.id, { text: 'Calmer evenings', variable: 7, rating: 4, reason: 'Few incidents' }),
    );

    const since = await callOk<Visit[]>(core, 'visits.sinceLastReview', { reviewId: review.id });
    expect(since.map((visit) => visit.id)).toEqual([between.id, sameMorning.id]);
    expect(since[0]!.notes.map((n) => n.text)).toEqual(['Calmer evenings']);
    expect(
      (await callOk<Visit[]>(core, 'visits.sinceLastReview', { reviewId: earlier.id })).map((v) => v.visitedAt),
    ).toEqual(['2026-05-20T10:00:00.000Z']);
  });

  it('lets the room bring a visit’s note in once, and the minutes list the visits and cite the note', async () => {
    const core = testCore();
    const { visit, review } = await visitOf(core, { visitedAt: '2026-11-20T09:30:00.000Z' });
    const seen = note(visit.id, { text: 'Contact log shows every visit kept', variable: 10, kind: 'read_record' });
    await callOk(core, 'visitNotes.save', seen);
    const brought = {
      id: randomUUID(),
      reviewId: review.id,
      stage: 'discover',
      side: 'commissioner',
      kind: 'evidence',
      text: seen.text,
      source: 'the contact log',
      visitNoteId: seen.id,
    };
    await callOk(core, 'notes.save', brought);
    const twice = await callError(core, 'notes.save', { ...brought, id: randomUUID() });
    expect(twice.message).toBe('That note of the visit is already in the room.');
    const unknown = await callError(core, 'notes.save', { ...brought, id: randomUUID(), visitNoteId: randomUUID() });
    expect(unknown.code).toBe('not_found');
    // Typing on in the room keeps where the note came from.
    await callOk(core, 'notes.save', { ...brought, visitNoteId: undefined, text: `${seen.text}, twelve of twelve.` });

    await callOk(core, 'sessions.conclude', { reviewId: review.id });
    const [draft] = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId: review.id });
    expect(draft!.content.visits).toEqual([
      {
        visitedAt: '2026-11-20T09:30:00.000Z',
        kind: 'commissioner',
        home: 'Oakwood House',
        visitors: ['Priya Shah', 'Sam Okoro'],
        purpose: 'A morning in the house before school',
        notes: 1,
      },
    ]);
    expect(draft!.content.stages.find((stage) => stage.stage === 'discover')!.notes).toEqual([
      expect.objectContaining({
        text: 'Contact log shows every visit kept, twelve of twelve.',
        fromVisit: { visitedAt: '2026-11-20T09:30:00.000Z', kind: 'commissioner' },
      }),
    ]);
  });

  it('finds a visit by its purpose, a visitor or a note, named by its kind and home, and gives its notes to subject access', async () => {
    const core = testCore();
    const { visit } = await visitOf(core);
    await callOk(
      core,
      'visitNotes.save',
      note(visit.id, { text: 'AB12 showed me the vegetable patch', kind: 'heard_young_person', youngPerson: 'AB12' }),
    );
    const hits = async (text: string) =>
      (await callOk<SearchResults>(core, 'search.query', { text })).groups.find((group) => group.kind === 'visit')
        ?.hits ?? [];
    for (const words of ['morning before school', 'Okoro', 'vegetable patch']) {
      expect(await hits(words), words).toEqual([
        expect.objectContaining({
          id: visit.id,
          title: 'The commissioner’s visit to Oakwood House',
          scheduledFor: visit.visitedAt,
        }),
      ]);
    }
    const file = await callOk<ExportedFile>(core, 'subjectAccess.export', { childReference: 'AB12' });
    expect(file.content).toContain('Visits (1)');
    expect(file.content).toContain('The commissioner’s visit to Oakwood House. A morning in the house before school');
    expect(file.content).toContain(
      'a visit to Oakwood House; Heard from a young person; young person AB12:\n  AB12 showed me the vegetable patch',
    );
  });
});
