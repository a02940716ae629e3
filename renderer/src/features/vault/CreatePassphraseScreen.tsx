import { useEffect, useState } from 'react';
import {
  createVaultSchema,
  loadPassphraseEstimator,
  passphraseAdvice,
  passphraseEstimatorReady,
  type VaultStatus,
} from '@shared/domain/vault';
import { Field } from '@renderer/ui/Field';
import { ErrorMessage, Screen } from '@renderer/ui/Screen';
import { useApiForm } from '@renderer/ui/useApiForm';

/** The first run: a passphrase that encrypts the case book on this computer. Once made, the gate opens (see VaultGate). */
export function CreatePassphraseScreen({ status }: { status: VaultStatus }) {
  const { form, onSubmit, failure } = useApiForm({
    schema: createVaultSchema,
    defaultValues: { passphrase: '', confirmation: '', remember: false },
    guardLeaving: false,
    submit: async (values, call) => {
      await call('vault.create', values);
    },
  });
  const { errors, isSubmitting } = form.formState;
  const passphrase = form.watch('passphrase');
  // The strength estimator's dictionaries load as the screen opens; the advice follows once they are in.
  const [, setEstimatorReady] = useState(passphraseEstimatorReady);
  useEffect(() => {
    void loadPassphraseEstimator().then(
      () => setEstimatorReady(true),
      () => {},
    );
  }, []);

  return (
    <Screen
      title="Protect the case book with a passphrase"
      intro={
        status.unencrypted
          ? 'The case book on this computer will be encrypted with this passphrase, and opened only with it from now on.'
          : 'The case book holds information about children. It is kept encrypted on this computer and opened only with this passphrase.'
      }
    >
      <form className="form form--plain" onSubmit={onSubmit} noValidate aria-label="Choose a passphrase">
        <p className="warning">
          If the passphrase is forgotten, no one can open the case book: not you, not us. Keep it somewhere safe, and
          keep backups.
        </p>
        <ErrorMessage message={failure} />
        <Field
          label="Passphrase"
          hint="At least 10 characters, and not easy to guess: three or four random words, unrelated to each other and to you, are easy to remember and hard to guess."
          error={errors.passphrase?.message}
        >
          {(control) => (
            <input
              {...control}
              {...form.register('passphrase')}
              type="password"
              autoComplete="new-password"
              autoFocus
            />
          )}
        </Field>
        <p className="field-hint" aria-live="polite">
          {passphrase ? passphraseAdvice(passphrase) : ''}
        </p>
        <Field label="Type it again" error={errors.confirmation?.message}>
          {(control) => (
            <input {...control} {...form.register('confirmation')} type="password" autoComplete="new-password" />
          )}
        </Field>
        {status.canRemember && (
          <label className="checkbox">
            <input type="checkbox" {...form.register('remember')} />
            Remember on this device
          </label>
        )}
        <button type="submit" className="button" disabled={isSubmitting}>
          Encrypt and open the case book
        </button>
      </form>
    </Screen>
  );
}
