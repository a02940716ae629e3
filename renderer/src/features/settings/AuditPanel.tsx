import { useState } from 'react';
import type { AuditVerification } from '@shared/api/contract';
import { formatDateTime } from '@shared/format/dates';
import { api, errorMessage } from '@renderer/api/client';
import { Section } from '@renderer/ui/RecordPage';
import { ErrorMessage } from '@renderer/ui/Screen';

/** Every change is recorded, each entry sealed with the hash of the one before: check it holds. */
export function AuditPanel() {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  async function verify() {
    setFailure(null);
    try {
      setResult(await api.call('audit.verify', {}));
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }
  return (
    <Section id="audit-heading" title="Audit trail">
      <p>Every change to the case book is recorded, each entry sealed with the hash of the one before, so a changed or missing entry shows.</p>
      <ErrorMessage message={failure} />
      <button type="button" className="button button--secondary" onClick={() => void verify()}>
        Verify the audit trail
      </button>
      {result && (
        <p role="status" className={result.firstBroken ? 'error-summary' : 'status-message'}>
          {result.firstBroken
            ? `The trail is broken at entry ${result.firstBroken.seq} (${result.firstBroken.action}, ${formatDateTime(result.firstBroken.at)}): ${result.firstBroken.reason}`
            : `All ${result.entries} entries hold: none has been changed or removed.`}
        </p>
      )}
    </Section>
  );
}
