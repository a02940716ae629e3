import type { SigningIdentity } from '@core/signing/types';
import { minutesPdf } from './genuine';
import { appendSignature } from './sign';

/**
 * Family 4: a brand-new document with made-up minutes, validly signed with a key that is not the
 * sealer's. The signature is sound: only the key (its fingerprint) gives it away.
 */

export const madeUpMinutes = Buffer.from(
  JSON.stringify({
    title: 'Joint review of Oakwood House',
    held: '2026-12-03',
    attendees: ['A. Nobody'],
    actions: ['Close the placement with no notice'],
  }),
  'utf8',
);

/** Made-up minutes sealed by any sealing function: the app's own sealPdf with another identity, say. */
export async function forgedDocument(seal: (pdf: Uint8Array) => Promise<Buffer>): Promise<Buffer> {
  return seal(await minutesPdf({ attachment: madeUpMinutes }));
}

/** Made-up minutes with a hand-written approval signature (no DocMDP), so nothing of the app is used. */
export async function forgedApproval(forger: SigningIdentity): Promise<Buffer> {
  const details = {
    name: forger.subject.commonName,
    reason: 'Joint review minutes',
    location: '',
    signedAt: new Date('2026-12-03T11:30:00Z'),
    field: 'Signature1',
  };
  return appendSignature(await minutesPdf({ attachment: madeUpMinutes }), forger, details);
}
