import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '@core/core';
import { loadBuiltInDeck } from '@core/deck/built-in';
import { sql } from '@core/db/sql';
import type { ExportedFile } from '@shared/domain/exported-file';
import type { Deck, DeckSummary } from '@shared/deck/decks';
import type { ServerEvent } from '@shared/api/events';
import { callError, callOk, seedCaseBook, tempDir, testCore, testPassphrase, type TestCore } from './helpers';

const deckPath = path.resolve(__dirname, '../../resources/decks/relational-commissioning.deck.json');
const builtInText = fs.readFileSync(deckPath, 'utf8');
const builtInJson = () => JSON.parse(builtInText) as { cards: Record<string, unknown>[] } & Record<string, unknown>;
const builtInId = 'relational-commissioning';
/** How many cards the built-in deck holds, read from it: a new card changes no test. */
const builtInCount = builtInJson().cards.length;

/** Every row of the deck tables: what a refused call must leave exactly as it was. */
const deckTables = (core: TestCore) => ({
  decks: core.context.db.all(sql`SELECT * FROM decks ORDER BY id`),
  cards: core.context.db.all(sql`SELECT * FROM deck_cards ORDER BY deck_id, position`),
});

function watchEvents(core: TestCore): ServerEvent[] {
  const seen: ServerEvent[] = [];
  core.events.subscribe((event) => seen.push(event));
  return seen;
}

async function withCopy(name = 'Our deck') {
  const core = testCore();
  const copy = await callOk<DeckSummary>(core, 'decks.duplicate', { deckId: builtInId, name });
  return { core, copy };
}

describe('the built-in deck at start-up', () => {
  it('is checked as the core starts and listed first, read-only, with its card counts', async () => {
    const core = testCore();
    const decks = await callOk<DeckSummary[]>(core, 'decks.list', {});
    expect(decks).toEqual([
      expect.objectContaining({
        id: builtInId,
        name: 'Relational commissioning',
        readOnly: true,
        cardCount: builtInCount,
        retiredCount: 0,
      }),
    ]);
    const deck = await callOk<Deck>(core, 'decks.get', { deckId: builtInId });
    expect(deck.cards).toHaveLength(builtInCount);
    expect(deck.cards[0]).toMatchObject({
      id: 'cooperrider-assumption-1-what-works',
      paper: { kind: 'quotation', page: 20 },
      retired: false,
    });
  });

  it('refuses to start with a broken deck, saying what is wrong in plain words', () => {
    const broken = builtInJson();
    delete broken.cards[1]!.questions;
    expect(() => loadBuiltInDeck(broken)).toThrow(
      /^The built-in deck of prompt cards is damaged, so Relational Review cannot start\. Reinstall the app\. The problems: Card 2 \(“.+”\) has no questions\.$/,
    );
    expect(() => loadBuiltInDeck('{"format": "relational-review-deck", ')).toThrow(/cannot start.*not valid JSON/);
    const dataDir = path.join(tempDir(), 'casebook');
    expect(() => createCore({ dataDir, appVersion: 'test', builtInDeck: broken })).toThrow(/cannot start/);
    expect(fs.existsSync(dataDir)).toBe(false);
    createCore({ dataDir, appVersion: 'test', builtInDeck: builtInJson() }).close();
  });

  it('cannot be changed, renamed or deleted, and a refusal says to duplicate it', async () => {
    const core = testCore();
    const before = deckTables(core);
    const refusals = [
      await callError(core, 'decks.rename', { deckId: builtInId, name: 'Mine now' }),
      await callError(core, 'decks.delete', { deckId: builtInId }),
      await callError(core, 'cards.retire', { deckId: builtInId, cardId: 'cooperrider-assumption-1-what-works' }),
      await callError(core, 'cards.update', {
        deckId: builtInId,
        cardId: 'cooperrider-assumption-1-what-works',
        title: 'Changed',
        questions: [{ phase: 'discover', text: 'Tell us about a time.' }],
        qualityStandards: [],
      }),
      await callError(core, 'cards.add', {
        deckId: builtInId,
        framework: 'facilitation',
        title: 'New',
        questions: [{ phase: 'discover', text: 'Tell us about a time.' }],
        qualityStandards: [],
      }),
    ];
    for (const error of refusals) {
      expect(error).toEqual({
        code: 'conflict',
        message: 'The built-in deck cannot be changed. Duplicate it to make a deck of your own, then change that.',
      });
    }
    expect(deckTables(core)).toEqual(before);
  });
});

describe('decks.get and decks.list', () => {
  it('answers an unknown deck, and input of the wrong shape, with a plain message', async () => {
    const core = testCore();
    expect(await callError(core, 'decks.get', { deckId: 'no-such-deck' })).toEqual({
      code: 'not_found',
      message: 'That deck could not be found. It may have been deleted.',
    });
    expect(await callError(core, 'decks.get', { deckId: 42 })).toMatchObject({
      code: 'invalid_input',
      fields: { deckId: 'Choose a deck.' },
    });
    expect(await callError(core, 'decks.get', {})).toMatchObject({
      code: 'invalid_input',
      fields: { deckId: 'Choose a deck.' },
    });
    expect(await callError(core, 'decks.get', { deckId: builtInId, includeRetired: 'yes' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await callError(core, 'decks.list', { everything: true })).toMatchObject({ code: 'invalid_input' });
  });

  it('lists the built-in deck first, then the user’s decks by name', async () => {
    const { core } = await withCopy('Zebra deck');
    await callOk(core, 'decks.duplicate', { deckId: builtInId, name: 'apple deck' });
    const names = (await callOk<DeckSummary[]>(core, 'decks.list', {})).map((deck) => [deck.name, deck.readOnly]);
    expect(names).toEqual([
      ['Relational commissioning', true],
      ['apple deck', false],
      ['Zebra deck', false],
    ]);
  });
});

describe('decks.duplicate', () => {
  it('copies every card under a new name, as a deck of the user’s own, and says so', async () => {
    const core = testCore();
    const events = watchEvents(core);
    const copy = await callOk<DeckSummary>(core, 'decks.duplicate', {
      deckId: builtInId,
      name: '  Northshire’s deck  ',
    });
    expect(copy).toMatchObject({
      id: 'northshire-s-deck',
      name: 'Northshire’s deck',
      readOnly: false,
      cardCount: builtInCount,
      retiredCount: 0,
    });
    expect(events).toEqual([{ name: 'deck.changed', data: { deckId: copy.id } }]);
    const original = await callOk<Deck>(core, 'decks.get', { deckId: builtInId });
    const copied = await callOk<Deck>(core, 'decks.get', { deckId: copy.id });
    expect(copied.cards).toEqual(original.cards);
    expect(copied.source).toBe(original.source);

    // A copy of a copy keeps what was changed in the first.
    await callOk(core, 'cards.retire', { deckId: copy.id, cardId: original.cards[0]!.id });
    const second = await callOk<DeckSummary>(core, 'decks.duplicate', { deckId: copy.id, name: 'Second copy' });
    expect(second).toMatchObject({ cardCount: builtInCount - 1, retiredCount: 1 });
  });

  it('refuses a name already used by another deck, in any case, and writes nothing', async () => {
    const { core } = await withCopy('Our deck');
    const before = deckTables(core);
    for (const name of ['our DECK', 'Relational Commissioning']) {
      expect(await callError(core, 'decks.duplicate', { deckId: builtInId, name })).toEqual({
        code: 'conflict',
        message: `There is already a deck called “${name}”. Choose another name.`,
        fields: { name: 'Another deck already has this name. Choose another.' },
      });
    }
    expect(deckTables(core)).toEqual(before);
  });

  it('refuses a missing, empty, overlong or multi-line name, or an unknown deck, and writes nothing', async () => {
    const core = testCore();
    const before = deckTables(core);
    expect(await callError(core, 'decks.duplicate', { deckId: builtInId })).toMatchObject({
      code: 'invalid_input',
      fields: { name: 'Give the deck a name.' },
    });
    expect(await callError(core, 'decks.duplicate', { deckId: builtInId, name: '   ' })).toMatchObject({
      fields: { name: 'Give the deck a name.' },
    });
    expect(await callError(core, 'decks.duplicate', { deckId: builtInId, name: 'x'.repeat(201) })).toMatchObject({
      fields: { name: 'Keep the name under 200 characters.' },
    });
    expect(await callError(core, 'decks.duplicate', { deckId: builtInId, name: 'Two\nlines' })).toMatchObject({
      fields: { name: 'Keep the name on one line.' },
    });
    expect(await callError(core, 'decks.duplicate', { deckId: builtInId, name: 7 })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await callError(core, 'decks.duplicate', { deckId: 'missing', name: 'Copy' })).toMatchObject({
      code: 'not_found',
    });
    expect(deckTables(core)).toEqual(before);
  });

  it('gives a deck whose name makes the same id an id of its own', async () => {
    const { core, copy } = await withCopy('Our deck');
    const other = await callOk<DeckSummary>(core, 'decks.duplicate', { deckId: builtInId, name: 'Our deck!' });
    expect([copy.id, other.id]).toEqual(['our-deck', 'our-deck-2']);
    const unnamed = await callOk<DeckSummary>(core, 'decks.duplicate', { deckId: builtInId, name: '★★★' });
    expect(unnamed.id).toBe('deck');
  });
});

describe('decks.rename and decks.delete', () => {
  it('renames a deck of the user’s own, keeping its id', async () => {
    const { core, copy } = await withCopy();
    const events = watchEvents(core);
    expect(await callOk(core, 'decks.rename', { deckId: copy.id, name: 'Oakwood deck' })).toMatchObject({
      id: copy.id,
      name: 'Oakwood deck',
    });
    // Its own name, in another case, is not a clash.
    expect(await callOk(core, 'decks.rename', { deckId: copy.id, name: 'OAKWOOD deck' })).toMatchObject({
      name: 'OAKWOOD deck',
    });
    expect(events).toHaveLength(2);
  });

  it('refuses a taken name, an unknown deck or a bad name, and writes nothing', async () => {
    const { core, copy } = await withCopy();
    await callOk(core, 'decks.duplicate', { deckId: builtInId, name: 'Taken' });
    const before = deckTables(core);
    expect(await callError(core, 'decks.rename', { deckId: copy.id, name: 'taken' })).toMatchObject({
      code: 'conflict',
      fields: { name: expect.any(String) },
    });
    expect(await callError(core, 'decks.rename', { deckId: 'missing', name: 'New' })).toMatchObject({
      code: 'not_found',
    });
    expect(await callError(core, 'decks.rename', { deckId: copy.id, name: '' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await callError(core, 'decks.rename', { deckId: copy.id })).toMatchObject({ code: 'invalid_input' });
    expect(deckTables(core)).toEqual(before);
  });

  it('deletes a deck of the user’s own with its cards', async () => {
    const { core, copy } = await withCopy();
    expect(await callOk(core, 'decks.delete', { deckId: copy.id })).toEqual({ deckId: copy.id });
    expect(deckTables(core)).toEqual({ decks: [], cards: [] });
    expect(await callError(core, 'decks.get', { deckId: copy.id })).toMatchObject({ code: 'not_found' });
    expect(await callError(core, 'decks.delete', { deckId: copy.id })).toMatchObject({ code: 'not_found' });
  });

  it('keeps a deck a review draws its cards from', async () => {
    const { core, copy } = await withCopy();
    const { review } = await seedCaseBook(core);
    core.context.db.run(sql`UPDATE reviews SET deck_id = ${copy.id} WHERE id = ${review.id}`);
    const before = deckTables(core);
    expect(await callError(core, 'decks.delete', { deckId: copy.id })).toEqual({
      code: 'conflict',
      message:
        '“Our deck” is the deck for a review, so it cannot be deleted. Choose another deck for that review first.',
    });
    expect(deckTables(core)).toEqual(before);
  });
});

describe('decks.export and decks.import', () => {
  it('exports the built-in deck as the very file it was loaded from', async () => {
    const core = testCore();
    const file = await callOk<ExportedFile>(core, 'decks.export', { deckId: builtInId });
    expect(file).toMatchObject({ fileName: 'relational-commissioning.deck.json', mediaType: 'application/json' });
    expect(JSON.parse(file.content)).toEqual(JSON.parse(builtInText));
  });

  it('round-trips a changed deck: export, then import, gives the same cards, retired and own cards included', async () => {
    const { core, copy } = await withCopy('Oakwood deck');
    await callOk(core, 'cards.retire', { deckId: copy.id, cardId: 'cooperrider-assumption-1-what-works' });
    await callOk(core, 'cards.add', {
      deckId: copy.id,
      framework: 'facilitation',
      title: 'Our garden',
      questions: [
        { phase: 'discover', lens: 'home', text: 'Tell us about a time the garden brought people together.' },
      ],
      qualityStandards: ['9'],
      facilitatorNote: 'Ours, not the paper’s.',
    });
    const exported = await callOk<ExportedFile>(core, 'decks.export', { deckId: copy.id });
    expect(exported.fileName).toBe('oakwood-deck.deck.json');
    const file = JSON.parse(exported.content) as {
      id: string;
      cards: { retired?: boolean }[];
      ownCards: { title: string }[];
    };
    expect(file.id).toBe('oakwood-deck');
    expect(file.cards[0]!.retired).toBe(true);
    expect(file.ownCards.map((card) => card.title)).toEqual(['Our garden']);

    const fresh = testCore();
    const imported = await callOk<DeckSummary>(fresh, 'decks.import', { content: exported.content });
    expect(imported).toMatchObject({
      id: 'oakwood-deck',
      name: 'Oakwood deck',
      readOnly: false,
      cardCount: builtInCount,
      retiredCount: 1,
    });
    const original = await callOk<Deck>(core, 'decks.get', { deckId: copy.id, includeRetired: true });
    const reread = await callOk<Deck>(fresh, 'decks.get', { deckId: imported.id, includeRetired: true });
    expect(reread.cards).toEqual(original.cards);
    expect((await callOk<ExportedFile>(fresh, 'decks.export', { deckId: imported.id })).content).toBe(exported.content);
  });

  it('gives an imported deck a new id and name where they clash, and makes the built-in deck’s file a deck of the user’s own', async () => {
    const core = testCore();
    const builtIn = (await callOk<ExportedFile>(core, 'decks.export', { deckId: builtInId })).content;
    const first = await callOk<DeckSummary>(core, 'decks.import', { content: builtIn });
    const second = await callOk<DeckSummary>(core, 'decks.import', { content: builtIn });
    expect([first, second]).toEqual([
      expect.objectContaining({
        id: 'relational-commissioning-2',
        name: 'Relational commissioning (imported)',
        readOnly: false,
        cardCount: builtInCount,
      }),
      expect.objectContaining({ id: 'relational-commissioning-3', name: 'Relational commissioning (imported 2)' }),
    ]);
    await callOk(core, 'cards.retire', { deckId: first.id, cardId: 'cooperrider-assumption-1-what-works' });
  });

  it('refuses a broken file of every kind with the problems in plain words, and writes nothing', async () => {
    const { core } = await withCopy();
    const before = deckTables(core);
    const events = watchEvents(core);
    const refusal = async (content: string) => {
      const error = await callError(core, 'decks.import', { content });
      expect(error.code).toBe('invalid_input');
      const [summary, ...problems] = error.message.split('\n');
      expect(summary).toBe('This deck file cannot be imported, and nothing was changed.');
      return problems;
    };
    const notJson =
      'The deck file could not be read: it is not valid JSON. It may be damaged, or not a deck file at all.';
    expect(await refusal('this is not JSON')).toEqual([notJson]);
    expect(await refusal(builtInText.slice(0, 5000))).toEqual([notJson]);
    expect(await refusal(JSON.stringify({ format: 'relational-review-backup', formatVersion: 1, tables: {} }))).toEqual(
      ['The deck file is not a Relational Review deck file (its “format” should be “relational-review-deck”).'],
    );
    expect(await refusal('[1, 2, 3]')).toEqual([
      'The deck file is not shaped like a deck: it should be a JSON object, starting with “{”, that holds the deck’s name and its cards.',
    ]);

    const wrongFields = builtInJson();
    wrongFields.cards[0]!.phases = 'dream';
    wrongFields.cards[2]!.colour = 'blue';
    const problems = await refusal(JSON.stringify(wrongFields));
    expect(problems).toEqual([
      expect.stringMatching(/^Card 1 \(“.+”\) has phases that are not a list\.$/),
      expect.stringMatching(/^Card 3 \(“.+”\) has a field this app does not recognise: “colour”/),
    ]);

    const duplicateIds = builtInJson();
    duplicateIds.cards[5]!.id = duplicateIds.cards[4]!.id;
    expect(await refusal(JSON.stringify(duplicateIds))).toEqual([
      expect.stringMatching(
        /^Card 6 \(“.+”\) has the id “.+”, which card 5 already uses; each card needs its own id\.$/,
      ),
    ]);

    const ownWithPaper = { ...builtInJson(), ownCards: [builtInJson().cards[0]] };
    expect(await refusal(JSON.stringify(ownWithPaper))).toEqual([
      expect.stringMatching(/^Own card 1 \(“.+”\) has a field this app does not recognise: “paper”/),
      expect.stringMatching(/^Own card 1 \(“.+”\) has the id “.+”, which card 1 already uses/),
    ]);

    expect(await callError(core, 'decks.import', { content: '' })).toMatchObject({
      code: 'invalid_input',
      fields: { content: 'The chosen file is empty: it is not a deck file.' },
    });
    expect(await callError(core, 'decks.import', {})).toMatchObject({
      code: 'invalid_input',
      fields: { content: 'Choose a deck file to import.' },
    });
    expect(deckTables(core)).toEqual(before);
    expect(events).toEqual([]);
  });

  it('refuses to export an unknown deck', async () => {
    const core = testCore();
    expect(await callError(core, 'decks.export', { deckId: 'missing' })).toMatchObject({ code: 'not_found' });
    expect(await callError(core, 'decks.export', { deckId: null })).toMatchObject({ code: 'invalid_input' });
  });

  it('keeps user decks in the case book across a restart', async () => {
    const dataDir = tempDir();
    const first = testCore(dataDir);
    await callOk(first, 'decks.duplicate', { deckId: builtInId, name: 'Kept' });
    first.close();
    const again = createCore({ dataDir, appVersion: 'test', passphrase: testPassphrase });
    try {
      const result = await again.router.call('decks.list', {});
      expect(result.ok && (result.value as DeckSummary[]).map((deck) => deck.name)).toEqual([
        'Relational commissioning',
        'Kept',
      ]);
    } finally {
      again.close();
    }
  });
});
