import type { VerifyReport } from '@shared/domain/minutes';
import { hrefFor } from '@renderer/navigation/routes';
import { SignatureReports } from './SignatureReports';

/** The check's verdict in one sentence. */
export function summaryOf(report: VerifyReport): string {
  if (!report.valid) return `Not valid. ${report.reason ?? ''}`.trim();
  return report.signatures.length === 1
    ? 'The digital signature is valid. The file has not changed since it was sealed.'
    : `All ${report.signatures.length} digital signatures are valid. Nothing but signatures was added after the seal.`;
}

/** What checking a PDF found: the verdict, every signature and its key, and which minutes it carries. */
export function VerifyReportView({ report, fileName }: { report: VerifyReport; fileName: string }) {
  const [verdict, ...rest] = summaryOf(report).split(/(?<=\.) /);
  const toConfirm = report.keysToConfirm.length;
  return (
    <div
      className={report.valid ? 'verify-report' : 'verify-report verify-report--invalid'}
      role="region"
      aria-labelledby="verify-report-heading"
    >
      <h3 id="verify-report-heading">What the check found in {fileName}</h3>
      <p>
        <strong>{verdict}</strong> {rest.join(' ')}
      </p>
      <SignatureReports signatures={report.signatures} />
      {toConfirm > 0 && (
        <p>
          {toConfirm === 1 ? 'One key' : `${toConfirm} keys`} in this file {toConfirm === 1 ? 'is' : 'are'} not known to
          this case book for the organisation named. Compare the fingerprint with the one the organisation reads out
          before importing.
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
                These are version {report.matches.version} of the minutes of{' '}
                <a href={hrefFor('reviews', report.matches.reviewId, 'minutes')}>{report.matches.title}</a> in this case
                book.
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
