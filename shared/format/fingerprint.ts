/**
 * A key's SHA-256 fingerprint grouped for reading aloud: four characters a group. The short form
 * (the first 20 characters) is what two people compare at the meeting, as Signal's safety numbers;
 * the full form is there on request.
 */
export function groupFingerprint(hex: string, length: 'short' | 'full' = 'short'): string {
  const text = length === 'short' ? hex.slice(0, 20) : hex;
  return (text.match(/.{1,4}/g) ?? []).join(' ');
}
