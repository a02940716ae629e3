import { useState } from 'react';
import type { AuditVerification } from '@shared/api/contract';
import { formatDateTime } from '@shared/format/dates';
import { useApiMutation } from '@renderer/api/useApiMutation';
import { Section } from '@renderer/ui/RecordPage';
import { ErrorMessage } from '@renderer/ui/Screen';

/** Every change is recorded, each entry sealed with the hash of the one before: check it holds. */
export function AuditPanel() {
  const { run, busy, failure } = useApiMutation();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const verify = async () => setResult((await run('audit.verify', {})) ?? null);
  return (
    <Section id="audit-heading" title="Audit trail">
      <p>
        Every change to the case book is recorded, each entry sealed with the hash of the one before, so a changed or
        missing entry shows.
      </p>
      <ErrorMessage message={failure} />
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void verify()}>
        Verify the audit trail
      </button>
      {result && (
        <div role="status">
          <p className={result.firstBroken ? 'error-summary' : 'status-message'}>
            {result.firstBroken
              ? `The trail is broken at entry ${result.firstBroken.seq} (${result.firstBroken.action}, ${formatDateTime(result.firstBroken.at)}): ${result.firstBroken.reason}`
              : `All ${result.entries} entries hold: none has been changed.`}
          </p>
          <p className={result.anchor.held ? 'status-message' : 'error-summary'}>
            {result.anchor.held
              ? 'The trail still reaches its last entry recorded beside the case book: none has been removed from its end.'
              : result.anchor.reason}
          </p>
        </div>
      )}
    </Section>
  );
}
