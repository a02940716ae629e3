import { useId } from 'react';
import type { Deck } from '@shared/deck/decks';
import { useApiMutation } from '@renderer/api/useApiMutation';
import { navigate } from '@renderer/navigation/routes';
import { offerDownload } from '@renderer/ui/download';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { DeckNameForm } from './DeckNameForm';
import { useDeckBrowser } from './deckStore';

/** Export, duplicate, and for a deck of the user's own: rename and delete. */
export function DeckTools({ deck }: { deck: Deck }) {
  const headingId = useId();
  const { run, failure, status } = useApiMutation();
  const setNotice = useDeckBrowser((state) => state.setNotice);

  async function exportDeck() {
    const file = await run(
      'decks.export',
      { deckId: deck.id },
      { success: (saved) => `Saved “${deck.name}” as ${saved.fileName}.` },
    );
    if (file) offerDownload(file);
  }

  async function deleteDeck() {
    if (
      !window.confirm(
        `Delete “${deck.name}” and all its cards? This cannot be undone. Export it first if you may want it again.`,
      )
    )
      return;
    if (!(await run('decks.delete', { deckId: deck.id }))) return;
    setNotice(`Deleted “${deck.name}”.`);
    navigate('deck');
  }

  return (
    <section className="panel deck-tools" aria-labelledby={headingId}>
      <h2 id={headingId}>Manage this deck</h2>
      <ErrorMessage message={failure} />
      <h3>Export</h3>
      <p>Save the deck as a deck file, to keep a copy or to use it on another computer.</p>
      <button type="button" className="button" onClick={() => void exportDeck()}>
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
        save={async (name, call) => {
          const copy = await call('decks.duplicate', { deckId: deck.id, name });
          navigate('deck', copy.id);
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
            save={async (name, call) => {
              const renamed = await call('decks.rename', { deckId: deck.id, name });
              return `Renamed to “${renamed.name}”.`;
            }}
          />
          <h3>Delete</h3>
          <p>Deletes the deck and all its cards. A deck a review uses cannot be deleted.</p>
          <button type="button" className="button deck-button-danger" onClick={() => void deleteDeck()}>
            Delete this deck
          </button>
        </>
      )}
    </section>
  );
}
