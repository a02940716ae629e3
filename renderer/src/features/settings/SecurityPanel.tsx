import { useEffect, useState } from 'react';
import {
  changePassphraseSchema,
  idleLockSchema,
  loadPassphraseEstimator,
  passphraseAdvice,
  passphraseEstimatorReady,
} from '@shared/domain/vault';
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

function ChangePassphraseForm() {
  const { form, onSubmit, status, failure } = useApiForm({
    schema: changePassphraseSchema,
    defaultValues: { current: '', passphrase: '', confirmation: '' },
    // A passphrase half typed is not work to lose.
    guardLeaving: false,
    submit: async (values, call) => {
      await call('vault.changePassphrase', values);
      return 'The passphrase is changed. Use the new one from now on.';
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
      <StatusMessage message={status} />
    </form>
  );
}
