import { useState } from 'react';
import type { VaultStatus } from '@shared/domain/vault';
import { ApiCallError, api, errorMessage } from '@renderer/api/client';
import { Field } from '@renderer/ui/Field';
import { ErrorMessage, Screen } from '@renderer/ui/Screen';

export function UnlockScreen({ status, onDone }: { status: VaultStatus; onDone: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [damaged, setDamaged] = useState(false);

  async function unlock(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await api.call('vault.unlock', { passphrase, remember });
      onDone();
    } catch (error) {
      setFailure(errorMessage(error));
      setDamaged(error instanceof ApiCallError && error.body.code === 'damaged');
      if (!(error instanceof ApiCallError && error.body.code === 'damaged')) setPassphrase('');
    } finally {
      setBusy(false);
    }
  }

  /** A damaged case book: put the newest backup in its place (the damaged file is kept aside). */
  async function restoreLatest() {
    setBusy(true);
    try {
      const [latest] = await api.call('vault.backups', {});
      if (!latest) throw new Error('There is no backup on this computer to restore.');
      await api.call('vault.restoreBackup', { fileName: latest.fileName, passphrase });
      onDone();
    } catch (error) {
      setFailure(error instanceof ApiCallError ? error.message : error instanceof Error ? error.message : errorMessage(error));
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
        {damaged && (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void restoreLatest()}>
            Restore the latest backup
          </button>
        )}
      </form>
    </Screen>
  );
}
