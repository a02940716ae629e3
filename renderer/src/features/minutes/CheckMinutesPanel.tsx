import { useRef, useState } from 'react';
import type { ReceivedMinutes, VerifyReport } from '../../../../shared/domain/minutes';
import { formatDateTime } from '../../../../shared/format/dates';
import { api, errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { hrefFor } from '../../navigation/routes';
import { readFileAsBase64 } from '../../ui/download';
import { RecordTable, Section } from '../../ui/RecordPage';
import { ErrorMessage, StatusMessage } from '../../ui/Screen';

async function readPdf(input: HTMLInputElement | null): Promise<{ pdf: string; fileName: string } | null> {
  const file = input?.files?.[0];
  return file ? { pdf: await readFileAsBase64(file), fileName: file.name } : null;
}

function Report({ report }: { report: VerifyReport }) {
  return (
    <div className={report.valid ? 'verify-report' : 'verify-report verify-report--invalid'} role="status">
      {report.valid ? (
        <>
          <p>
            <strong>The digital signature is valid.</strong> The file has not changed since it was sealed.
          </p>
          <p>
            Sealed by {report.sealedBy!.commonName}, {report.sealedBy!.organisation}
            {report.sealedAt && `, ${formatDateTime(report.sealedAt)}`}.
          </p>
        </>
      ) : (
        <p>
          <strong>Not valid.</strong> {report.reason}
        </p>
      )}
      {report.fingerprint && (
        <p>
          Fingerprint of the minutes inside: <code>{report.fingerprint}</code>
        </p>
      )}
      <p>
        {report.matches ? (
          <>
            These are version {report.matches.version} of the minutes of <a href={hrefFor('reviews', report.matches.reviewId, 'minutes')}>{report.matches.title}</a> in this case book.
          </>
        ) : (
          'No minutes in this case book have this fingerprint.'
        )}
      </p>
    </div>
  );
}

/** Check any PDF's seal; keep minutes sealed by the other organisation beside the review they concern. */
export function CheckMinutesPanel() {
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const checkInput = useRef<HTMLInputElement>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const received = useApiQuery('minutes.received', {}, ['casebook.changed']);
  const [imported, setImported] = useState<ReceivedMinutes[]>([]);

  async function check() {
    setFailure(null);
    const file = await readPdf(checkInput.current);
    if (!file) return setFailure('Choose a PDF file to check.');
    try {
      setReport(await api.call('minutes.verify', { pdf: file.pdf }));
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  async function importFile() {
    setFailure(null);
    setStatus(null);
    const file = await readPdf(importInput.current);
    if (!file) return setFailure('Choose the sealed minutes to import.');
    try {
      const kept = await api.call('minutes.import', file);
      setImported((list) => [kept, ...list]);
      setStatus(`Imported “${kept.title}”, sealed by ${kept.sealedBy}.`);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  const rows = [...imported, ...(received.data ?? []).filter((r) => !imported.some((i) => i.id === r.id))];
  return (
    <>
      <Section id="check-heading" title="Check sealed minutes">
        <p>Give the app any PDF: it says whether the digital signature is valid, who sealed it, and whether the minutes are in this case book.</p>
        <ErrorMessage message={failure} />
        <div className="field">
          <label htmlFor="check-file">PDF to check</label>
          <input id="check-file" type="file" accept="application/pdf,.pdf" ref={checkInput} />
        </div>
        <button type="button" className="button" onClick={() => void check()}>
          Check this PDF
        </button>
        {report && <Report report={report} />}
      </Section>
      <Section id="received-heading" title="Minutes received from other organisations">
        <p>Minutes sealed by the other side are checked, then kept apart from this case book’s own, linked to the home or placement they concern.</p>
        <div className="field">
          <label htmlFor="import-file">Sealed minutes to import</label>
          <input id="import-file" type="file" accept="application/pdf,.pdf" ref={importInput} />
        </div>
        <button type="button" className="button button--secondary" onClick={() => void importFile()}>
          Import these minutes
        </button>
        <StatusMessage message={status} />
        <RecordTable
          caption="Minutes received"
          rows={rows}
          empty={<p>None received yet.</p>}
          columns={[
            { header: 'Minutes', cell: (r) => r.title },
            { header: 'Sealed by', cell: (r) => r.sealedBy },
            { header: 'Linked to', cell: (r) => (r.placementId ? <a href={hrefFor('casebook', 'placements', r.placementId)}>the placement</a> : r.homeId ? <a href={hrefFor('casebook', 'homes', r.homeId)}>the home</a> : 'Nothing in this case book') },
            { header: 'Received', cell: (r) => formatDateTime(r.receivedAt) },
          ]}
        />
      </Section>
    </>
  );
}
