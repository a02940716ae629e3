import { useState } from 'react';
import { createVaultSchema, passphraseAdvice, type VaultStatus } from '@shared/domain/vault';
import { api, errorMessage } from '@renderer/api/client';
import { describeIssues } from '@shared/api/validation';
import { Field } from '@renderer/ui/Field';
import { ErrorMessage, Screen } from '@renderer/ui/Screen';

/** The first run: a passphrase that encrypts the case book on this computer. */
export function CreatePassphraseScreen({ status, onDone }: { status: VaultStatus; onDone: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [remember, setRemember] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    const checked = createVaultSchema.safeParse({ passphrase, confirmation, remember });
    if (!checked.success) {
      setProblems(describeIssues(checked.error.issues).fields);
      return;
    }
    setProblems({});
    try {
      await api.call('vault.create', checked.data);
      onDone();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  return (
    <Screen
      title="Protect the case book with a passphrase"
      intro={
        status.unencrypted
          ? 'The case book on this computer will be encrypted with this passphrase, and opened only with it from now on.'
          : 'The case book holds information about children. It is kept encrypted on this computer and opened only with this passphrase.'
      }
    >
      <form className="form form--plain" onSubmit={create} noValidate aria-label="Choose a passphrase">
        <p className="warning">If the passphrase is forgotten, no one can open the case book: not you, not us. Keep it somewhere safe, and keep backups.</p>
        <ErrorMessage message={failure} />
        <Field label="Passphrase" hint="At least 10 characters. Four or more unrelated words are easy to remember and hard to guess." error={problems.passphrase}>
          {(control) => <input {...control} type="password" autoComplete="new-password" autoFocus value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />}
        </Field>
        <p className="field-hint" aria-live="polite">
          {passphrase ? passphraseAdvice(passphrase) : ''}
        </p>
        <Field label="Type it again" error={problems.confirmation}>
          {(control) => <input {...control} type="password" autoComplete="new-password" value={confirmation} onChange={(event) => setConfirmation(event.target.value)} />}
        </Field>
        {status.canRemember && (
          <label className="checkbox">
            <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
            Remember on this device
          </label>
        )}
        <button type="submit" className="button">
          Encrypt and open the case book
        </button>
      </form>
    </Screen>
  );
}
