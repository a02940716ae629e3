import type { SignatureReport } from '@shared/domain/minutes';
import { formatDateTime } from '@shared/format/dates';
import { Fingerprint } from '@renderer/ui/Fingerprint';
import { keyWords, organisationOf, sentence, signatureLabel } from './signatureWords';

/** Whether this case book knows a signature's key; a new key, or one known for someone else, shows as a warning. */
export function KeyStatus({ signature }: { signature: Pick<SignatureReport, 'key' | 'organisation' | 'knownFor'> }) {
  const { text, warning } = keyWords(signature);
  if (!warning) return <span className="key-status">{text}</span>;
  return (
    <span className="key-status key-status--warning">
      <strong>Warning: </strong>
      {text}
    </span>
  );
}

/** Every signature in a checked file, in the order they were made: the seal first, then any countersignatures. */
export function SignatureReports({ signatures }: { signatures: SignatureReport[] }) {
  if (signatures.length === 0) return null;
  return (
    <ol className="signature-reports" aria-label="Signatures in this file, in the order they were made">
      {signatures.map((signature) => (
        <li
          key={signature.index}
          className={signature.valid ? 'signature-report' : 'signature-report signature-report--invalid'}
        >
          <h4>
            {signature.index}. {signatureLabel(signature)}: {signature.valid ? 'valid' : 'NOT valid'}
          </h4>
          <dl className="details">
            <div className="details-row">
              <dt>Signed by</dt>
              <dd>
                {signature.signer || 'No name given'}, for {organisationOf(signature)}
              </dd>
            </div>
            <div className="details-row">
              <dt>Signed</dt>
              <dd>{signature.signedAt ? formatDateTime(signature.signedAt) : 'The signature does not say when'}</dd>
            </div>
            <div className="details-row">
              <dt>Algorithm</dt>
              <dd>{signature.algorithm || 'Not readable'}</dd>
            </div>
            <div className="details-row">
              <dt>Key</dt>
              <dd>
                <KeyStatus signature={signature} />
              </dd>
            </div>
            <div className="details-row">
              <dt>Key fingerprint</dt>
              <dd>
                {signature.fingerprint ? (
                  <Fingerprint hex={signature.fingerprint} of={`the key of signature ${signature.index}`} />
                ) : (
                  'Not readable'
                )}
              </dd>
            </div>
            {signature.problem && (
              <div className="details-row">
                <dt>Problem</dt>
                <dd>{sentence(signature.problem)}</dd>
              </div>
            )}
            {signature.changedAfter.length > 0 && (
              <div className="details-row">
                <dt>Changed after it</dt>
                <dd>
                  <ul className="changed-after">
                    {signature.changedAfter.map((change) => (
                      <li key={change}>{sentence(change)}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}
