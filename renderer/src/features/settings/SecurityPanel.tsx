import { useEffect, useState } from 'react';
import {
  changePassphraseSchema,
  idleLockSchema,
  loadPassphraseEstimator,
  passphraseAdvice,
  passphraseEstimatorReady,
  type PassphraseChange,
} from '@shared/domain/vault';
import { useApiMutation } from '@renderer/api/useApiMutation';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { Field } from '@renderer/ui/Field';
import { Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { useApiForm } from '@renderer/ui/useApiForm';

/** The passphrase and the idle lock. */
export function SecurityPanel() {
  const status = useApiQuery('vault.status', {});
  return (
    <Section id="security-heading" title="Passphrase and locking">
      <ErrorMessage message={failureOf(status)} />
      {status.data && <IdleLockForm minutes={status.data.idleLockMinutes} />}
      <ChangePassphraseForm />
    </Section>
  );
}

function IdleLockForm({ minutes }: { minutes: number }) {
  const { form, onSubmit, status, failure } = useApiForm({
    schema: idleLockSchema,
    defaultValues: { minutes },
    afterSave: 'keep',
    submit: async (values, call) => {
      await call('vault.setIdleLock', values);
      return `The case book now locks after ${values.minutes} minutes without use.`;
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form className="form form--plain" onSubmit={onSubmit} noValidate aria-labelledby="idle-heading">
      <h3 id="idle-heading">Lock when not in use</h3>
      <ErrorMessage message={failure} />
      <Field label="Lock the case book after this many minutes without use" error={errors.minutes?.message}>
        {(control) => (
          <input
            {...control}
            {...form.register('minutes', { valueAsNumber: true })}
            type="number"
            min={1}
            max={240}
            className="input--short"
          />
        )}
      </Field>
      <button type="submit" className="button button--secondary" disabled={isSubmitting}>
        Save
      </button>
      <StatusMessage message={status} />
    </form>
  );
}

const backups = (count: number) => (count === 1 ? '1 backup' : `${count} backups`);

/** What the change did to the backups, in plain words. */
function changed(change: PassphraseChange): string {
  const rekeyed = change.backupsRekeyed
    ? ` The ${backups(change.backupsRekeyed)} on this computer now open with the new passphrase too.`
    : '';
  return `The passphrase is changed.${rekeyed} Use the new passphrase from now on.`;
}

function ChangePassphraseForm() {
  const [left, setLeft] = useState<string[]>([]);
  const { form, onSubmit, status, failure } = useApiForm({
    schema: changePassphraseSchema,
    defaultValues: { current: '', passphrase: '', confirmation: '' },
    // A passphrase half typed is not work to lose.
    guardLeaving: false,
    submit: async (values, call) => {
      setLeft([]);
      const change = await call('vault.changePassphrase', values);
      setLeft(change.backupsUnderEarlierPassphrase);
      return changed(change);
    },
  });
  const { errors, isSubmitting } = form.formState;
  const passphrase = form.watch('passphrase');
  // The strength estimator's dictionaries load as the form opens; the advice follows once they are in.
  const [, setEstimatorReady] = useState(passphraseEstimatorReady);
  useEffect(() => {
    void loadPassphraseEstimator().then(
      () => setEstimatorReady(true),
      () => {},
    );
  }, []);
  return (
    <form className="form form--plain" onSubmit={onSubmit} noValidate aria-labelledby="change-passphrase-heading">
      <h3 id="change-passphrase-heading">Change the passphrase</h3>
      <p>The case book and every backup made under the current passphrase are re-encrypted under the new one.</p>
      <ErrorMessage message={failure} />
      <Field label="Current passphrase" error={errors.current?.message}>
        {(control) => (
          <input {...control} {...form.register('current')} type="password" autoComplete="current-password" />
        )}
      </Field>
      <Field
        label="New passphrase"
        hint={
          passphrase
            ? passphraseAdvice(passphrase)
            : 'At least 10 characters, and not easy to guess: three or four random words work well.'
        }
        error={errors.passphrase?.message}
      >
        {(control) => (
          <input {...control} {...form.register('passphrase')} type="password" autoComplete="new-password" />
        )}
      </Field>
      <Field label="Type the new passphrase again" error={errors.confirmation?.message}>
        {(control) => (
          <input {...control} {...form.register('confirmation')} type="password" autoComplete="new-password" />
        )}
      </Field>
      <button type="submit" className="button button--secondary" disabled={isSubmitting}>
        Change the passphrase
      </button>
      <StatusMessage
        message={
          isSubmitting ? 'Changing the passphrase and re-encrypting the backups: this takes a few seconds…' : status
        }
      />
      {left.length > 0 && <EarlierBackups fileNames={left} onRemoved={() => setLeft([])} />}
    </form>
  );
}

/**
 * Backups made under an earlier passphrase cannot be re-keyed without it: they still open with
 * it. Said plainly, with the choice to remove them.
 */
function EarlierBackups({ fileNames, onRemoved }: { fileNames: string[]; onRemoved: () => void }) {
  const { run, busy, failure } = useApiMutation();
  const count = backups(fileNames.length);
  const one = fileNames.length === 1;
  async function remove() {
    if (await run('vault.removeBackups', { fileNames })) onRemoved();
  }
  return (
    <div className="warning">
      <p>
        {one ? '1 older backup was' : `${count} older backups were`} made under an earlier passphrase, so{' '}
        {one ? 'it' : 'they'} could not be re-encrypted: anyone who knows that passphrase can still open{' '}
        {one ? 'it' : 'them'}. Remove {one ? 'it' : 'them'} unless you may need {one ? 'it' : 'them'} again.
      </p>
      <ErrorMessage message={failure} />
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void remove()}>
        Remove the {count} under the earlier passphrase
      </button>
    </div>
  );
}
