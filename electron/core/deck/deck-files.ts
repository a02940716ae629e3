import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { ExportedFile } from '@shared/domain/exported-file';
import type { DeckCard, DeckSummary } from '@shared/deck/decks';
import {
  DECK_FORMAT,
  DECK_FORMAT_VERSION,
  parseDeckFile,
  type Card,
  type DeckFile,
  type OwnCard,
} from '@shared/deck/schema';
import { slug, toDeckCard, toStoredCard, unusedId } from './cards';
import { deckIdTaken, deckNameTaken, getDeck, getDeckSummary, insertDeck, type DeckLibrary } from './library';

const withRetired = <T>(card: DeckCard) => ({ ...toStoredCard(card), ...(card.retired ? { retired: true } : {}) }) as T;

function deckFileOf(library: DeckLibrary, deckId: string): DeckFile {
  if (deckId === library.builtIn.id) return library.builtIn;
  const deck = getDeck(library, deckId, true);
  const ownCards = deck.cards.filter((card) => !card.paper);
  return {
    format: DECK_FORMAT,
    formatVersion: DECK_FORMAT_VERSION,
    id: deck.id,
    name: deck.name,
    description: deck.description,
    source: deck.source,
    cards: deck.cards.filter((card) => card.paper).map((card) => withRetired<Card>(card)),
    ...(ownCards.length ? { ownCards: ownCards.map((card) => withRetired<OwnCard>(card)) } : {}),
  };
}

/** The deck as a deck file, checked on the way out just as an import checks it on the way in. */
export function exportDeck(library: DeckLibrary, { deckId }: ParsedInput<'decks.export'>): ExportedFile {
  const content = `${JSON.stringify(deckFileOf(library, deckId), null, 2)}\n`;
  const checked = parseDeckFile(content);
  if (!checked.ok) throw new Error(`Deck ${deckId} does not make a valid deck file: ${checked.problems.join(' ')}`);
  return { fileName: `${slug(checked.deck.name, 'deck')}.deck.json`, mediaType: 'application/json', content };
}

/** Adds the deck in a deck file as a deck of the user's own: all of it, or, if anything is wrong, none of it. */
export function importDeck(library: DeckLibrary, { content }: ParsedInput<'decks.import'>): DeckSummary {
  const parsed = parseDeckFile(content);
  if (!parsed.ok) {
    throw new ApiError(
      'invalid_input',
      ['This deck file cannot be imported, and nothing was changed.', ...parsed.problems].join('\n'),
    );
  }
  const file = parsed.deck;
  const cards = [...file.cards, ...(file.ownCards ?? [])].map((card) => toDeckCard(card, card.retired ?? false));
  const id = library.db.transaction(() => {
    const id = unusedId(file.id, (candidate) => deckIdTaken(library, candidate));
    let name = file.name;
    for (let n = 1; deckNameTaken(library, name); n += 1) name = `${file.name} (imported${n > 1 ? ` ${n}` : ''})`;
    insertDeck(library, { id, name, description: file.description, source: file.source }, cards);
    return id;
  });
  library.events.emit('deck.changed', { deckId: id });
  return getDeckSummary(library, id);
}
