import type { SignatureReport } from '@shared/domain/minutes';

/** The organisation a signature names, or words for none. */
export const organisationOf = (signature: Pick<SignatureReport, 'organisation'>): string =>
  signature.organisation || 'an organisation it does not name';

/** What kind of signature it is, as a person would say it. */
export function signatureLabel(signature: Pick<SignatureReport, 'index' | 'kind'>): string {
  if (signature.index === 1) return 'Seal';
  return signature.kind === 'timestamp' ? 'Timestamp' : 'Countersignature';
}

/**
 * Whether this case book knows the key that made a signature, in plain words. A key known for
 * another organisation, or a new key for an organisation known by another, is a warning.
 */
export function keyWords(signature: Pick<SignatureReport, 'key' | 'organisation' | 'knownFor'>): {
  text: string;
  warning: boolean;
} {
  const who = organisationOf(signature);
  switch (signature.key) {
    case 'known':
      return { text: `A key this case book knows for ${who}`, warning: false };
    case 'new':
      return { text: `A NEW key for ${who}: this case book knows ${who} by another key`, warning: true };
    case 'other_organisation':
      return {
        text: `A key this case book knows for ${signature.knownFor ?? 'another organisation'}, not for ${who}`,
        warning: true,
      };
    case 'unknown':
      return { text: 'A key this case book has never seen', warning: false };
  }
}

/** "the file has been changed…" as a sentence of its own. */
export const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
