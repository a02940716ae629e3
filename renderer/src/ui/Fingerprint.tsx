import { groupFingerprint } from '@shared/format/fingerprint';

/**
 * A key's fingerprint as two people compare it at the meeting: the short form, grouped in fours
 * for reading aloud, and the whole fingerprint on request.
 */
export function Fingerprint({
  hex,
  of,
}: {
  hex: string;
  /** Whose key, for the control that shows it whole: "Brightwater Care Ltd’s key". */ of?: string;
}) {
  return (
    <span className="fingerprint">
      <code className="fingerprint__short">{groupFingerprint(hex, 'short')}</code>
      <details className="fingerprint__full">
        <summary>Show the full fingerprint{of && <span className="visually-hidden"> of {of}</span>}</summary>
        <code>{groupFingerprint(hex, 'full')}</code>
      </details>
    </span>
  );
}
