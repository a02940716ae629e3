import type { Deck, DeckCard } from '@shared/deck/decks';
import { useApiMutation } from '@renderer/api/useApiMutation';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { ErrorMessage, Screen, StatusMessage } from '@renderer/ui/Screen';
import { CardDetails } from './CardDetails';
import { DeckNotFound, useDeck } from './DeckBrowser';

/** #/deck/<deck>/card/<card>: a card in full, with its source. */
export function CardPage({ deckId, cardId }: { deckId: string; cardId: string }) {
  const deck = useDeck(deckId);
  const card = useApiQuery('cards.get', { deckId, cardId });
  if (deck.status !== 'success') return <DeckNotFound message={failureOf(deck)} />;
  if (card.status !== 'success') return <DeckNotFound message={failureOf(card)} />;
  return <CardView deck={deck.data} card={card.data} />;
}

function CardView({ deck, card }: { deck: Deck; card: DeckCard }) {
  const { run, failure, status } = useApiMutation();
  const setRetired = (retired: boolean) =>
    run(
      retired ? 'cards.retire' : 'cards.restore',
      { deckId: deck.id, cardId: card.id },
      {
        success: retired
          ? `Retired “${card.title}”: it is kept, but no longer drawn or listed.`
          : `“${card.title}” is back in play.`,
      },
    );

  return (
    <Screen title={card.title}>
      <p>
        <a href={hrefFor('deck', deck.id)}>Back to the cards in “{deck.name}”</a>
      </p>
      {card.retired && (
        <p className="deck-retired">
          This card is retired: it is kept, but not drawn or listed unless you ask for retired cards.
        </p>
      )}
      <ErrorMessage message={failure} />
      <StatusMessage message={status} />
      {!deck.readOnly && (
        <div className="deck-toolbar">
          <a className="button" href={hrefFor('deck', deck.id, 'card', card.id, 'edit')}>
            Change this card
          </a>
          <button type="button" className="button deck-button-secondary" onClick={() => void setRetired(!card.retired)}>
            {card.retired ? 'Bring this card back' : 'Retire this card'}
          </button>
        </div>
      )}
      <CardDetails card={card} level={2} />
      {deck.readOnly && (
        <p className="deck-kind">
          This card is in the built-in deck, which stays as the paper says. To change it, duplicate the deck from the
          deck’s page.
        </p>
      )}
    </Screen>
  );
}
