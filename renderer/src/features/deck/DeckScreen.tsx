import './deck.css';
import { CardEditor } from './CardEditor';
import { CardPage } from './CardPage';
import { DeckBrowser } from './DeckBrowser';
import { DeckList } from './DeckList';
import { PrintSheet } from './PrintSheet';

/**
 * #/deck (the decks), #/deck/<deck> (its cards), #/deck/<deck>/card/<card>[/edit],
 * #/deck/<deck>/add-card and #/deck/<deck>/print (the print sheet of chosen cards).
 */
export function DeckScreen({ path }: { path: string[] }) {
  const [deckId, part, cardId, action] = path;
  if (!deckId) return <DeckList />;
  if (part === 'card' && cardId)
    return action === 'edit' ? (
      <CardEditor key={cardId} deckId={deckId} cardId={cardId} />
    ) : (
      <CardPage deckId={deckId} cardId={cardId} />
    );
  if (part === 'add-card') return <CardEditor deckId={deckId} />;
  if (part === 'print') return <PrintSheet deckId={deckId} />;
  return <DeckBrowser deckId={deckId} />;
}
