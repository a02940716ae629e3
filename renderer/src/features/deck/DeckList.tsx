import { useEffect, useId, useState } from 'react';
import { deckImportSchema, type DeckSummary } from '@shared/deck/decks';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { Field } from '@renderer/ui/Field';
import { ErrorMessage, Screen, StatusMessage } from '@renderer/ui/Screen';
import { useApiForm } from '@renderer/ui/useApiForm';
import { useChosenFile } from '@renderer/ui/useChosenFile';
import { useDeckBrowser } from './deckStore';
import { cardCount } from './labels';

/** #/deck: every deck, and importing a deck file. */
export function DeckList() {
  const decks = useApiQuery('decks.list', {});
  const notice = useDeckBrowser((state) => state.notice);
  const setNotice = useDeckBrowser((state) => state.setNotice);
  useEffect(() => () => setNotice(null), [setNotice]);
  return (
    <Screen
      title="Decks"
      intro="Prompt cards drawn from “Re:thinking Children’s Commissioning”, for each phase of a review. Choose a deck to browse its cards."
    >
      <StatusMessage message={notice} />
      <ErrorMessage message={failureOf(decks)} />
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

/** Imports a deck file: the core checks it whole, and its refusal lists every problem it found. */
function ImportDeckForm() {
  const headingId = useId();
  const [inputKey, setInputKey] = useState(0);
  const [imported, setImported] = useState<DeckSummary | null>(null);
  const { form, onSubmit, status, failure } = useApiForm({
    schema: deckImportSchema,
    defaultValues: {},
    // Choosing a file is not work to lose.
    guardLeaving: false,
    submit: async (values, call) => {
      setImported(null);
      const deck = await call('decks.import', values);
      setImported(deck);
      setInputKey((key) => key + 1);
      return `Imported “${deck.name}” with ${cardCount(deck.cardCount + deck.retiredCount)}.`;
    },
  });
  const file = useChosenFile(
    (chosen) => chosen.text(),
    (content) => (content === null ? form.resetField('content') : form.setValue('content', content)),
  );
  const { isSubmitting, errors } = form.formState;
  const [summary, ...problems] = (failure ?? errors.content?.message ?? '').split('\n');

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Import a deck file</h2>
      <p>
        A deck file is what “Export deck file” saves. The whole file is checked first; if anything in it is wrong,
        nothing is imported.
      </p>
      <form onSubmit={file.whenRead(onSubmit)} noValidate aria-label="Import a deck file">
        {summary && (
          <div role="alert" className="error-summary">
            <p className="deck-alert-title">{summary}</p>
            {problems.length > 0 && (
              <ul className="deck-problems">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <Field label="Deck file" hint="A .json file exported from Relational Review.">
          {(control) => (
            <input key={inputKey} {...control} type="file" accept=".json,application/json" onChange={file.onChange} />
          )}
        </Field>
        <button className="button" type="submit" disabled={isSubmitting}>
          Import deck
        </button>
        <p role="status" className={status ? 'status-message' : isSubmitting ? 'deck-kind' : 'visually-hidden'}>
          {isSubmitting && 'Checking the deck file and importing it…'}
          {status && imported && (
            <>
              {status} <a href={hrefFor('deck', imported.id)}>Open “{imported.name}”</a>
            </>
          )}
        </p>
      </form>
    </section>
  );
}
