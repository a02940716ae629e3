import type { MinutesVersion } from '@shared/domain/minutes';
import { sideLabels } from '@shared/domain/sessions';
import { formatDateTime } from '@shared/format/dates';
import { groupFingerprint } from '@shared/format/fingerprint';
import { versionRecord } from './version-record';

/** The organisation whose key seals the minutes, and that key's fingerprint: printed inside what the seal covers. */
export interface SealNotice {
  organisation: string;
  keyFingerprint: string;
}

// Only a PNG from the signature pad is shown; anything else stored as an image is named, not drawn.
const isPngDataUrl = (image: string) => /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(image);

function Signature({ signature }: { signature: MinutesVersion['signatures'][number] }) {
  const who = [signature.name, signature.role, signature.organisation].filter(Boolean).join(', ');
  const shown = signature.image !== null && isPngDataUrl(signature.image) ? signature.image : null;
  const how = shown
    ? 'drawing their signature'
    : signature.image
      ? 'drawing their signature (the drawing is not a picture this app can show)'
      : 'typing their name';
  return (
    <section className="minutes-doc__signature" aria-label={`Signature of ${signature.name}`}>
      {shown ? (
        <img src={shown} alt={`Signature drawn by ${signature.name}`} />
      ) : (
        <p className="minutes-doc__typed-signature">
          <em>{signature.name}</em>
        </p>
      )}
      <p>
        <strong>{who}</strong>, for the {sideLabels[signature.side].toLowerCase()}
      </p>
      <p>
        Agreed: “{signature.statement}” Signed on {formatDateTime(signature.signedAt)}, {how}, against the minutes whose
        fingerprint is <code className="minutes-doc__key">{groupFingerprint(signature.fingerprint, 'full')}</code>.
      </p>
    </section>
  );
}

/**
 * The last page of the sealed minutes: who signed, the fingerprint they signed, the seal and how
 * to check it, and the record of this version in plain words.
 */
export function SignaturePage({
  minutes,
  seal,
  level = 2,
}: {
  minutes: MinutesVersion;
  seal: SealNotice | null;
  level?: 2 | 3;
}) {
  const Section = `h${level}` as 'h2';
  const Sub = `h${level + 1}` as 'h3';
  return (
    <section className="minutes-doc__signature-page" aria-label="Signatures">
      <Section>Signatures</Section>
      <p>
        These minutes are version {minutes.version}. Their fingerprint, the SHA-256 of the content attached to this file
        as minutes.json, is <code>{minutes.fingerprint ?? 'not yet taken: the minutes are not locked'}</code>. Who
        signed is attached too, as signatures.json.
      </p>
      {minutes.signatures.length ? (
        minutes.signatures.map((signature) => <Signature key={signature.id} signature={signature} />)
      ) : (
        <p className="minutes-doc__none">No one has signed yet.</p>
      )}
      {seal && (
        <>
          <Sub>Seal</Sub>
          <p>
            Sealed for {seal.organisation} with the key whose fingerprint is{' '}
            <code className="minutes-doc__key">{groupFingerprint(seal.keyFingerprint, 'full')}</code>.
          </p>
          <p>
            To check these minutes, open this file in Relational Review (Check sealed minutes) or in any PDF reader that
            checks signatures, and compare the first five groups of that fingerprint (
            <code className="minutes-doc__key">{groupFingerprint(seal.keyFingerprint)}</code>) with the one{' '}
            {seal.organisation} read out.
          </p>
        </>
      )}
      <Sub>Record of this version</Sub>
      {minutes.audit.length ? (
        <ul className="minutes-doc__record">
          {versionRecord(minutes.audit).map((event, index) => (
            <li key={index}>
              {formatDateTime(event.at)}: {event.words}
            </li>
          ))}
        </ul>
      ) : (
        <p className="minutes-doc__none">Nothing has been recorded for this version yet.</p>
      )}
    </section>
  );
}
