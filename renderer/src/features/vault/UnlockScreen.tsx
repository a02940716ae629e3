import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { unlockSchema, waitMessage, type VaultStatus } from '@shared/domain/vault';
import { ApiCallError } from '@renderer/api/client';
import { queryKey } from '@renderer/api/queryKeys';
import { useApiMutation } from '@renderer/api/useApiMutation';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { Field } from '@renderer/ui/Field';
import { ErrorMessage, Screen, StatusMessage } from '@renderer/ui/Screen';
import { useApiForm } from '@renderer/ui/useApiForm';

const isDamaged = (error: unknown) => error instanceof ApiCallError && error.body.code === 'damaged';
/** A try the core refused before trying it, since the wait after wrong passphrases is not over. */
const mustWait = (error: unknown) => error instanceof ApiCallError && error.body.fields?.passphrase !== undefined;

/** The passphrase opens the case book; once it is open, the gate opens (see VaultGate). */
export function UnlockScreen({ status }: { status: VaultStatus }) {
  const [damaged, setDamaged] = useState(false);
  const queryClient = useQueryClient();
  const waitLeft = useSecondsLeft(status);
  const { form, onSubmit, failure } = useApiForm({
    schema: unlockSchema,
    defaultValues: { passphrase: '', remember: false },
    guardLeaving: false,
    submit: async (values, call) => {
      try {
        await call('vault.unlock', values);
      } catch (error) {
        setDamaged(isDamaged(error));
        // The count of wrong passphrases, and so the wait shown by the field, has changed.
        void queryClient.invalidateQueries({ queryKey: queryKey('vault.status', {}) });
        // A wrong passphrase is typed again from the start. One that was not tried (the wait after
        // wrong ones, said next to the field) is kept, as it is for a damaged case book, to open a
        // backup with.
        if (!isDamaged(error) && !mustWait(error)) form.setValue('passphrase', '');
        throw error;
      }
    },
  });
  const { isSubmitting } = form.formState;
  const passphrase = form.watch('passphrase');

  return (
    <Screen
      title="Unlock the case book"
      intro="The case book is encrypted on this computer. Enter its passphrase to open it."
    >
      <form className="form form--plain" onSubmit={onSubmit} noValidate aria-label="Unlock">
        {status.strengthenOnUnlock && (
          <p>
            This time, unlocking also strengthens the protection of your case book and its backups, so that a stolen
            copy is far slower to guess at. It takes a few seconds, once.
          </p>
        )}
        <ErrorMessage message={failure} />
        <Field
          label="Passphrase"
          hint={
            waitLeft > 0 && !form.formState.errors.passphrase ? waitMessage(waitLeft, status.failedUnlocks) : undefined
          }
          error={form.formState.errors.passphrase?.message}
        >
          {(control) => (
            <input
              {...control}
              {...form.register('passphrase')}
              type="password"
              autoComplete="current-password"
              autoFocus
            />
          )}
        </Field>
        {status.canRemember && (
          <label className="checkbox">
            <input type="checkbox" {...form.register('remember')} />
            Remember on this device (anyone who can sign in to this computer as you can then open the case book)
          </label>
        )}
        <button type="submit" className="button" disabled={isSubmitting || passphrase === ''}>
          {isSubmitting ? 'Unlocking…' : 'Unlock'}
        </button>
        <StatusMessage
          message={isSubmitting && status.strengthenOnUnlock ? 'Strengthening the protection of your case book…' : null}
        />
        {damaged && <RestoreLatestBackup passphrase={passphrase} />}
      </form>
    </Screen>
  );
}

/**
 * The wait after wrong passphrases, as the core gave it when the status was read, counted down
 * on this screen so that the field says how long is left, even straight after a restart. Each
 * reading of the status (a count and a wait) starts the count afresh.
 */
function useSecondsLeft({ failedUnlocks, unlockWaitSeconds }: VaultStatus): number {
  const reading = `${failedUnlocks}:${unlockWaitSeconds}`;
  const [shown, setShown] = useState({ reading, left: unlockWaitSeconds });
  useEffect(() => {
    if (unlockWaitSeconds === 0) return;
    let left = unlockWaitSeconds;
    const timer = setInterval(() => {
      left -= 1;
      setShown({ reading, left });
      if (left <= 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [reading, unlockWaitSeconds]);
  return shown.reading === reading ? shown.left : unlockWaitSeconds;
}

/** A damaged case book: put the newest backup in its place (the damaged file is kept aside). */
function RestoreLatestBackup({ passphrase }: { passphrase: string }) {
  const backups = useApiQuery('vault.backups', {});
  const { run, busy, failure } = useApiMutation();
  const latest = backups.data?.[0];
  return (
    <>
      {backups.data && !latest && <ErrorMessage message="There is no backup on this computer to restore." />}
      <ErrorMessage message={failure} />
      <button
        type="button"
        className="button button--secondary"
        disabled={busy || !latest}
        onClick={() => latest && void run('vault.restoreBackup', { fileName: latest.fileName, passphrase })}
      >
        Restore the latest backup
      </button>
    </>
  );
}
