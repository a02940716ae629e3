import { useState } from 'react';
import { sideLabels, type SessionNote } from '@shared/domain/sessions';
import { useSession, useSessionStore } from './sessionStore';

function Concern({ note }: { note: SessionNote }) {
  const session = useSession();
  const change = useSessionStore((state) => state.change);
  const [reason, setReason] = useState(note.noActionReason ?? '');
  const actions = session.actions.filter((action) => action.noteId === note.id);
  const open = session.openConcerns.includes(note.id);
  const concluded = session.status === 'concluded' || session.status === 'signed';
  return (
    <li className={open ? 'concern concern--open' : 'concern'}>
      <p>
        <strong>{note.text}</strong> <span className="muted">({sideLabels[note.side]})</span>
      </p>
      {actions.map((action) => (
        <p key={action.id}>Action: {action.text}</p>
      ))}
      {note.noActionReason && <p>No action needed: {note.noActionReason}</p>}
      {open && <p className="concern__needs">Needs an action, or a reason why none is needed.</p>}
      {!concluded && actions.length === 0 && (
        <div className="concern__answer">
          <button type="button" className="button button--secondary" onClick={() => {
              useSessionStore.setState({ actionNoteId: note.id });
              document.querySelector<HTMLInputElement>('[data-action-text]')?.focus();
            }}
          >
            Add an action for this concern
          </button>
          <label>
            Or why no action is needed <input value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void change('notes.concernReason', { reviewId: session.reviewId, noteId: note.id, reason }, 'Reason recorded.')}
          >
            Record the reason
          </button>
        </div>
      )}
    </li>
  );
}

/** Concerns are never smoothed away: each stays here, highlighted, until it has an action or a reason. */
export function ConcernsPanel() {
  const session = useSession();
  const concerns = session.notes.filter((note) => note.kind === 'concern' && note.text.trim());
  return (
    <section aria-labelledby="concerns-heading" className="panel panel--aside panel--concerns">
      <h2 id="concerns-heading">Concerns ({concerns.length})</h2>
      {concerns.length === 0 ? (
        <p>No concerns raised. A note of kind “Concern” appears here until it has an action or a reason for none.</p>
      ) : (
        <ul className="concerns">
          {concerns.map((note) => (
            <Concern key={note.id} note={note} />
          ))}
        </ul>
      )}
    </section>
  );
}
