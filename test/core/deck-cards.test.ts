import { describe, expect, it } from 'vitest';
import { sql } from '@core/db/sql';
import type { Deck, DeckCard, DeckSummary } from '@shared/deck/decks';
import type { ServerEvent } from '@shared/api/events';
import builtInDeck from '../../resources/decks/relational-commissioning.deck.json';
import { callError, callOk, testCore, type TestCore } from './helpers';

/** How many cards the built-in deck holds, read from it: a new card changes no test. */
const builtInCount = builtInDeck.cards.length;

const builtInId = 'relational-commissioning';
const firstCardId = 'cooperrider-assumption-1-what-works';

const deckTables = (core: TestCore) => ({
  decks: core.context.db.all(sql`SELECT * FROM decks ORDER BY id`),
  cards: core.context.db.all(sql`SELECT * FROM deck_cards ORDER BY deck_id, position`),
});

async function withCopy() {
  const core = testCore();
  const deck = await callOk<DeckSummary>(core, 'decks.duplicate', { deckId: builtInId, name: 'Our deck' });
  const events: ServerEvent[] = [];
  core.events.subscribe((event) => events.push(event));
  return { core, deckId: deck.id, events };
}

const content = {
  title: 'Something works well, here',
  questions: [
    { phase: 'deliver', text: 'What will each of us do, by when?' },
    { phase: 'discover', lens: 'home', text: 'Tell us about a time a child felt at home here.' },
    { phase: 'discover', lens: 'relationship', text: ' Tell us about a time we solved something together. ' },
  ],
  qualityStandards: ['11', 6, 11],
  facilitatorNote: '  Start here.  ',
};

describe('cards.get', () => {
  it('gives a card of any deck, with its source as the paper says it', async () => {
    const core = testCore();
    const card = await callOk<DeckCard>(core, 'cards.get', { deckId: builtInId, cardId: firstCardId });
    expect(card).toMatchObject({
      id: firstCardId,
      framework: 'appreciative-enquiry',
      title: 'Something works well',
      paper: {
        kind: 'quotation',
        section: 'Linking up all the various aspects - relational commissioning',
        page: 20,
        document: 'rethinking',
      },
      qualityStandards: [6],
      retired: false,
    });
  });

  it('answers an unknown card or deck, or a wrong input, plainly', async () => {
    const core = testCore();
    expect(await callError(core, 'cards.get', { deckId: builtInId, cardId: 'no-such-card' })).toEqual({
      code: 'not_found',
      message: 'That card is not in this deck.',
    });
    expect(await callError(core, 'cards.get', { deckId: 'nope', cardId: firstCardId })).toMatchObject({
      code: 'not_found',
    });
    expect(await callError(core, 'cards.get', { deckId: builtInId })).toMatchObject({
      code: 'invalid_input',
      fields: { cardId: 'Choose a card.' },
    });
    expect(await callError(core, 'cards.get', { deckId: builtInId, cardId: ['x'] })).toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('cards.update', () => {
  it('changes what a person may change, keeps the paper’s words, and takes its phases from its questions', async () => {
    const { core, deckId, events } = await withCopy();
    const before = await callOk<DeckCard>(core, 'cards.get', { deckId, cardId: firstCardId });
    const card = await callOk<DeckCard>(core, 'cards.update', { deckId, cardId: firstCardId, ...content });
    expect(card).toEqual({
      ...before,
      title: 'Something works well, here',
      phases: ['discover', 'deliver'],
      questions: [
        { phase: 'deliver', text: 'What will each of us do, by when?' },
        { phase: 'discover', lens: 'home', text: 'Tell us about a time a child felt at home here.' },
        { phase: 'discover', lens: 'relationship', text: 'Tell us about a time we solved something together.' },
      ],
      qualityStandards: [6, 11],
      facilitatorNote: 'Start here.',
    });
    expect(card.paper).toEqual(before.paper);
    expect(events).toEqual([{ name: 'deck.changed', data: { deckId } }]);
    // The built-in deck is untouched.
    expect((await callOk<DeckCard>(core, 'cards.get', { deckId: builtInId, cardId: firstCardId })).title).toBe(
      'Something works well',
    );
  });

  it('clears an empty facilitator’s note and an empty lens', async () => {
    const { core, deckId } = await withCopy();
    const card = await callOk<DeckCard>(core, 'cards.update', {
      deckId,
      cardId: firstCardId,
      title: 'Plain',
      questions: [{ phase: 'dream', lens: '', text: 'Imagine it working.' }],
      qualityStandards: [],
      facilitatorNote: '   ',
    });
    expect(card).toMatchObject({
      phases: ['dream'],
      questions: [{ phase: 'dream', text: 'Imagine it working.' }],
      facilitatorNote: null,
      qualityStandards: [],
    });
  });

  it('refuses bad input field by field, and writes nothing', async () => {
    const { core, deckId, events } = await withCopy();
    const before = deckTables(core);
    const refused = async (input: Record<string, unknown>) =>
      callError(core, 'cards.update', { deckId, cardId: firstCardId, ...content, ...input });
    expect(await refused({ title: '  ' })).toMatchObject({
      code: 'invalid_input',
      fields: { title: 'Give the card a title.' },
    });
    expect(await refused({ title: 'x'.repeat(121) })).toMatchObject({
      fields: { title: 'Keep the title under 120 characters.' },
    });
    expect(await refused({ title: undefined })).toMatchObject({ fields: { title: 'Give the card a title.' } });
    expect(await refused({ questions: [] })).toMatchObject({
      fields: { questions: 'Add at least one question, for the phase it serves.' },
    });
    expect(await refused({ questions: 'Tell us' })).toMatchObject({
      fields: { questions: 'Add at least one question.' },
    });
    expect(await refused({ questions: [{ phase: 'discover', text: '' }] })).toMatchObject({
      fields: { 'questions.0.text': 'Write the question, or remove it.' },
    });
    expect(await refused({ questions: [{ phase: 'later', text: 'Tell us.' }] })).toMatchObject({
      fields: { 'questions.0.phase': 'Choose the phase this question is for.' },
    });
    expect(await refused({ questions: [{ phase: 'dream', lens: 'child', text: 'Tell us.' }] })).toMatchObject({
      fields: { 'questions.0.lens': expect.any(String) },
    });
    expect(await refused({ qualityStandards: [15] })).toMatchObject({
      fields: { 'qualityStandards.0': 'Choose Quality Standards from the list.' },
    });
    expect(await refused({ qualityStandards: ['six'] })).toMatchObject({ code: 'invalid_input' });
    expect(await refused({ facilitatorNote: 'x'.repeat(2001) })).toMatchObject({
      fields: { facilitatorNote: 'Keep the facilitator’s note under 2,000 characters.' },
    });
    expect(await refused({ paper: { kind: 'paraphrase' } })).toMatchObject({ code: 'invalid_input' });
    expect(await refused({ framework: 'erikson' })).toMatchObject({ code: 'invalid_input' });
    expect(await refused({ cardId: 'missing' })).toMatchObject({ code: 'not_found' });
    expect(await refused({ deckId: 'missing' })).toMatchObject({ code: 'not_found' });
    expect(deckTables(core)).toEqual(before);
    expect(events).toEqual([]);
  });
});

describe('cards.add', () => {
  it('adds a card of the user’s own at the end of the deck, with no source in the paper', async () => {
    const { core, deckId, events } = await withCopy();
    const card = await callOk<DeckCard>(core, 'cards.add', { deckId, framework: 'facilitation', ...content });
    expect(card).toMatchObject({
      id: 'something-works-well-here',
      framework: 'facilitation',
      paper: null,
      phases: ['discover', 'deliver'],
      retired: false,
    });
    const again = await callOk<DeckCard>(core, 'cards.add', {
      deckId,
      framework: 'secure-base',
      ...content,
      title: 'Something works well – here!',
    });
    expect(again.id).toBe('something-works-well-here-2');
    const deck = await callOk<Deck>(core, 'decks.get', { deckId });
    expect(deck.cards.slice(-2).map((c) => c.id)).toEqual([card.id, again.id]);
    expect(deck.cardCount).toBe(builtInCount + 2);
    expect(events).toHaveLength(2);
  });

  it('refuses a card with no framework, a wrong one, or bad content, and writes nothing', async () => {
    const { core, deckId, events } = await withCopy();
    const before = deckTables(core);
    expect(await callError(core, 'cards.add', { deckId, ...content })).toMatchObject({
      fields: { framework: 'Choose the framework this card belongs to.' },
    });
    expect(await callError(core, 'cards.add', { deckId, framework: 'astrology', ...content })).toMatchObject({
      fields: { framework: 'Choose the framework this card belongs to.' },
    });
    expect(
      await callError(core, 'cards.add', { deckId, framework: 'erikson', ...content, questions: [] }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(await callError(core, 'cards.add', { deckId: 'missing', framework: 'erikson', ...content })).toMatchObject({
      code: 'not_found',
    });
    expect(deckTables(core)).toEqual(before);
    expect(events).toEqual([]);
  });
});

describe('cards.retire and cards.restore', () => {
  it('keeps a retired card but leaves it out of the deck unless asked for, and brings it back', async () => {
    const { core, deckId, events } = await withCopy();
    expect(await callOk(core, 'cards.retire', { deckId, cardId: firstCardId })).toMatchObject({
      id: firstCardId,
      retired: true,
    });
    const deck = await callOk<Deck>(core, 'decks.get', { deckId });
    expect(deck).toMatchObject({ cardCount: builtInCount - 1, retiredCount: 1 });
    expect(deck.cards.map((card) => card.id)).not.toContain(firstCardId);
    const everything = await callOk<Deck>(core, 'decks.get', { deckId, includeRetired: true });
    expect(everything.cards[0]).toMatchObject({ id: firstCardId, retired: true });
    expect(await callOk(core, 'cards.get', { deckId, cardId: firstCardId })).toMatchObject({ retired: true });

    expect(await callOk(core, 'cards.restore', { deckId, cardId: firstCardId })).toMatchObject({ retired: false });
    expect((await callOk<Deck>(core, 'decks.get', { deckId })).cards[0]!.id).toBe(firstCardId);
    expect(events).toHaveLength(2);
  });

  it('refuses an unknown card or deck, and writes nothing', async () => {
    const { core, deckId } = await withCopy();
    const before = deckTables(core);
    expect(await callError(core, 'cards.retire', { deckId, cardId: 'missing' })).toEqual({
      code: 'not_found',
      message: 'That card is not in this deck.',
    });
    expect(await callError(core, 'cards.restore', { deckId: 'missing', cardId: firstCardId })).toMatchObject({
      code: 'not_found',
    });
    expect(await callError(core, 'cards.retire', { deckId })).toMatchObject({ code: 'invalid_input' });
    expect(deckTables(core)).toEqual(before);
  });
});
