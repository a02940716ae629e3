import { useEffect, useRef, useState } from 'react';
import type { ReceivedMinutes } from '@shared/domain/minutes';
import { formatDateTime } from '@shared/format/dates';
import { api, errorMessage } from '@renderer/api/client';
import { hrefFor } from '@renderer/navigation/routes';
import { offerBase64Download } from '@renderer/ui/download';
import { RecordTable } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';

/** Minutes received from other organisations: who signed them, and countersigning and sending them back. */
export function ReceivedMinutesTable({ rows, onChanged }: { rows: ReceivedMinutes[]; onChanged: () => void }) {
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
        { header: 'Countersign and send back', cell: (r) => <ReceivedActions received={r} onChanged={onChanged} /> },
      ]}
    />
  );
}

function Signatures({ received }: { received: ReceivedMinutes }) {
  return (
    <ul className="plain-list">
      {received.signatures.map((signature, index) => (
        <li key={`${signature.fingerprint}-${signature.signedAt ?? index}`}>
          {index === 0 ? 'Sealed' : 'Countersigned'} by {signature.signer}, for {signature.organisation || 'an organisation it does not name'}
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

function ReceivedActions({ received, onChanged }: { received: ReceivedMinutes; onChanged: () => void }) {
  const [countersigning, setCountersigning] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
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
    setCountersigning(organisation);
    setFailure(null);
    setStatus(`Countersigning for ${organisation}: checking the file, then signing it. This takes a few seconds.`);
    try {
      await api.call('minutes.countersign', { receivedId: received.id, organisation });
      setStatus(`Countersigned for ${organisation}. Export the file to send it back.`);
      focusExport.current = true;
      onChanged();
    } catch (error) {
      setStatus(null);
      setFailure(errorMessage(error));
    } finally {
      setCountersigning(null);
    }
  }

  async function exportFiles() {
    setExporting(true);
    setFailure(null);
    setStatus(null);
    try {
      const result = await api.call('minutes.exportReceived', { receivedId: received.id });
      if (result.savedTo) {
        setStatus(`Saved in ${result.savedTo}: the countersigned PDF and an email draft, opened in your mail program.`);
      } else {
        result.files.forEach(offerBase64Download);
        setStatus(`Downloaded ${result.files.map((f) => f.fileName).join(' and ')}. Open the .eml file to send the minutes back from your mail program.`);
      }
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="received-actions">
      <ErrorMessage message={failure} />
      {received.countersignedAt && <p>Countersigned by this case book, {formatDateTime(received.countersignedAt)}.</p>}
      {candidates.length > 1 && <p className="muted">Choose the organisation you countersign for.</p>}
      {candidates.map((organisation) => (
        <button key={organisation} type="button" className="button" disabled={countersigning !== null} onClick={() => void countersign(organisation)}>
          {countersigning === organisation ? 'Countersigning…' : `Countersign for ${organisation}`}
        </button>
      ))}
      {received.countersignedAt && (
        <button type="button" ref={exportButton} className="button button--secondary" disabled={exporting} onClick={() => void exportFiles()}>
          {exporting ? 'Exporting…' : 'Export to send back'}
        </button>
      )}
      {candidates.length === 0 && !received.countersignedAt && <p className="muted">Both organisations have signed.</p>}
      <StatusMessage message={status} />
    </div>
  );
}
