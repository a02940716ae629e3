import { ApiError } from '@shared/api/errors';
import type { Deck, DeckCard, DeckSummary } from '@shared/deck/decks';
import type { DeckFile } from '@shared/deck/schema';
import { isoNow } from '@core/clock';
import type { ServiceContext } from '@core/context';
import { sql } from '@core/db/sql';
import { toDeckCard, toStoredCard, type StoredCard } from './cards';

/** What the deck services work with: the case book (for the user's decks) and the built-in deck. */
export interface DeckLibrary extends ServiceContext {
  builtIn: DeckFile;
}

interface DeckRow {
  id: string;
  name: string;
  description: string;
  source: string;
  cardCount: number;
  retiredCount: number;
}

export const deckNotFound = () => new ApiError('not_found', 'That deck could not be found. It may have been deleted.');
export const cardNotFound = () => new ApiError('not_found', 'That card is not in this deck.');

function builtInDeck({ builtIn }: DeckLibrary, includeRetired: boolean): Deck {
  const cards = builtIn.cards.map((card) => toDeckCard(card, card.retired ?? false));
  return {
    id: builtIn.id,
    name: builtIn.name,
    description: builtIn.description,
    source: builtIn.source,
    readOnly: true,
    cardCount: cards.filter((card) => !card.retired).length,
    retiredCount: cards.filter((card) => card.retired).length,
    cards: includeRetired ? cards : cards.filter((card) => !card.retired),
  };
}

const summaryOf = ({ cards: _cards, source: _source, ...summary }: Deck): DeckSummary => summary;

function deckRows({ db }: DeckLibrary, id: string | null): DeckRow[] {
  return db.records<DeckRow>(sql`
    SELECT d.id, d.name, d.description, d.source,
      coalesce(sum(c.retired = 0), 0) AS card_count,
      coalesce(sum(c.retired = 1), 0) AS retired_count
    FROM decks d LEFT JOIN deck_cards c ON c.deck_id = d.id
    WHERE ${id} IS NULL OR d.id = ${id}
    GROUP BY d.id
    ORDER BY d.name COLLATE NOCASE, d.id`);
}

export function listDecks(library: DeckLibrary): DeckSummary[] {
  const own = deckRows(library, null).map(({ source: _source, ...row }) => ({ ...row, readOnly: false }));
  return [summaryOf(builtInDeck(library, false)), ...own];
}

export function getDeck(library: DeckLibrary, deckId: string, includeRetired = false): Deck {
  if (deckId === library.builtIn.id) return builtInDeck(library, includeRetired);
  const row = deckRows(library, deckId)[0];
  if (!row) throw deckNotFound();
  const cards = library.db
    .records<{ retired: number; content: string }>(
      sql`
      SELECT retired, content FROM deck_cards WHERE deck_id = ${deckId} ORDER BY position`,
    )
    .map((card) => toDeckCard(JSON.parse(card.content) as StoredCard, card.retired === 1));
  return { ...row, readOnly: false, cards: includeRetired ? cards : cards.filter((card) => !card.retired) };
}

export function getDeckSummary(library: DeckLibrary, deckId: string): DeckSummary {
  return summaryOf(getDeck(library, deckId));
}

export function getCard(library: DeckLibrary, deckId: string, cardId: string): DeckCard {
  const card = getDeck(library, deckId, true).cards.find((candidate) => candidate.id === cardId);
  if (!card) throw cardNotFound();
  return card;
}

/** One of the user's own decks; the built-in deck is refused, as it cannot be changed. */
export function requireUserDeck(library: DeckLibrary, deckId: string): DeckRow {
  if (deckId === library.builtIn.id) {
    throw new ApiError(
      'conflict',
      'The built-in deck cannot be changed. Duplicate it to make a deck of your own, then change that.',
    );
  }
  const row = deckRows(library, deckId)[0];
  if (!row) throw deckNotFound();
  return row;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

export function deckNameTaken(library: DeckLibrary, name: string, exceptId: string | null = null): boolean {
  if (sameName(name, library.builtIn.name)) return true;
  const names = library.db.records<{ id: string; name: string }>(sql`SELECT id, name FROM decks`);
  return names.some((deck) => deck.id !== exceptId && sameName(deck.name, name));
}

export function refuseTakenName(library: DeckLibrary, name: string, exceptId: string | null = null): void {
  if (deckNameTaken(library, name, exceptId)) {
    throw new ApiError('conflict', `There is already a deck called “${name}”. Choose another name.`, {
      name: 'Another deck already has this name. Choose another.',
    });
  }
}

export function deckIdTaken(library: DeckLibrary, id: string): boolean {
  return id === library.builtIn.id || library.db.get(sql`SELECT 1 AS taken FROM decks WHERE id = ${id}`) !== undefined;
}

/** Writes a new deck of the user's own with its cards, in order. Call inside a transaction. */
export function insertDeck(
  { db, clock }: DeckLibrary,
  deck: { id: string; name: string; description: string; source: string },
  cards: DeckCard[],
): void {
  const now = isoNow(clock);
  db.run(sql`
    INSERT INTO decks (id, name, description, source, created_at, updated_at)
    VALUES (${deck.id}, ${deck.name}, ${deck.description}, ${deck.source}, ${now}, ${now})`);
  cards.forEach((card, position) => {
    db.run(sql`
      INSERT INTO deck_cards (deck_id, id, position, own, retired, content, created_at, updated_at)
      VALUES (${deck.id}, ${card.id}, ${position}, ${card.paper ? 0 : 1}, ${card.retired ? 1 : 0},
              ${JSON.stringify(toStoredCard(card))}, ${now}, ${now})`);
  });
}
