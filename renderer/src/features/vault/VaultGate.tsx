import { useEffect, type ReactNode } from 'react';
import { useApiClient } from '@renderer/api/ApiProvider';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { forgetUnsavedWork } from '@renderer/navigation/routes';
import { ErrorMessage } from '@renderer/ui/Screen';
import { CreatePassphraseScreen } from './CreatePassphraseScreen';
import { UnlockScreen } from './UnlockScreen';

/**
 * Nothing of the case book shows until it is unlocked. When it locks (by hand, or after a time
 * without use) the page reloads, so nothing it showed stays on screen or in memory: not even a
 * form's unsaved words may hold the reload back.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const api = useApiClient();
  const status = useApiQuery('vault.status', {});

  useEffect(
    () =>
      api.subscribe('vault.changed', (event) => {
        if (event.state !== 'locked') return;
        forgetUnsavedWork();
        window.location.reload();
      }),
    [api],
  );

  if (!status.data) {
    return status.isError ? (
      <main id="main" className="app-main">
        <ErrorMessage message={failureOf(status)} />
      </main>
    ) : null;
  }
  if (status.data.state === 'unlocked') return <>{children}</>;
  return (
    <main id="main" className="app-main vault-screen">
      {status.data.state === 'new' ? (
        <CreatePassphraseScreen status={status.data} />
      ) : (
        <UnlockScreen status={status.data} />
      )}
    </main>
  );
}
