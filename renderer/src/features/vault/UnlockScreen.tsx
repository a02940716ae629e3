import { useState } from 'react';
import type { VaultStatus } from '../../../../shared/domain/vault';
import { api, errorMessage } from '../../api/client';
import { Field } from '../../ui/Field';
import { ErrorMessage, Screen } from '../../ui/Screen';

export function UnlockScreen({ status, onDone }: { status: VaultStatus; onDone: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function unlock(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await api.call('vault.unlock', { passphrase, remember });
      onDone();
    } catch (error) {
      setFailure(errorMessage(error));
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title="Unlock the case book" intro="The case book is encrypted on this computer. Enter its passphrase to open it.">
      <form className="form form--plain" onSubmit={unlock} noValidate aria-label="Unlock">
        <ErrorMessage message={failure} />
        <Field label="Passphrase">
          {(control) => <input {...control} type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />}
        </Field>
        {status.canRemember && (
          <label className="checkbox">
            <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
            Remember on this device (anyone who can sign in to this computer as you can then open the case book)
          </label>
        )}
        <button type="submit" className="button" disabled={busy || passphrase === ''}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
    </Screen>
  );
}
