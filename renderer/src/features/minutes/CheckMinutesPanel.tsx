import { useRef, useState } from 'react';
import type { VerifyReport } from '@shared/domain/minutes';
import { api, errorMessage } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { Field } from '@renderer/ui/Field';
import { Section } from '@renderer/ui/RecordPage';
import { ErrorMessage } from '@renderer/ui/Screen';
import { ImportMinutes } from './ImportMinutes';
import { readPdf } from './readPdf';
import { ReceivedMinutesTable } from './ReceivedMinutesTable';
import { SignatureReports } from './SignatureReports';

/** The check's verdict in one sentence. */
function summaryOf(report: VerifyReport): string {
  if (!report.valid) return `Not valid. ${report.reason ?? ''}`.trim();
  return report.signatures.length === 1
    ? 'The digital signature is valid. The file has not changed since it was sealed.'
    : `All ${report.signatures.length} digital signatures are valid. Nothing but signatures was added after the seal.`;
}

function Report({ report, fileName }: { report: VerifyReport; fileName: string }) {
  const [verdict, ...rest] = summaryOf(report).split(/(?<=\.) /);
  const toConfirm = report.keysToConfirm.length;
  return (
    <div className={report.valid ? 'verify-report' : 'verify-report verify-report--invalid'} role="region" aria-labelledby="verify-report-heading">
      <h3 id="verify-report-heading">What the check found in {fileName}</h3>
      <p>
        <strong>{verdict}</strong> {rest.join(' ')}
      </p>
      <SignatureReports signatures={report.signatures} />
      {toConfirm > 0 && (
        <p>
          {toConfirm === 1 ? 'One key' : `${toConfirm} keys`} in this file {toConfirm === 1 ? 'is' : 'are'} not known to this case book for the organisation named. Compare the
          fingerprint with the one the organisation reads out before importing.
        </p>
      )}
      {report.valid ? (
        <>
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
        </>
      ) : (
        <p>A file that is not valid cannot be trusted to say which minutes it carries.</p>
      )}
    </div>
  );
}

/**
 * Check any PDF: every signature, and whether this case book knows each key. Import the other
 * organisation's minutes, countersign them and send them back; import this case book's own come
 * back countersigned.
 */
export function CheckMinutesPanel() {
  const [checked, setChecked] = useState<{ report: VerifyReport; fileName: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const checkInput = useRef<HTMLInputElement>(null);
  const received = useApiQuery('minutes.received', {}, ['casebook.changed']);

  async function check() {
    setFileError(null);
    setVerdict(null);
    const file = await readPdf(checkInput.current);
    if (!file) {
      setFileError('Choose a PDF file to check.');
      checkInput.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const report = await api.call('minutes.verify', { pdf: file.pdf });
      setChecked({ report, fileName: file.fileName });
      setVerdict(`Checked ${file.fileName}. ${summaryOf(report)}`);
    } catch (error) {
      setChecked(null);
      setFileError(errorMessage(error));
      checkInput.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Section id="check-heading" title="Check sealed minutes">
        <p>
          Give the app any PDF: it checks every signature in it, says whether this case book knows the key each was made with, and whether the minutes are in this case book.
        </p>
        <Field label="PDF to check" error={fileError ?? undefined}>
          {(control) => <input {...control} type="file" accept="application/pdf,.pdf" ref={checkInput} />}
        </Field>
        <button type="button" className="button" disabled={busy} onClick={() => void check()}>
          {busy ? 'Checking…' : 'Check this PDF'}
        </button>
        <p role="status" className="visually-hidden">
          {verdict}
        </p>
        {checked && <Report report={checked.report} fileName={checked.fileName} />}
      </Section>
      <Section id="received-heading" title="Minutes received from other organisations">
        <p>
          Minutes sealed by the other side are checked, then kept apart from this case book’s own, linked to the home or placement they concern. Countersign them here and send
          them back.
        </p>
        <ImportMinutes
          onImported={() => {
            // What a check said about keys may no longer hold once an import has made them known.
            setChecked(null);
            setVerdict(null);
            received.reload();
          }}
        />
        <h3 className="received-heading">Minutes received</h3>
        <ErrorMessage message={received.error ?? null} />
        {received.status === 'ready' && <ReceivedMinutesTable rows={received.data} onChanged={received.reload} />}
      </Section>
    </>
  );
}
