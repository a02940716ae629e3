import { useEffect, useRef, useState } from 'react';
import type { ReceivedMinutes } from '@shared/domain/minutes';
import { formatDateTime } from '@shared/format/dates';
import { useApiMutation, useScopeMessages } from '@renderer/api/useApiMutation';
import { hrefFor } from '@renderer/navigation/routes';
import { offerBase64Download } from '@renderer/ui/download';
import { RecordTable } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';

/** Minutes received from other organisations: who signed them, and countersigning and sending them back. */
export function ReceivedMinutesTable({ rows }: { rows: ReceivedMinutes[] }) {
  return (
    <RecordTable
      caption="Minutes received"
      rows={rows}
      empty={<p>None received yet.</p>}
      columns={[
        { header: 'Minutes', cell: (r) => r.title },
        { header: 'Signed by', cell: (r) => <Signatures received={r} /> },
        {
          header: 'Linked to',
          cell: (r) =>
            r.placementId ? (
              <a href={hrefFor('casebook', 'placements', r.placementId)}>the placement</a>
            ) : r.homeId ? (
              <a href={hrefFor('casebook', 'homes', r.homeId)}>the home</a>
            ) : (
              'Nothing in this case book'
            ),
        },
        { header: 'Received', cell: (r) => formatDateTime(r.receivedAt) },
        { header: 'Countersign and send back', cell: (r) => <ReceivedActions received={r} /> },
      ]}
    />
  );
}

function Signatures({ received }: { received: ReceivedMinutes }) {
  return (
    <ul className="plain-list">
      {received.signatures.map((signature, index) => (
        <li key={`${signature.fingerprint}-${signature.signedAt ?? index}`}>
          {index === 0 ? 'Sealed' : 'Countersigned'} by {signature.signer}, for{' '}
          {signature.organisation || 'an organisation it does not name'}
          {signature.signedAt && <span className="muted">, {formatDateTime(signature.signedAt)}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The organisations in the review that have not signed these minutes yet. */
function yetToSign(received: ReceivedMinutes): string[] {
  const signed = new Set(received.signatures.map((s) => s.organisation.toLowerCase()));
  const parties = [received.commissioner, received.provider].filter((name) => name && !signed.has(name.toLowerCase()));
  return [...new Map(parties.map((name) => [name.toLowerCase(), name])).values()];
}

function ReceivedActions({ received }: { received: ReceivedMinutes }) {
  // Countersigning and exporting report in the same place: the latest of the two is shown.
  const scope = ['received', received.id];
  const countersigning = useApiMutation({ scope });
  const exporting = useApiMutation({ scope });
  const { failure, status } = useScopeMessages(scope);
  const [signingFor, setSigningFor] = useState<string | null>(null);
  const focusExport = useRef(false);
  const exportButton = useRef<HTMLButtonElement>(null);
  const candidates = yetToSign(received);

  // Once countersigned, the next step is sending the file back: the keyboard's place moves there.
  useEffect(() => {
    if (focusExport.current && received.countersignedAt) {
      focusExport.current = false;
      exportButton.current?.focus();
    }
  }, [received.countersignedAt]);

  async function countersign(organisation: string) {
    setSigningFor(organisation);
    // The row is read again before the call answers: the export button must know to take focus when it appears.
    focusExport.current = true;
    const done = await countersigning.run(
      'minutes.countersign',
      { receivedId: received.id, organisation },
      {
        pending: `Countersigning for ${organisation}: checking the file, then signing it. This takes a few seconds.`,
        success: `Countersigned for ${organisation}. Export the file to send it back.`,
      },
    );
    setSigningFor(null);
    if (!done) focusExport.current = false;
  }

  async function exportFiles() {
    const result = await exporting.run(
      'minutes.exportReceived',
      { receivedId: received.id },
      {
        success: (exported) =>
          exported.savedTo
            ? `Saved in ${exported.savedTo}: the countersigned PDF and an email draft, opened in your mail program.`
            : `Downloaded ${exported.files.map((f) => f.fileName).join(' and ')}. Open the .eml file to send the minutes back from your mail program.`,
      },
    );
    if (result && !result.savedTo) result.files.forEach(offerBase64Download);
  }

  return (
    <div className="received-actions">
      <ErrorMessage message={failure} />
      {received.countersignedAt && <p>Countersigned by this case book, {formatDateTime(received.countersignedAt)}.</p>}
      {candidates.length > 1 && <p className="muted">Choose the organisation you countersign for.</p>}
      {candidates.map((organisation) => (
        <button
          key={organisation}
          type="button"
          className="button"
          disabled={countersigning.busy}
          onClick={() => void countersign(organisation)}
        >
          {signingFor === organisation ? 'Countersigning…' : `Countersign for ${organisation}`}
        </button>
      ))}
      {received.countersignedAt && (
        <button
          type="button"
          ref={exportButton}
          className="button button--secondary"
          disabled={exporting.busy}
          onClick={() => void exportFiles()}
        >
          {exporting.busy ? 'Exporting…' : 'Export to send back'}
        </button>
      )}
      {candidates.length === 0 && !received.countersignedAt && <p className="muted">Both organisations have signed.</p>}
      <StatusMessage message={status} />
    </div>
  );
}
