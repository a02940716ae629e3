import { useRef } from 'react';
import { participantSchema, sideLabels, sides, type Side } from '@shared/domain/sessions';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { focusAfter } from '@renderer/ui/focusAfter';
import { SelectField, TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';
import { SessionNotice } from './SessionNotice';
import { isConcluded, useChangeSession, useSession } from './useSession';

const sideOfKind: Record<string, Side> = { local_authority: 'commissioner', provider: 'provider', other: 'other' };

/** Who is taking part, and who sent apologies: from the case book, or added on the spot. */
export function ParticipantsPanel() {
  const session = useSession();
  const change = useChangeSession('participants');
  const concluded = isConcluded(session);
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section aria-labelledby="participants-heading" className="subpanel">
      <h3 id="participants-heading" tabIndex={-1} ref={heading}>
        Participants
      </h3>
      {session.participants.length === 0 ? (
        <p>No one listed yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Participants</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Side</th>
              <th scope="col">Present</th>
              {!concluded && (
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {session.participants.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{[p.role, p.organisation].filter(Boolean).join(', ')}</td>
                <td>{sideLabels[p.side]}</td>
                <td>{p.attendance === 'present' ? 'Present' : 'Apologies'}</td>
                {!concluded && (
                  <td>
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() =>
                        focusAfter(
                          change(
                            'sessions.removeParticipant',
                            { reviewId: session.reviewId, participantId: p.id },
                            `Removed ${p.name}.`,
                          ),
                          () => heading.current,
                        )
                      }
                    >
                      Remove <span className="visually-hidden">{p.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!concluded && <AddParticipantForm focusWhenAdded={() => heading.current} />}
      <SessionNotice place="participants" />
    </section>
  );
}

/** The review comes from the screen. */
const newParticipantSchema = participantSchema.omit({ reviewId: true });

function AddParticipantForm({ focusWhenAdded }: { focusWhenAdded: () => HTMLElement | null }) {
  const session = useSession();
  const change = useChangeSession('participants');
  const people = useApiQuery('people.list', {});
  const organisations = useApiQuery('organisations.list', {});
  const { form, onSubmit } = useApiForm({
    schema: newParticipantSchema,
    defaultValues: { personId: '', name: '', role: '', organisation: '', side: 'commissioner', attendance: 'present' },
    submit: async (values) => {
      const adding = change(
        'sessions.addParticipant',
        { ...values, reviewId: session.reviewId },
        `Added ${values.name}.`,
      );
      // The form starts afresh, side and attendance too, ready for the next person. The keyboard
      // goes to the list the person joined (its heading, which is no text box, so the room's
      // single-key shortcuts still work); the form is the next thing after it.
      focusAfter(adding, focusWhenAdded);
      return adding;
    },
  });
  const { errors, isSubmitting } = form.formState;
  const listed = new Set(session.participants.map((p) => p.personId));
  const choices = (people.data ?? []).filter((person) => !listed.has(person.id));

  /** Someone from the case book: their name, role, organisation and side as the case book has them. */
  function choosePerson(id: string) {
    const person = people.data?.find((p) => p.id === id);
    form.setValue('organisation', person?.organisationName ?? '');
    if (!person) return;
    form.setValue('name', person.name);
    form.setValue('role', person.role);
    const kind = organisations.data?.find((o) => o.id === person.organisationId)?.kind;
    if (kind) form.setValue('side', sideOfKind[kind]!);
  }

  return (
    <form className="form form--plain" onSubmit={onSubmit} noValidate>
      <div role="group" aria-labelledby="add-participant-heading">
        <h4 id="add-participant-heading">Add a participant</h4>
        <SelectField
          label="From the case book (optional)"
          placeholder="Someone not in the case book"
          options={choices.map((person) => ({
            value: person.id,
            label: person.organisationName ? `${person.name}, ${person.organisationName}` : person.name,
          }))}
          error={errors.personId?.message}
          registration={form.register('personId', {
            onChange: (event: { target: { value: string } }) => choosePerson(event.target.value),
          })}
        />
        <TextField label="Name" error={errors.name?.message} registration={form.register('name')} />
        <TextField label="Role (optional)" error={errors.role?.message} registration={form.register('role')} />
        <SelectField
          label="Side"
          options={sides.map((s) => ({ value: s, label: sideLabels[s] }))}
          error={errors.side?.message}
          registration={form.register('side')}
        />
        <fieldset className="fieldset">
          <legend>Attending?</legend>
          <label className="radio">
            <input type="radio" value="present" {...form.register('attendance')} /> Present
          </label>
          <label className="radio">
            <input type="radio" value="apologies" {...form.register('attendance')} /> Sent apologies
          </label>
        </fieldset>
        <button type="submit" className="button" disabled={isSubmitting}>
          Add participant
        </button>
      </div>
    </form>
  );
}
