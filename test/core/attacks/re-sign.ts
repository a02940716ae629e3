import type { SigningIdentity } from '@core/signing/types';
import { inPlaceAttacks } from './damage';
import { certificateInCms } from './identities';
import { signaturesIn } from './pdf-bytes';
import { appendSignature, type SignatureDetails } from './sign';
import { tampers, type Tamper } from './tampers';
import { appendTamper } from './incremental';

/**
 * Family 2: tamper, then sign the whole file again with an impostor's key (a look-alike of the
 * sealer's certificate), so that the last signature covers everything.
 */

/** The certificate that signed the first signature in the file. */
export function sealerCertificate(sealed: Buffer): Buffer {
  const [seal] = signaturesIn(sealed);
  if (!seal) throw new Error('the file has no signature');
  return certificateInCms(seal.cms);
}

export function impostorDetails(impostor: SigningIdentity): SignatureDetails {
  return {
    name: impostor.subject.commonName,
    reason: 'Joint review minutes',
    location: '',
    signedAt: new Date('2026-12-04T09:00:00Z'),
    field: 'Signature2',
  };
}

/** The tamper in one revision, the impostor's signature in the next. */
async function tamperThenSign(sealed: Buffer, impostor: SigningIdentity, tamper: Tamper): Promise<Buffer> {
  return appendSignature(await appendTamper(sealed, tamper), impostor, impostorDetails(impostor));
}

export type ReSignBuilder = (sealed: Buffer, impostor: SigningIdentity) => Promise<Buffer>;

export const reSignAttacks = {
  pageReplacedThenSigned: (sealed, impostor) => tamperThenSign(sealed, impostor, tampers.replacePageContents),
  minutesReplacedThenSigned: (sealed, impostor) => tamperThenSign(sealed, impostor, tampers.replaceMinutesFileSpec),
  /**
   * The seal's field, widget and /Perms gone, page 1 and minutes.json replaced: a reader that
   * lists the form's fields sees one signature, the impostor's, over the whole file.
   */
  sealHiddenThenSigned: (sealed, impostor) =>
    tamperThenSign(sealed, impostor, (update) => {
      tampers.hideSeal(update);
      tampers.replacePageContents(update);
      tampers.replaceMinutesFileSpec(update);
    }),
  /** Bytes under the seal changed where they lie, then the whole file signed again. */
  pageChangedInPlaceThenSigned: async (sealed, impostor) =>
    appendSignature(await inPlaceAttacks.pageRewrittenInPlace(sealed), impostor, impostorDetails(impostor)),
  minutesChangedInPlaceThenSigned: async (sealed, impostor) =>
    appendSignature(await inPlaceAttacks.minutesRewrittenInPlace(sealed), impostor, impostorDetails(impostor)),
} satisfies Record<string, ReSignBuilder>;
