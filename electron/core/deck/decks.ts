import { ApiError } from '@shared/api/errors';
import type { DeckSummary } from '@shared/deck/decks';
import type { ParsedInput } from '@shared/api/contract';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import { slug, unusedId } from './cards';
import {
  deckIdTaken,
  getDeck,
  getDeckSummary,
  insertDeck,
  refuseTakenName,
  requireUserDeck,
  type DeckLibrary,
} from './library';

export function duplicateDeck(library: DeckLibrary, input: ParsedInput<'decks.duplicate'>): DeckSummary {
  const id = library.db.transaction(() => {
    const original = getDeck(library, input.deckId, true);
    refuseTakenName(library, input.name);
    const id = unusedId(slug(input.name, 'deck'), (candidate) => deckIdTaken(library, candidate));
    insertDeck(
      library,
      { id, name: input.name, description: original.description, source: original.source },
      original.cards,
    );
    return id;
  });
  library.events.emit('deck.changed', { deckId: id });
  return getDeckSummary(library, id);
}

export function renameDeck(library: DeckLibrary, input: ParsedInput<'decks.rename'>): DeckSummary {
  const { db, clock, events } = library;
  db.transaction(() => {
    requireUserDeck(library, input.deckId);
    refuseTakenName(library, input.name, input.deckId);
    db.run(sql`UPDATE decks SET name = ${input.name}, updated_at = ${isoNow(clock)} WHERE id = ${input.deckId}`);
  });
  events.emit('deck.changed', { deckId: input.deckId });
  return getDeckSummary(library, input.deckId);
}

/** Deletes a deck of the user's own, unless a review draws its cards from it. */
export function deleteDeck(library: DeckLibrary, { deckId }: ParsedInput<'decks.delete'>): { deckId: string } {
  const { db, events } = library;
  db.transaction(() => {
    const deck = requireUserDeck(library, deckId);
    const { reviews } = db.get<{ reviews: number }>(
      sql`SELECT count(*) AS reviews FROM reviews WHERE deck_id = ${deckId}`,
    )!;
    if (reviews > 0) {
      throw new ApiError(
        'conflict',
        `“${deck.name}” is the deck for ${reviews === 1 ? 'a review' : `${reviews} reviews`}, so it cannot be deleted. Choose another deck for ${reviews === 1 ? 'that review' : 'them'} first.`,
      );
    }
    db.run(sql`DELETE FROM decks WHERE id = ${deckId}`);
  });
  events.emit('deck.changed', { deckId });
  return { deckId };
}
