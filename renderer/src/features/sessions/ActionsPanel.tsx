import { useEffect, useRef } from 'react';
import { actionSchema, currentDraw, sideLabels, sides, type SessionAction, type Side } from '@shared/domain/sessions';
import { formatDate } from '@shared/format/dates';
import { dayMonthYear, dayMonthYearHint } from '@renderer/ui/dates';
import { Field } from '@renderer/ui/Field';
import { TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';
import { SessionNotice } from './SessionNotice';
import { focusAfter } from '@renderer/ui/focusAfter';
import { useRoomStore } from './roomStore';
import { isConcluded, useChangeSession, useSession } from './useSession';

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

function ownerOf(action: SessionAction): string {
  return action.ownerName ?? (action.ownerSide ? sideLabels[action.ownerSide] : '');
}

/** What each side will do, by when: linked to the note or card it came from, carried into the next review. */
export function ActionsPanel() {
  const session = useSession();
  const change = useChangeSession('actions');
  const setUndo = useRoomStore((state) => state.setUndo);
  const concluded = isConcluded(session);
  const heading = useRef<HTMLHeadingElement>(null);

  async function remove(action: SessionAction) {
    const { reviewId } = session;
    const deleting = change('actions.delete', { reviewId, actionId: action.id }, 'Action deleted.');
    // The button pressed goes: the keyboard goes to the panel's heading, by the undo.
    focusAfter(deleting, () => heading.current);
    if (!(await deleting)) return;
    setUndo({
      label: 'Undo: bring the action back',
      place: 'actions',
      run: (again) => again('actions.restore', { reviewId, actionId: action.id }, 'Action brought back.'),
    });
  }

  return (
    <section aria-labelledby="actions-heading" className="panel panel--aside">
      <h2 id="actions-heading" tabIndex={-1} ref={heading}>
        Actions
      </h2>
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
                <button type="button" className="button button--link" onClick={() => void remove(action)}>
                  Delete<span className="visually-hidden"> action: {action.text}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!concluded && <AddActionForm />}
      <SessionNotice place="actions" />
    </section>
  );
}

/**
 * The review comes from the screen; who will do it is one choice of a person or a side; by when is
 * typed day, month, year (see dayMonthYear).
 */
const newActionSchema = actionSchema
  .omit({ reviewId: true, id: true, cardId: true })
  .extend({ dueDate: dayMonthYear(actionSchema.shape.dueDate) });

function AddActionForm() {
  const session = useSession();
  const change = useChangeSession('actions');
  const actionFor = useRoomStore((state) => state.actionFor);
  const askForAction = useRoomStore((state) => state.askForAction);
  const { form, onSubmit } = useApiForm({
    schema: newActionSchema,
    defaultValues: { text: '', ownerPersonId: null, ownerSide: null, dueDate: '', noteId: '' },
    submit: async (values) => {
      const added = await change(
        'actions.save',
        { ...values, reviewId: session.reviewId, cardId: currentDraw(session)?.cardId ?? null },
        'Action added.',
      );
      // The form starts afresh (the next action is rarely the same person's), ready to write it.
      if (added) setTimeout(() => form.setFocus('text'));
      return added;
    },
  });
  const { errors, isSubmitting } = form.formState;
  const [personId, side] = form.watch(['ownerPersonId', 'ownerSide']);
  const notes = session.notes.filter((note) => note.text.trim());
  const people = session.participants.filter((p) => p.personId);

  // "Add an action for this concern": the concern is chosen, and the keyboard goes to what will be done.
  useEffect(() => {
    if (!actionFor) return;
    form.setValue('noteId', actionFor, { shouldDirty: true });
    form.setFocus('text');
    askForAction(null);
  }, [actionFor, askForAction, form]);

  function chooseOwner(choice: string) {
    const [kind, value] = choice.split(':');
    form.setValue('ownerPersonId', kind === 'person' ? value : null, { shouldDirty: true });
    form.setValue('ownerSide', kind === 'side' ? (value as Side) : null, { shouldDirty: true });
  }

  return (
    <form className="form form--plain" onSubmit={onSubmit} noValidate>
      <div role="group" aria-labelledby="add-action-heading">
        <h3 id="add-action-heading">Add an action</h3>
        <TextField label="What will be done" error={errors.text?.message} registration={form.register('text')} />
        <Field label="Who will do it" error={errors.ownerPersonId?.message ?? errors.ownerSide?.message}>
          {(control) => (
            <select
              {...control}
              value={personId ? `person:${personId}` : side ? `side:${side}` : ''}
              onChange={(event) => chooseOwner(event.target.value)}
            >
              <option value="">Choose a person or a side</option>
              {people.map((p) => (
                <option key={p.id} value={`person:${p.personId}`}>
                  {p.name}
                </option>
              ))}
              {sides.map((s) => (
                <option key={s} value={`side:${s}`}>
                  The {sideLabels[s].toLowerCase()}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label="By when (optional)"
          hint={dayMonthYearHint}
          error={errors.dueDate?.message}
          registration={form.register('dueDate')}
        />
        <Field label="Comes from (optional)" error={errors.noteId?.message}>
          {(control) => (
            <select {...control} {...form.register('noteId')}>
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
        <button type="submit" className="button" disabled={isSubmitting}>
          Add action
        </button>
      </div>
    </form>
  );
}
