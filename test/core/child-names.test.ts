import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { minutesContentSchema, minutesFormat, type MinutesContent, type MinutesVersion } from '@shared/domain/minutes';
import { namedAdultsPattern, possibleChildNamesIn } from '@shared/domain/child-names';
import { fieldOf, fieldsNotScanned, possibleChildNames } from '@core/minutes/child-names';
import { callOk, seedCaseBook, testCore } from './helpers';

function contentWith(parts: Partial<MinutesContent>): MinutesContent {
  return {
    format: minutesFormat,
    formatVersion: 1,
    reviewId: 'r',
    version: 1,
    amends: null,
    title: 'Placement review: AB12',
    scope: 'placement',
    subject: {
      home: { name: 'Oakwood House', ofstedUrn: 'SC1' },
      childReference: 'AB12',
      commissioner: 'Northshire County Council',
      provider: 'Brightwater Care Ltd',
    },
    scheduledFor: '2026-12-03T10:00:00.000Z',
    place: '',
    present: [{ name: 'Priya Shah', role: '', organisation: '', side: 'provider' }],
    apologies: [],
    apologiesNote: '',
    purpose: '',
    affirmativeTopic: '',
    summary: '',
    mattersArising: [],
    checkin: null,
    stages: [],
    concerns: [],
    actions: [],
    nextReviewDate: null,
    ...parts,
  };
}

describe('words in the minutes that may be a child’s name', () => {
  it('finds capitalised forenames wherever the room or the editors wrote, and says where', () => {
    const found = possibleChildNames(
      contentWith({
        summary: 'AB12 and Jayden went to the match.',
        stages: [
          {
            stage: 'checkin',
            summary: '',
            cards: [],
            notes: [{ side: 'provider', kind: 'story', text: 'Staff said Olivia settled well.' }],
          },
        ],
        concerns: [{ text: 'Jayden missed contact.', side: 'provider', actions: [], noActionReason: 'Muhammad moved' }],
        actions: [{ text: 'Ask Freya about school', owner: '', dueDate: null }],
      }),
    );
    expect(found).toEqual([
      { word: 'Jayden', where: ['the summary', 'a concern'] },
      { word: 'Olivia', where: ['a note in Check-in'] },
      { word: 'Muhammad', where: ['a concern'] },
      { word: 'Freya', where: ['an action'] },
    ]);
  });

  it('looks in evidence’s sources and in both sides’ views of an agreed disagreement too', () => {
    const found = possibleChildNames(
      contentWith({
        formatVersion: 2,
        stages: [
          {
            stage: 'discover',
            summary: '',
            cards: [],
            notes: [{ side: 'provider', kind: 'evidence', text: 'Attendance is up.', source: 'Ruby’s school report' }],
          },
        ],
        disagreements: [
          {
            stage: 'design',
            subject: 'Weekend staffing',
            commissionerView: 'Enough for Leo’s needs.',
            providerView: 'Not when Ruby is at home.',
            card: null,
          },
        ],
      }),
    );
    expect(found).toEqual([
      { word: 'Ruby', where: ['the source of a note in Discover', 'the provider’s view in a disagreement'] },
      { word: 'Leo', where: ['the commissioner’s view in a disagreement'] },
    ]);
  });

  it('leaves out the adults present, lower-case words, common words that start a sentence and months in dates', () => {
    const found = possibleChildNames(
      contentWith({
        summary:
          'Priya thanked the staff. Will the new rota help? May brought the cake. We planted a lily and a rose. Brightwater staff came. We meet again on 3 June 2027, or in April 2027.',
      }),
      ['Sam Okoro'],
    );
    expect(found).toEqual([]);
    // Someone who signed but is not listed as present: their whole name only.
    expect(possibleChildNames(contentWith({ summary: 'Sam Okoro and Will came.' }), ['Sam Okoro'])).toEqual([
      { word: 'Will', where: ['the summary'] },
    ]);
    expect(possibleChildNames(contentWith({ summary: 'Sam and Will came. We saw June.' }), ['Sam Okoro'])).toEqual([
      { word: 'Sam', where: ['the summary'] },
      { word: 'Will', where: ['the summary'] },
      { word: 'June', where: ['the summary'] },
    ]);
  });

  it('flags a first name an adult elsewhere shares: only the adults of this review are left out', () => {
    // Oliver Grant may be in the case book, at another home entirely: he is not in this review.
    const found = possibleChildNames(contentWith({ summary: 'Oliver cooked for everyone. Jack helped.' }));
    expect(found).toEqual([
      { word: 'Oliver', where: ['the summary'] },
      { word: 'Jack', where: ['the summary'] },
    ]);
  });

  it('leaves out an adult present by their whole name, their forename, or a title and their surname', () => {
    const present = [
      {
        name: 'Priya Shah',
        role: 'Registered manager',
        organisation: 'Brightwater Care Ltd',
        side: 'provider' as const,
      },
      { name: 'Dr Oliver Grant', role: 'Psychologist', organisation: '', side: 'commissioner' as const },
    ];
    const summary =
      'Oliver Grant spoke first. Oliver cooked for everyone; Dr Grant and Mr Grant’s team too. Jack helped.';
    expect(possibleChildNames(contentWith({ present, summary }))).toEqual([{ word: 'Jack', where: ['the summary'] }]);
  });

  it('leaves out adults of this review who were not there only by their whole name', () => {
    const found = possibleChildNames(
      contentWith({
        apologies: [{ name: 'Amelia Jones', role: '', organisation: '', side: 'commissioner' }],
        visits: [
          {
            visitedAt: '2026-11-01',
            kind: 'commissioner',
            home: 'Oakwood House',
            visitors: ['Harry Patel'],
            purpose: '',
            notes: 0,
          },
        ],
        summary:
          'Amelia Jones sent a report; Harry Patel visited. Amelia and Harry baked. Oliver Grant owns the action.',
        actions: [{ text: 'Oliver to ring the school', owner: 'Oliver Grant', dueDate: null }],
      }),
      ['Oliver Grant'],
    );
    expect(found).toEqual([
      { word: 'Amelia', where: ['the summary'] },
      { word: 'Harry', where: ['the summary'] },
      { word: 'Oliver', where: ['an action'] },
    ]);
  });

  it('reads the place, the check-in’s words, action owners and every other word typed for the minutes', () => {
    const found = possibleChildNames(
      contentWith({
        title: 'Placement review: AB12 at Oakwood House',
        place: 'Amelia’s bedroom',
        checkin: [
          {
            feature: 'Senior relationships',
            commissioner: { score: 3, word: 'Harry' },
            provider: { score: 4, word: 'calm' },
          },
        ],
        actions: [{ text: 'Ring the school', owner: 'Jack', dueDate: null }],
        present: [{ name: 'Priya Shah', role: 'Freya’s key worker', organisation: '', side: 'provider' }],
      }),
    );
    expect(found).toEqual([
      { word: 'Amelia', where: ['the place'] },
      { word: 'Freya', where: ['the role of someone present'] },
      { word: 'Harry', where: ['a word in the check-in'] },
      { word: 'Jack', where: ['the owner of an action'] },
    ]);
  });
});

/** A value for a schema, every array with one item and every optional part given; and where each string is. */
function sample(schema: z.ZodType, path: (string | number)[], strings: (string | number)[][]): unknown {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodType>).map(([key, part]) => [
          key,
          sample(part, [...path, key], strings),
        ]),
      );
    case 'array':
      return [sample(def.element as z.ZodType, [...path, 0], strings)];
    case 'optional':
    case 'nullable':
      return sample(def.innerType as z.ZodType, path, strings);
    case 'union':
      return sample((def.options as z.ZodType[])[0]!, path, strings);
    case 'literal':
      return (def.values as unknown[])[0];
    case 'enum':
      return Object.values(def.entries as Record<string, string>)[0];
    case 'number':
      return 1;
    case 'string':
      strings.push(path);
      return 'words';
    default:
      throw new Error(`The minutes' schema has a ${def.type} at ${path.join('.')}: teach this test to fill it.`);
  }
}

describe('every string field of the minutes', () => {
  const strings: (string | number)[][] = [];
  const full = minutesContentSchema.parse(sample(minutesContentSchema, [], strings));

  it('is read for a child’s name, and said where, unless it is one of the fields named as not read', () => {
    const missed: string[] = [];
    for (const path of strings) {
      const content = structuredClone(full) as unknown as Record<string | number, unknown>;
      const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((at, key) => at[key] as never, content);
      parent[path.at(-1)!] = 'Zara came';
      const found = possibleChildNames(content as unknown as MinutesContent);
      const field = fieldOf(path);
      if (fieldsNotScanned.includes(field)) expect(found, field).toEqual([]);
      else if (found.length !== 1 || found[0]!.word !== 'Zara' || found[0]!.where[0] === 'the minutes')
        missed.push(field);
    }
    // A field added to the minutes is read (as "the minutes") even before it is named here; name
    // where it is in child-names.ts, or add it to fieldsNotScanned if it holds only adults' names.
    expect(missed).toEqual([]);
  });

  it('names as not read only fields the minutes have: adults’ and organisations’ names, the app’s words, ids and dates', () => {
    const fields = strings.map(fieldOf);
    expect(fieldsNotScanned.filter((field) => !fields.includes(field))).toEqual([]);
    expect([...fieldsNotScanned].sort()).toEqual(
      [
        'present.*.name',
        'present.*.organisation',
        'apologies.*.name',
        'apologies.*.organisation',
        'subject.commissioner',
        'subject.provider',
        'subject.home.name',
        'visits.*.home',
        'visits.*.visitors.*',
        'stages.*.cards.*.title',
        'stages.*.notes.*.card.title',
        'disagreements.*.card.title',
        'checkin.*.feature',
        'reviewId',
        'amends.fingerprint',
        'subject.home.ofstedUrn',
        'stages.*.cards.*.id',
        'stages.*.notes.*.card.id',
        'disagreements.*.card.id',
        'scheduledFor',
        'mattersArising.*.dueDate',
        'stages.*.notes.*.fromVisit.visitedAt',
        'visits.*.visitedAt',
        'actions.*.dueDate',
        'nextReviewDate',
      ].sort(),
    );
  });
});

describe('the names the minutes flag, from the case book', () => {
  it('flags a first name an adult elsewhere in the case book shares, but not the adults of this review', async () => {
    const core = testCore();
    const seeded = await seedCaseBook(core);
    const review = seeded.review.id;
    const elsewhere = await callOk<{ id: string }>(core, 'organisations.create', {
      name: 'Elm Tree Care Ltd',
      kind: 'provider',
    });
    const oliver = await callOk<{ id: string }>(core, 'people.create', {
      name: 'Oliver Grant',
      role: 'Registered manager',
      organisationId: elsewhere.id,
    });
    await callOk(core, 'sessions.addParticipant', {
      reviewId: review,
      personId: seeded.person.id,
      name: 'Priya Shah',
      organisation: 'Brightwater Care Ltd',
      side: 'provider',
      attendance: 'present',
    });
    const note = { reviewId: review, stage: 'discover', side: 'provider', kind: 'story' };
    await callOk(core, 'notes.save', {
      ...note,
      id: crypto.randomUUID(),
      text: 'Oliver cooked for everyone. Jack helped. Priya thanked them.',
    });
    await callOk(core, 'actions.save', {
      reviewId: review,
      text: 'Oliver Grant to share the menu',
      ownerPersonId: oliver.id,
    });
    await callOk(core, 'sessions.conclude', { reviewId: review });
    const [draft] = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId: review });
    expect(draft!.content.actions).toEqual([
      { text: 'Oliver Grant to share the menu', owner: 'Oliver Grant', dueDate: null },
    ]);
    expect(draft!.possibleNames).toEqual([
      { word: 'Oliver', where: ['a note in Discover'] },
      { word: 'Jack', where: ['a note in Discover'] },
    ]);
  });
});

describe('one rule for a single text (a visit’s note as it is typed, each text of the minutes)', () => {
  it('passes over an adult present by whole name, title and surname or forename, and flags the rest', () => {
    const present = namedAdultsPattern({ present: ['Oliver Grant'] });
    expect(possibleChildNamesIn('Oliver Grant and Ms Grant sat with us; Oliver read aloud.', present)).toEqual([]);
    // A surname alone may be a child's first name: only the whole name or a title says it is the adult.
    expect(possibleChildNamesIn('Tea with Grant and Jack.', present)).toEqual(['Grant', 'Jack']);
    // Someone not present counts only by their whole name.
    const other = namedAdultsPattern({ others: ['Oliver Grant'] });
    expect(possibleChildNamesIn('Oliver Grant phoned. Oliver cooked.', other)).toEqual(['Oliver']);
    expect(possibleChildNamesIn('Oliver cooked.', null)).toEqual(['Oliver']);
  });
});
