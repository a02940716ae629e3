import { useEffect, useState } from 'react';
import type { VaultProgress } from '@shared/domain/vault';
import { useApiClient } from '@renderer/api/ApiProvider';

const doing: Record<VaultProgress['task'], string> = {
  strengthen: 'Strengthening the protection of your backups',
  passphrase: 'Re-encrypting your backups under the new passphrase',
};

/**
 * Backups being re-keyed in the background, one at a time (after the first unlock of a case book
 * from before the stronger key, or a change of passphrase): how far it has gone. The app can be
 * used meanwhile.
 */
export function BackupsProgress() {
  const api = useApiClient();
  const [step, setStep] = useState<VaultProgress | null>(null);
  useEffect(() => api.subscribe('vault.progress', setStep), [api]);
  const working = step !== null && step.done < step.total;
  return (
    <div role="status" className="backups-progress">
      {working && (
        <>
          <span>
            {doing[step.task]}: {step.done} of {step.total} done.
          </span>{' '}
          <progress value={step.done} max={step.total} aria-label={doing[step.task]} />
        </>
      )}
    </div>
  );
}
