import { useState } from 'react';
import { changePassphraseSchema, passphraseAdvice } from '@shared/domain/vault';
import { ApiCallError, api, errorMessage } from '@renderer/api/client';
import { describeIssues } from '@shared/api/validation';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { Field } from '@renderer/ui/Field';
import { Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';

/** The passphrase and the idle lock. */
export function SecurityPanel() {
  const status = useApiQuery('vault.status', {}, ['vault.changed']);
  const [minutes, setMinutes] = useState<string | null>(null);
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const shownMinutes = minutes ?? String(status.data?.idleLockMinutes ?? '');

  async function run(work: () => Promise<unknown>, done: string) {
    setMessage(null);
    setFailure(null);
    setProblems({});
    try {
      await work();
      setMessage(done);
      status.reload();
    } catch (error) {
      setFailure(errorMessage(error));
      if (error instanceof ApiCallError && error.body.fields) setProblems(error.body.fields);
    }
  }

  async function change() {
    const checked = changePassphraseSchema.safeParse({ current, passphrase, confirmation });
    if (!checked.success) {
      setProblems(describeIssues(checked.error.issues).fields);
      return;
    }
    await run(() => api.call('vault.changePassphrase', checked.data), 'The passphrase is changed. Use the new one from now on.');
    setCurrent('');
    setPassphrase('');
    setConfirmation('');
  }

  return (
    <Section id="security-heading" title="Passphrase and locking">
      <ErrorMessage message={failure} />
      <StatusMessage message={message} />
      <div className="form form--plain" role="group" aria-labelledby="idle-heading">
        <h3 id="idle-heading">Lock when not in use</h3>
        <Field label="Lock the case book after this many minutes without use">
          {(control) => <input {...control} type="number" min={1} max={240} className="input--short" value={shownMinutes} onChange={(event) => setMinutes(event.target.value)} />}
        </Field>
        <button type="button" className="button button--secondary" onClick={() => void run(() => api.call('vault.setIdleLock', { minutes: Number(shownMinutes) }), `The case book now locks after ${shownMinutes} minutes without use.`)}>
          Save
        </button>
      </div>
      <div className="form form--plain" role="group" aria-labelledby="change-passphrase-heading">
        <h3 id="change-passphrase-heading">Change the passphrase</h3>
        <Field label="Current passphrase" error={problems.current}>
          {(control) => <input {...control} type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />}
        </Field>
        <Field label="New passphrase" hint={passphrase ? passphraseAdvice(passphrase) : 'At least 10 characters.'} error={problems.passphrase}>
          {(control) => <input {...control} type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />}
        </Field>
        <Field label="Type the new passphrase again" error={problems.confirmation}>
          {(control) => <input {...control} type="password" autoComplete="new-password" value={confirmation} onChange={(event) => setConfirmation(event.target.value)} />}
        </Field>
        <button type="button" className="button button--secondary" onClick={() => void change()}>
          Change the passphrase
        </button>
      </div>
    </Section>
  );
}
