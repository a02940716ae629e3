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
          {result.seals.checked > 0 && (
            <p className={result.seals.notHeld.length ? 'error-summary' : 'status-message'}>
              {result.seals.notHeld.length === 0
                ? sealsHold(result.seals.checked)
                : result.seals.notHeld.map(sealNotHeld).join(' ')}
            </p>
          )}
        </div>
      )}
    </Section>
  );
}

const sealsHold = (count: number) =>
  count === 1
    ? 'The sealed minutes find in the trail the entry their seal recorded: nothing before them was rewritten.'
    : `Each of the ${count} sealed minutes finds in the trail the entry its seal recorded: nothing before them was rewritten.`;

/** One sealed version whose signed record of the trail the trail no longer matches. */
function sealNotHeld({ title, version, seq }: AuditVerification['seals']['notHeld'][number]): string {
  return seq === null
    ? `${title}, version ${version}: its seal's record of the trail could not be read.`
    : `${title}, version ${version}: when it was sealed the trail had reached entry ${seq}, and the trail no longer holds that entry as it was. The trail was cut back and written again, or an older copy of the case book was put in place.`;
}
