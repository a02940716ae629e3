import { useRef } from 'react';
import { concernReasonSchema, sideLabels, type SessionNote } from '@shared/domain/sessions';
import { useApiForm } from '@renderer/ui/useApiForm';
import { SessionNotice } from './SessionNotice';
import { useFocusAfterSave } from './useFocusAfterSave';
import { useRoomStore } from './roomStore';
import { isConcluded, useChangeSession, useSession } from './useSession';

function Concern({ note }: { note: SessionNote }) {
  const session = useSession();
  const askForAction = useRoomStore((state) => state.askForAction);
  const actions = session.actions.filter((action) => action.noteId === note.id);
  const open = session.openConcerns.includes(note.id);
  const concluded = isConcluded(session);
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
          <button type="button" className="button button--secondary" onClick={() => askForAction(note.id)}>
            Add an action for this concern
          </button>
          <ReasonForm note={note} />
        </div>
      )}
      <SessionNotice place={`concern:${note.id}`} />
    </li>
  );
}

/** Why a concern needs no action: recorded with it, and in the minutes. */
function ReasonForm({ note }: { note: SessionNote }) {
  const { reviewId } = useSession();
  const change = useChangeSession(`concern:${note.id}`);
  const button = useRef<HTMLButtonElement>(null);
  const { form, onSubmit } = useApiForm({
    schema: concernReasonSchema,
    defaultValues: { reviewId, noteId: note.id, reason: note.noActionReason ?? '' },
    submit: async (values) => {
      const recorded = await change('notes.concernReason', values, 'Reason recorded.');
      // The button was disabled while it saved: the keyboard goes back to it, by the message.
      if (recorded) focus.saved();
      return recorded;
    },
    afterSave: 'keep',
  });
  const { errors, isSubmitting } = form.formState;
  const focus = useFocusAfterSave(isSubmitting, button);
  return (
    <form onSubmit={onSubmit} noValidate className="concern__reason">
      <label>
        Or why no action is needed{' '}
        <input {...form.register('reason')} aria-invalid={errors.reason ? true : undefined} />
      </label>
      {errors.reason && <p className="field-error">{errors.reason.message}</p>}
      <button type="submit" className="button button--secondary" disabled={isSubmitting} ref={button}>
        Record the reason
      </button>
    </form>
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
