import { useId, useState } from 'react';
import type { Deck } from '@shared/deck/decks';
import { api, errorMessage } from '@renderer/api/client';
import { navigate } from '@renderer/navigation/routes';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { DeckNameForm } from './DeckNameForm';
import { useDeckBrowser } from './deckStore';
import { offerDownload } from '@renderer/ui/download';

/** Export, duplicate, and for a deck of the user's own: rename and delete. */
export function DeckTools({ deck }: { deck: Deck }) {
  const headingId = useId();
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const setNotice = useDeckBrowser((state) => state.setNotice);

  async function run(action: () => Promise<void>) {
    setStatus(null);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  const exportDeck = () =>
    run(async () => {
      const file = await api.call('decks.export', { deckId: deck.id });
      offerDownload(file);
      setStatus(`Saved “${deck.name}” as ${file.fileName}.`);
    });

  const deleteDeck = () =>
    run(async () => {
      if (!window.confirm(`Delete “${deck.name}” and all its cards? This cannot be undone. Export it first if you may want it again.`)) return;
      await api.call('decks.delete', { deckId: deck.id });
      setNotice(`Deleted “${deck.name}”.`);
      navigate('deck');
    });

  return (
    <section className="panel deck-tools" aria-labelledby={headingId}>
      <h2 id={headingId}>Manage this deck</h2>
      <ErrorMessage message={failure} />
      <h3>Export</h3>
      <p>Save the deck as a deck file, to keep a copy or to use it on another computer.</p>
      <button type="button" className="button" onClick={exportDeck}>
        Export deck file
      </button>
      <StatusMessage message={status} />

      <h3>Duplicate</h3>
      <p>Make a copy of your own, with every card, to change as you need.</p>
      <DeckNameForm
        label="Duplicate this deck"
        fieldLabel="Name of the copy"
        submitLabel="Duplicate deck"
        defaultName={`${deck.name} (copy)`}
        save={async (name) => {
          const copy = await api.call('decks.duplicate', { deckId: deck.id, name });
          return () => navigate('deck', copy.id);
        }}
      />

      {!deck.readOnly && (
        <>
          <h3>Rename</h3>
          <DeckNameForm
            label="Rename this deck"
            fieldLabel="Name of the deck"
            submitLabel="Rename deck"
            defaultName={deck.name}
            save={async (name) => {
              const renamed = await api.call('decks.rename', { deckId: deck.id, name });
              return `Renamed to “${renamed.name}”.`;
            }}
          />
          <h3>Delete</h3>
          <p>Deletes the deck and all its cards. A deck a review uses cannot be deleted.</p>
          <button type="button" className="button deck-button-danger" onClick={deleteDeck}>
            Delete this deck
          </button>
        </>
      )}
    </section>
  );
}
