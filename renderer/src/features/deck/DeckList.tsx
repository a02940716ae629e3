import { useEffect, useId, useState, type FormEvent } from 'react';
import type { DeckSummary } from '@shared/deck/decks';
import { api, errorMessage } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { Field } from '@renderer/ui/Field';
import { ErrorMessage, Screen, StatusMessage } from '@renderer/ui/Screen';
import { useDeckBrowser } from './deckStore';
import { cardCount } from './labels';

const refresh = ['deck.changed'] as const;

/** #/deck: every deck, and importing a deck file. */
export function DeckList() {
  const decks = useApiQuery('decks.list', {}, refresh);
  const notice = useDeckBrowser((state) => state.notice);
  const setNotice = useDeckBrowser((state) => state.setNotice);
  useEffect(() => () => setNotice(null), [setNotice]);
  return (
    <Screen title="Decks" intro="Prompt cards drawn from “Re:thinking Children’s Commissioning”, for each phase of a review. Choose a deck to browse its cards.">
      <StatusMessage message={notice} />
      <ErrorMessage message={decks.error ?? null} />
      {decks.data && <DecksTable decks={decks.data} />}
      <ImportDeckForm />
    </Screen>
  );
}

function DecksTable({ decks }: { decks: DeckSummary[] }) {
  return (
    <table className="table">
      <caption className="visually-hidden">Decks</caption>
      <thead>
        <tr>
          <th scope="col">Deck</th>
          <th scope="col">Cards</th>
          <th scope="col">Retired cards</th>
          <th scope="col">Changes</th>
        </tr>
      </thead>
      <tbody>
        {decks.map((deck) => (
          <tr key={deck.id}>
            <td>
              <a href={hrefFor('deck', deck.id)}>{deck.name}</a>
            </td>
            <td>{deck.cardCount}</td>
            <td>{deck.retiredCount}</td>
            <td>{deck.readOnly ? 'Built in: read-only' : 'Your own deck'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type ImportState = { status: 'idle' } | { status: 'busy' } | { status: 'done'; deck: DeckSummary } | { status: 'refused'; summary: string; problems: string[] };

function ImportDeckForm() {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const [inputKey, setInputKey] = useState(0);
  const headingId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setState({ status: 'refused', summary: 'Choose a deck file to import.', problems: [] });
      return;
    }
    setState({ status: 'busy' });
    try {
      const deck = await api.call('decks.import', { content: await file.text() });
      setState({ status: 'done', deck });
      setFile(null);
      setInputKey((key) => key + 1);
    } catch (error) {
      const [summary = '', ...problems] = errorMessage(error).split('\n');
      setState({ status: 'refused', summary, problems });
    }
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Import a deck file</h2>
      <p>A deck file is what “Export deck file” saves. The whole file is checked first; if anything in it is wrong, nothing is imported.</p>
      <form onSubmit={onSubmit} noValidate aria-label="Import a deck file">
        {state.status === 'refused' && (
          <div role="alert" className="error-summary">
            <p className="deck-alert-title">{state.summary}</p>
            {state.problems.length > 0 && (
              <ul className="deck-problems">
                {state.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <Field label="Deck file" hint="A .json file exported from Relational Review.">
          {(control) => (
            <input
              key={inputKey}
              {...control}
              type="file"
              accept=".json,application/json"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <button className="button" type="submit" disabled={state.status === 'busy'}>
          Import deck
        </button>
        <p role="status" className={state.status === 'done' ? 'status-message' : state.status === 'busy' ? 'deck-kind' : 'visually-hidden'}>
          {state.status === 'busy' && 'Checking the deck file and importing it…'}
          {state.status === 'done' && (
            <>
              Imported “{state.deck.name}” with {cardCount(state.deck.cardCount + state.deck.retiredCount)}.{' '}
              <a href={hrefFor('deck', state.deck.id)}>Open “{state.deck.name}”</a>
            </>
          )}
        </p>
      </form>
    </section>
  );
}
