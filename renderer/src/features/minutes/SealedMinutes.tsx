import type { MinutesVersion } from '@shared/domain/minutes';
import { formatDateTime } from '@shared/format/dates';
import { useApiMutation } from '@renderer/api/useApiMutation';
import { hrefFor } from '@renderer/navigation/routes';
import { offerBase64Download } from '@renderer/ui/download';
import { Fingerprint } from '@renderer/ui/Fingerprint';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';

/** The other organisation's countersignatures, recorded when the countersigned file came back. */
export function Countersignatures({ minutes }: { minutes: MinutesVersion }) {
  if (minutes.countersignatures.length === 0) {
    return (
      <p>
        Not countersigned yet. Send the PDF to the other organisation; when it comes back countersigned, import it under{' '}
        <a href={hrefFor('reviews')}>Reviews, Minutes received from other organisations</a>.
      </p>
    );
  }
  return (
    <>
      <h3 id="countersignatures-heading">Countersignatures</h3>
      <ul className="countersignatures" aria-labelledby="countersignatures-heading">
        {minutes.countersignatures.map((c) => (
          <li key={`${c.fingerprint}-${c.signedAt ?? ''}-${c.importedAt}`}>
            <p>
              Countersigned by <strong>{c.signer}</strong>, for {c.organisation || 'an organisation it does not name'}
              {c.signedAt ? `, ${formatDateTime(c.signedAt)}` : ''}. Recorded here {formatDateTime(c.importedAt)}.
            </p>
            <p>
              Key fingerprint: <Fingerprint hex={c.fingerprint} of={`${c.organisation}’s key`} />
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The sealed PDF and an email draft: saved beside the case book in the desktop app, downloaded in a browser. */
export function ExportButton({ minutes }: { minutes: MinutesVersion }) {
  const { run, failure, status } = useApiMutation();
  async function exportFiles() {
    const result = await run(
      'minutes.export',
      { minutesId: minutes.id },
      {
        success: (exported) =>
          exported.savedTo
            ? `Saved in ${exported.savedTo}: the PDF and an email draft, opened in your mail program.`
            : `Downloaded ${exported.files.map((f) => f.fileName).join(' and ')}. Open the .eml file to send the minutes from your mail program.`,
      },
    );
    if (result && !result.savedTo) result.files.forEach(offerBase64Download);
  }
  return (
    <div className="toolbar">
      <button type="button" className="button" onClick={() => void exportFiles()}>
        Export the PDF and an email draft
      </button>
      <ErrorMessage message={failure} />
      <StatusMessage message={status} />
    </div>
  );
}
