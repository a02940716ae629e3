import type { deckMethods } from '@shared/deck/contract';
import type { Handlers } from '@core/router';
import { addCard, setCardRetired, updateCard } from './card-editing';
import { exportDeck, importDeck } from './deck-files';
import { deleteDeck, duplicateDeck, renameDeck } from './decks';
import { getCard, getDeck, listDecks, type DeckLibrary } from './library';

/** Handlers for the deck's methods, merged into the router in core.ts. */
export function deckHandlers(library: DeckLibrary): Pick<Handlers, keyof typeof deckMethods> {
  return {
    'decks.list': () => listDecks(library),
    'decks.get': (input) => getDeck(library, input.deckId, input.includeRetired),
    'decks.duplicate': (input) => duplicateDeck(library, input),
    'decks.rename': (input) => renameDeck(library, input),
    'decks.delete': (input) => deleteDeck(library, input),
    'decks.export': (input) => exportDeck(library, input),
    'decks.import': (input) => importDeck(library, input),
    'cards.get': (input) => getCard(library, input.deckId, input.cardId),
    'cards.update': (input) => updateCard(library, input),
    'cards.add': (input) => addCard(library, input),
    'cards.retire': (input) => setCardRetired(library, input, true),
    'cards.restore': (input) => setCardRetired(library, input, false),
  };
}
