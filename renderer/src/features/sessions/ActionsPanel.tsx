import { useState } from 'react';
import { currentDraw, sideLabels, sides, type SessionAction } from '@shared/domain/sessions';
import { formatDate } from '@shared/format/dates';
import { Field } from '@renderer/ui/Field';
import { useSession, useSessionStore } from './sessionStore';

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

function ownerOf(action: SessionAction): string {
  return action.ownerName ?? (action.ownerSide ? sideLabels[action.ownerSide] : '');
}

/** What each side will do, by when: linked to the note or card it came from, carried into the next review. */
export function ActionsPanel() {
  const session = useSession();
  const change = useSessionStore((state) => state.change);
  const noteId = useSessionStore((state) => state.actionNoteId);
  const setNoteId = (id: string) => useSessionStore.setState({ actionNoteId: id });
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');

  const concluded = session.status === 'concluded' || session.status === 'signed';

  const notes = session.notes.filter((note) => note.text.trim());
  const people = session.participants.filter((p) => p.personId);

  async function add() {
    const [kind, value] = owner.split(':');
    const saved = await change(
      'actions.save',
      {
        reviewId: session.reviewId,
        text,
        ownerPersonId: kind === 'person' ? value : null,
        ownerSide: kind === 'side' ? (value as (typeof sides)[number]) : null,
        dueDate,
        noteId: noteId || null,
        cardId: currentDraw(session)?.cardId ?? null,
      },
      'Action added.',
    );
    if (saved) {
      setText('');
      setDueDate('');
      setNoteId('');
    }
  }

  return (
    <section aria-labelledby="actions-heading" className="panel panel--aside">
      <h2 id="actions-heading">Actions</h2>
      {session.actions.length === 0 ? (
        <p>No actions yet.</p>
      ) : (
        <ul className="actions-list">
          {session.actions.map((action) => (
            <li key={action.id}>
              <strong>{action.text}</strong>
              <br />
              {ownerOf(action)}
              {action.dueDate && `, by ${formatDate(action.dueDate)}`}
              {!concluded && (
                <button
                  type="button"
                  className="button button--link"
                  onClick={() =>
                    void change('actions.delete', { reviewId: session.reviewId, actionId: action.id }, 'Action deleted.').then(
                      (ok) =>
                        ok &&
                        useSessionStore.setState({
                          undo: { label: 'Undo: bring the action back', run: () => change('actions.restore', { reviewId: session.reviewId, actionId: action.id }, 'Action brought back.') },
                        }),
                    )
                  }
                >
                  Delete<span className="visually-hidden"> action: {action.text}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!concluded && (
        <div className="form form--plain" role="group" aria-labelledby="add-action-heading">
          <h3 id="add-action-heading">Add an action</h3>
          <Field label="What will be done">{(control) => <input {...control} data-action-text value={text} onChange={(event) => setText(event.target.value)} />}</Field>
          <Field label="Who will do it">
            {(control) => (
              <select {...control} value={owner} onChange={(event) => setOwner(event.target.value)}>
                <option value="">Choose a person or a side</option>
                {people.map((p) => (
                  <option key={p.id} value={`person:${p.personId}`}>
                    {p.name}
                  </option>
                ))}
                {sides.map((side) => (
                  <option key={side} value={`side:${side}`}>
                    The {sideLabels[side].toLowerCase()}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="By when (optional)">{(control) => <input {...control} type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} />}</Field>
          <Field label="Comes from (optional)">
            {(control) => (
              <select {...control} value={noteId} onChange={(event) => setNoteId(event.target.value)}>
                <option value="">No particular note</option>
                {notes.map((note) => (
                  <option key={note.id} value={note.id}>
                    {note.kind === 'concern' ? 'Concern: ' : ''}
                    {excerpt(note.text)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" className="button" onClick={() => void add()}>
            Add action
          </button>
        </div>
      )}
    </section>
  );
}
