import { useState } from 'react';
import { sideLabels, sides, type Side } from '@shared/domain/sessions';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { Field } from '@renderer/ui/Field';
import { useSession, useSessionStore } from './sessionStore';

const sideOfKind: Record<string, Side> = { local_authority: 'commissioner', provider: 'provider', other: 'other' };

/** Who is taking part, and who sent apologies: from the case book, or added on the spot. */
export function ParticipantsPanel() {
  const session = useSession();
  const change = useSessionStore((state) => state.change);
  const people = useApiQuery('people.list', {}, ['casebook.changed']);
  const organisations = useApiQuery('organisations.list', {}, ['casebook.changed']);
  const [personId, setPersonId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [side, setSide] = useState<Side>('commissioner');
  const [attendance, setAttendance] = useState<'present' | 'apologies'>('present');
  const listed = new Set(session.participants.map((p) => p.personId));
  const choices = (people.data ?? []).filter((person) => !listed.has(person.id));

  function choosePerson(id: string) {
    setPersonId(id);
    const person = people.data?.find((p) => p.id === id);
    if (!person) return;
    setName(person.name);
    setRole(person.role);
    const kind = organisations.data?.find((o) => o.id === person.organisationId)?.kind;
    if (kind) setSide(sideOfKind[kind]!);
  }

  async function add() {
    const person = people.data?.find((p) => p.id === personId);
    const added = await change(
      'sessions.addParticipant',
      { reviewId: session.reviewId, personId: personId || null, name, role, organisation: person?.organisationName ?? '', side, attendance },
      `Added ${name}.`,
    );
    if (added) {
      setPersonId('');
      setName('');
      setRole('');
    }
  }

  return (
    <section aria-labelledby="participants-heading" className="subpanel">
      <h3 id="participants-heading">Participants</h3>
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
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {session.participants.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{[p.role, p.organisation].filter(Boolean).join(', ')}</td>
                <td>{sideLabels[p.side]}</td>
                <td>{p.attendance === 'present' ? 'Present' : 'Apologies'}</td>
                <td>
                  <button
                    type="button"
                    className="button button--link"
                    onClick={() => void change('sessions.removeParticipant', { reviewId: session.reviewId, participantId: p.id }, `Removed ${p.name}.`)}
                  >
                    Remove <span className="visually-hidden">{p.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form form--plain" role="group" aria-labelledby="add-participant-heading">
        <h4 id="add-participant-heading">Add a participant</h4>
        <Field label="From the case book (optional)">
          {(control) => (
            <select {...control} value={personId} onChange={(event) => choosePerson(event.target.value)}>
              <option value="">Someone not in the case book</option>
              {choices.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                  {person.organisationName ? `, ${person.organisationName}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name">{(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} />}</Field>
        <Field label="Role (optional)">{(control) => <input {...control} value={role} onChange={(event) => setRole(event.target.value)} />}</Field>
        <Field label="Side">
          {(control) => (
            <select {...control} value={side} onChange={(event) => setSide(event.target.value as Side)}>
              {sides.map((s) => (
                <option key={s} value={s}>
                  {sideLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="fieldset">
          <legend>Attending?</legend>
          <label className="radio">
            <input type="radio" name="attendance" checked={attendance === 'present'} onChange={() => setAttendance('present')} /> Present
          </label>
          <label className="radio">
            <input type="radio" name="attendance" checked={attendance === 'apologies'} onChange={() => setAttendance('apologies')} /> Sent apologies
          </label>
        </fieldset>
        <button type="button" className="button" onClick={() => void add()}>
          Add participant
        </button>
      </div>
    </section>
  );
}
