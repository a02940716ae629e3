import { useEffect, type ReactNode } from 'react';
import { api } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { ErrorMessage } from '@renderer/ui/Screen';
import { CreatePassphraseScreen } from './CreatePassphraseScreen';
import { UnlockScreen } from './UnlockScreen';

/**
 * Nothing of the case book shows until it is unlocked. When it locks (by hand, or after a time
 * without use) the page reloads, so nothing it showed stays on screen or in memory.
 */
export function VaultGate({ children }: { children: ReactNode }) {
  const status = useApiQuery('vault.status', {});
  const { reload } = status;

  useEffect(
    () =>
      api.subscribe('vault.changed', (event) => {
        if (event.state === 'locked') window.location.reload();
        else reload();
      }),
    [reload],
  );

  if (status.status === 'error') {
    return (
      <main id="main" className="app-main">
        <ErrorMessage message={status.error} />
      </main>
    );
  }
  if (status.status === 'loading') return null;
  if (status.data.state === 'unlocked') return <>{children}</>;
  return (
    <main id="main" className="app-main vault-screen">
      {status.data.state === 'new' ? <CreatePassphraseScreen status={status.data} onDone={reload} /> : <UnlockScreen status={status.data} onDone={reload} />}
    </main>
  );
}
