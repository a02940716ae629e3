import { sideLabels, stageLabels, turnSides, type SessionNote } from '@shared/domain/sessions';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { NoteEditor, type CardChoice } from './NoteEditor';
import { SessionNotice } from './SessionNotice';
import { useRoomStore } from './roomStore';
import { isConcluded, useSession } from './useSession';

/** The stage's notes: saved as they are typed, each against the card in play and the side that spoke. */
export function NotesPanel() {
  const session = useSession();
  const drafts = useRoomStore((state) => state.drafts);
  const startNote = useRoomStore((state) => state.startNote);
  const concluded = isConcluded(session);
  const deck = useApiQuery('decks.get', { deckId: session.deckId });
  const titles = new Map((deck.data?.cards ?? []).map((card) => [card.id, card.title]));
  // The title a card was drawn with comes first: the review keeps the deck's edition it used.
  for (const drawn of session.cards) if (drawn.card) titles.set(drawn.cardId, drawn.card.title);
  // The cards drawn in this review, each once, most recent first: a note is most often about those.
  const cardChoices: CardChoice[] = [...new Set(session.cards.map((drawn) => drawn.cardId).reverse())].map((id) => ({
    id,
    title: titles.get(id) ?? id,
  }));
  const saved = new Set(session.notes.map((note) => note.id));
  const notes: SessionNote[] = [
    ...session.notes,
    ...drafts.filter((draft) => !saved.has(draft.id) && draft.stage === session.stage),
  ].filter((note) => note.stage === session.stage);

  return (
    <section aria-labelledby="notes-heading" className="subpanel">
      <h3 id="notes-heading" tabIndex={-1}>
        Notes in {stageLabels[session.stage]}
      </h3>
      {!concluded && (
        <div className="toolbar">
          {turnSides.map((side) => (
            <button key={side} type="button" className="button" onClick={() => startNote(session, side)}>
              Add a note for the {sideLabels[side].toLowerCase()}
            </button>
          ))}
          <button type="button" className="button button--secondary" onClick={() => startNote(session, 'facilitator')}>
            Facilitator’s note
          </button>
        </div>
      )}
      {notes.length === 0 ? (
        <p className="empty-state">No notes in this stage yet.</p>
      ) : (
        <ol className="notes">
          {notes.map((note) => (
            <li key={note.id}>
              <NoteEditor note={note} readOnly={concluded} cardChoices={cardChoices} />
            </li>
          ))}
        </ol>
      )}
      <SessionNotice place="notes" />
    </section>
  );
}
