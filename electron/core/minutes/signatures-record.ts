import { signaturesFormat, type MinutesVersion, type SignaturesRecord } from '@shared/domain/minutes';
import { canonicalJson } from '@shared/format/canonical';

export const signaturesAttachmentName = 'signatures.json';

/** signatures.json: each signer and the fingerprint they signed, and the seal, as canonical JSON. */
export function signaturesRecord(
  minutes: MinutesVersion,
  seal: { organisation: string; sealedBy: string; keyFingerprint: string; sealedAt: Date },
  auditHead: SignaturesRecord['auditHead'],
): string {
  const record: SignaturesRecord = {
    format: signaturesFormat,
    formatVersion: 1,
    minutes: { reviewId: minutes.reviewId, version: minutes.version, fingerprint: minutes.fingerprint ?? '' },
    signatures: minutes.signatures.map((signature) => ({
      name: signature.name,
      role: signature.role,
      organisation: signature.organisation,
      side: signature.side,
      statement: signature.statement,
      signedAt: signature.signedAt,
      signedFingerprint: signature.fingerprint,
      method: signature.image ? 'drawn' : 'typed',
    })),
    seal: { ...seal, sealedAt: seal.sealedAt.toISOString() },
    auditHead,
  };
  return canonicalJson(record);
}
