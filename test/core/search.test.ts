import { describe, expect, it } from 'vitest';
import { highlightEnd, highlightStart, type SearchResults } from '@shared/domain/search';
import { toFtsQuery } from '@core/casebook/search';
import { addNote, callOk, seedCaseBook, testCore } from './helpers';

const plain = (text: string) => text.replaceAll(highlightStart, '[').replaceAll(highlightEnd, ']');

async function search(core: ReturnType<typeof testCore>, text: string) {
  return callOk<SearchResults>(core, 'search.query', { text });
}

describe('searching the case book', () => {
  it('finds every kind by prefix, grouped by kind, with the matched words marked', async () => {
    const core = testCore();
    const { review, home, placement } = await seedCaseBook(core);
    addNote(core, review.id, 'The staff at Oakwood built a garden with the young people in spring.');
    const results = await search(core, 'oakw');
    expect(results.groups.map((group) => group.kind)).toEqual(['home', 'review', 'note']);
    const [homes, reviews, notes] = results.groups;
    expect(homes!.hits[0]).toMatchObject({ id: home.id, archived: false });
    expect(plain(homes!.hits[0]!.title)).toBe('[Oakwood] House');
    // Every review of a placement has the same title: a review's hit and a note's carry its date.
    expect(reviews!.hits[0]).toMatchObject({ id: review.id, scheduledFor: '2026-12-03T10:00:00.000Z' });
    expect(notes!.hits[0]).toMatchObject({
      kind: 'note',
      id: review.id,
      title: 'Placement review: AB12 at Oakwood House',
      scheduledFor: '2026-12-03T10:00:00.000Z',
    });
    expect(homes!.hits[0]!.scheduledFor).toBeUndefined();
    expect(plain(notes!.hits[0]!.snippet)).toContain('staff at [Oakwood] built a garden');

    const byReference = await search(core, 'ab12');
    expect(byReference.groups.find((group) => group.kind === 'placement')!.hits[0]).toMatchObject({
      id: placement.id,
      snippet: 'At Oakwood House',
    });
  });

  it('matches without accents, needs every word, and marks archived records', async () => {
    const core = testCore();
    const { provider } = await seedCaseBook(core);
    await callOk(core, 'people.create', { name: 'Zoë Brontë', role: 'Social worker' });
    expect((await search(core, 'zoe bronte')).groups[0]!.hits).toHaveLength(1);
    expect((await search(core, 'Zoë social')).groups[0]!.hits).toHaveLength(1);
    expect((await search(core, 'zoe manager')).groups).toEqual([]);
    await callOk(core, 'organisations.archive', { id: provider.id });
    expect((await search(core, 'brightwater')).groups[0]!.hits[0]!.archived).toBe(true);
  });

  it('forgets what was deleted or changed', async () => {
    const core = testCore();
    const { provider } = await seedCaseBook(core);
    await callOk(core, 'organisations.update', { id: provider.id, name: 'Riverside Homes', kind: 'provider' });
    // Priya's email address still says brightwater; the organisation no longer does.
    expect((await search(core, 'brightwater')).groups.map((group) => group.kind)).toEqual(['person']);
    expect((await search(core, 'riverside')).groups[0]!.hits[0]!.id).toBe(provider.id);
  });

  it('takes any text at all without an error', async () => {
    const core = testCore();
    const { review } = await seedCaseBook(core);
    addNote(core, review.id, 'A “quoted” story (with brackets) and NEAR things: AND OR NOT * ^ -minus');
    const hostile = [
      '"',
      '""',
      '"unclosed',
      "'",
      '(',
      ')',
      '()',
      '*',
      '^',
      '-',
      '+',
      ':',
      'NEAR(',
      'NEAR/3',
      'AND',
      'OR',
      'NOT',
      'a OR',
      'title:oak',
      '{title body}: oak',
      'oak*',
      '*oak',
      'oak"wood',
      '\\',
      '%',
      '_',
      ';',
      '--',
      "'; DROP TABLE homes; --",
      '😀',
      '👩🏽‍⚕️ 🏠',
      'e\u0301',
      '\u0000',
      '\uE000',
      ' ',
      '',
      'x'.repeat(500),
      'ǅ ß İ ﬁ',
      '١٢٣',
      'Ω',
      '<script>alert(1)</script>',
    ];
    for (const text of hostile) {
      const result = await core.router.call('search.query', { text });
      expect(result.ok, JSON.stringify(text)).toBe(true);
    }
    expect((await search(core, '(brackets)')).groups[0]!.kind).toBe('note');
    expect((await search(core, '"quoted" NEAR')).groups[0]!.kind).toBe('note');
    expect((await search(core, 'AND OR NOT')).groups[0]!.kind).toBe('note');
  });

  it('builds a query from letters and digits only', () => {
    expect(toFtsQuery('oak "wood" (house) NEAR/3 -x')).toBe('"oak"* "wood"* "house"* "NEAR"* "3"* "x"*');
    expect(toFtsQuery('😀 -- ()')).toBeNull();
    expect(toFtsQuery('Zoe\u0308')).toBe('"Zoë"*');
  });
});
