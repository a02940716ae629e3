import type { Deck } from '@shared/deck/decks';
import type { ServiceContext } from '@core/context';

/** What running a review needs beyond the case book: the decks its cards come from. */
export interface SessionContext extends ServiceContext {
  decks: {
    builtInId: string;
    get(deckId: string): Deck;
  };
}
