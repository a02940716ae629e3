import type { Deck, DeckCard } from '@shared/deck/decks';
import { hrefFor } from '@renderer/navigation/routes';
import { useChosen, useDeckBrowser } from './deckStore';
import { frameworkLabel, phasesLabel } from './labels';

/** The cards shown, each with a tick box for the print sheet. */
export function CardsTable({ deck, cards }: { deck: Deck; cards: DeckCard[] }) {
  const chosen = useChosen(deck.id);
  const setChosen = useDeckBrowser((state) => state.setChosen);
  const toggle = (cardId: string, on: boolean) =>
    setChosen(deck.id, on ? [...chosen.filter((id) => id !== cardId), cardId] : chosen.filter((id) => id !== cardId));
  const shownIds = cards.map((card) => card.id);

  return (
    <>
      <div className="deck-toolbar">
        <button
          type="button"
          className="button deck-button-secondary"
          onClick={() => setChosen(deck.id, [...new Set([...chosen, ...shownIds])])}
        >
          Choose all shown for printing
        </button>
        <button
          type="button"
          className="button deck-button-secondary"
          onClick={() => setChosen(deck.id, [])}
          disabled={chosen.length === 0}
        >
          Clear the choice
        </button>
      </div>
      <table className="table deck-cards">
        <caption className="visually-hidden">Cards in “{deck.name}”</caption>
        <thead>
          <tr>
            <th scope="col">Print</th>
            <th scope="col">Card</th>
            <th scope="col">Framework</th>
            <th scope="col">Phases</th>
          </tr>
        </thead>
        <tbody>
          {cards.map((card) => (
            <tr key={card.id}>
              <td>
                <label className="deck-tick">
                  <input
                    type="checkbox"
                    checked={chosen.includes(card.id)}
                    onChange={(event) => toggle(card.id, event.target.checked)}
                  />
                  <span className="visually-hidden">Choose “{card.title}” for the print sheet</span>
                </label>
              </td>
              <td>
                <a href={hrefFor('deck', deck.id, 'card', card.id)}>{card.title}</a>
                {card.retired && <span className="deck-tag"> Retired</span>}
                {!card.paper && <span className="deck-tag"> Your own card</span>}
              </td>
              <td>{frameworkLabel(card.framework)}</td>
              <td>{phasesLabel(card.phases)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
