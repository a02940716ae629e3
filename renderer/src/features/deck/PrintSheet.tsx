import type { Deck } from '@shared/deck/decks';
import { failureOf } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { EmptyState, Screen } from '@renderer/ui/Screen';
import { CardDetails } from './CardDetails';
import { DeckNotFound, useDeck } from './DeckBrowser';
import { useChosen } from './deckStore';
import { cardCount } from './labels';

/** #/deck/<deck>/print: the chosen cards laid out for A4, with the app's chrome hidden when printed. */
export function PrintSheet({ deckId }: { deckId: string }) {
  const deck = useDeck(deckId);
  if (deck.status !== 'success') return <DeckNotFound message={failureOf(deck)} />;
  return <Sheet deck={deck.data} />;
}

function Sheet({ deck }: { deck: Deck }) {
  const chosen = useChosen(deck.id);
  const cards = deck.cards.filter((card) => chosen.includes(card.id));
  return (
    <div className="deck-print-sheet">
      <Screen title={`Print sheet: ${cardCount(cards.length)} from “${deck.name}”`}>
        <div className="deck-toolbar deck-no-print">
          {cards.length > 0 && (
            <button type="button" className="button" onClick={() => window.print()}>
              Print
            </button>
          )}
          <a href={hrefFor('deck', deck.id)}>Back to the cards</a>
        </div>
        {cards.length === 0 ? (
          <EmptyState>
            <p>
              No cards are chosen yet. Go <a href={hrefFor('deck', deck.id)}>back to the cards</a> and tick the ones you
              want on the sheet.
            </p>
          </EmptyState>
        ) : (
          cards.map((card) => (
            <article key={card.id} className="deck-print-card" aria-labelledby={`print-${card.id}`}>
              <h2 id={`print-${card.id}`}>{card.title}</h2>
              <CardDetails card={card} level={3} />
            </article>
          ))
        )}
      </Screen>
    </div>
  );
}
