import type { Deck } from '@shared/deck/decks';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { EmptyState, ErrorMessage, Screen } from '@renderer/ui/Screen';
import { CardFiltersForm } from './CardFiltersForm';
import { CardsTable } from './CardsTable';
import { DeckTools } from './DeckTools';
import { noFilters, useChosen, useDeckBrowser } from './deckStore';
import { filterCards } from './filterCards';
import { cardCount } from './labels';

/** Loads a deck with every card, retired ones too (the browser hides those unless asked). */
export function useDeck(deckId: string) {
  return useApiQuery('decks.get', { deckId, includeRetired: true });
}

export function DeckNotFound({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <>
      <ErrorMessage message={message} />
      <p>
        <a href={hrefFor('deck')}>Back to the decks</a>
      </p>
    </>
  );
}

/** #/deck/<deck>: the deck's cards, filtered and searched, ticked for printing; and the deck's tools. */
export function DeckBrowser({ deckId }: { deckId: string }) {
  const deck = useDeck(deckId);
  if (deck.status !== 'success') return <DeckNotFound message={failureOf(deck)} />;
  return <Browser deck={deck.data} />;
}

function Browser({ deck }: { deck: Deck }) {
  const filters = useDeckBrowser((state) => state.filters);
  const setFilters = useDeckBrowser((state) => state.setFilters);
  const chosen = useChosen(deck.id);
  const inPlay = filters.showRetired ? deck.cards : deck.cards.filter((card) => !card.retired);
  const shown = filterCards(deck.cards, filters);
  const chosenCount = deck.cards.filter((card) => chosen.includes(card.id)).length;

  return (
    <Screen title={deck.name} intro={deck.description}>
      <p>
        <a href={hrefFor('deck')}>All decks</a>
      </p>
      <p className="deck-kind">
        {deck.readOnly
          ? 'The built-in deck: it stays as the paper says. To change its cards, duplicate it under “Manage this deck”.'
          : `Your own deck: ${cardCount(deck.cardCount)} in play${deck.retiredCount ? `, ${deck.retiredCount} retired` : ''}.`}
      </p>
      <div className="deck-toolbar">
        <a className="button" href={hrefFor('deck', deck.id, 'print')}>
          Print sheet of chosen cards ({chosenCount})
        </a>
        {!deck.readOnly && (
          <a className="button deck-button-secondary" href={hrefFor('deck', deck.id, 'add-card')}>
            Add a card
          </a>
        )}
      </div>
      <CardFiltersForm filters={filters} onChange={setFilters} retiredCount={deck.retiredCount} />
      <p role="status" className="deck-count">
        Showing {shown.length} of {cardCount(inPlay.length)}
      </p>
      {shown.length === 0 ? (
        <EmptyState>
          <p>
            No cards match these filters. Choose other filters or search for other words, or clear the filters to see
            every card.
          </p>
          <button
            type="button"
            className="button deck-button-secondary"
            onClick={() => setFilters({ ...noFilters, showRetired: filters.showRetired })}
          >
            Clear filters
          </button>
        </EmptyState>
      ) : (
        <CardsTable deck={deck} cards={shown} />
      )}
      <DeckTools deck={deck} />
    </Screen>
  );
}
