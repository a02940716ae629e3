import type { SignatureReport, VerifyReport } from '@shared/domain/minutes';
import type { ServiceContext } from '@core/context';
import { sql } from '@core/db/sql';
import { checkPdfOffThread } from '@core/signing/off-thread';
import type { CheckedSignature, FileProblem, PdfCheck, SignatureProblem } from '@core/signing/types';
import { keyStatus } from './keys';
import { fingerprintOf } from '@core/signing/certificate';

const fileProblems: Record<FileProblem, string> = {
  not_pdf: 'This file is not a PDF.',
  unsigned: 'This file has no digital signature.',
  damaged:
    'This file is damaged, or laid out so that this app and a PDF reader could see different things in it, so its signatures cannot be trusted.',
  too_large:
    'This file is larger or more tightly packed than any minutes are, so it was not read to the end. It is not accepted.',
  too_slow: 'Checking this file took too long, so it was stopped. It is not accepted.',
};

const signatureProblems: Record<SignatureProblem, string> = {
  damaged: 'the signature is damaged.',
  digest_mismatch: 'the file has been changed since this signature was made: its contents no longer match it.',
  bad_signature: 'the signature was not made by the key its certificate names.',
  unsupported: 'the signature is made in a way this app cannot check.',
  weak_key: 'the signature’s key is too weak to trust.',
  certificate_not_valid: 'the signer’s certificate was not valid when the signature says it was made.',
  key_usage: 'the signer’s certificate is not meant for signing documents.',
  no_signing_time: 'the signature does not say when it was made.',
};

export interface CheckedMinutesPdf {
  report: VerifyReport;
  check: PdfCheck;
}

/**
 * Checks any PDF off the core's thread: every signature, what changed after each, and for each
 * signer whether this case book knows its key for the organisation it names. Only a valid file
 * says which minutes it carries.
 */
export async function checkMinutesPdf(context: ServiceContext, pdf: Buffer): Promise<CheckedMinutesPdf> {
  const check = await checkPdfOffThread(pdf);
  const signatures = check.signatures.map((signature) => describeSignature(context, signature));
  const fingerprint = check.valid && check.attachment ? fingerprintOf(check.attachment) : null;
  const matches = fingerprint
    ? (context.db.record<{ reviewId: string; title: string; version: number }>(sql`
        SELECT minutes.review_id, reviews.title, minutes.version FROM minutes JOIN reviews ON reviews.id = minutes.review_id
        WHERE minutes.fingerprint = ${fingerprint}`) ?? null)
    : null;
  const seal = signatures[0];
  const report: VerifyReport = {
    valid: check.valid,
    reason: check.valid ? null : reasonOf(check, signatures),
    signatures,
    sealedBy: seal ? { commonName: seal.signer, organisation: seal.organisation } : null,
    sealedAt: seal?.signedAt ?? null,
    fingerprint,
    matches,
    keysToConfirm: check.valid
      ? [...new Set(signatures.filter((s) => s.key !== 'known').map((s) => s.fingerprint))]
      : [],
  };
  return { report, check };
}

function describeSignature(context: ServiceContext, signature: CheckedSignature): SignatureReport {
  const status = signature.fingerprint
    ? keyStatus(context, signature.signer.organisation, signature.fingerprint)
    : { key: 'unknown' as const, knownFor: null };
  return {
    index: signature.index,
    kind: signature.kind,
    signer: signature.signer.commonName,
    organisation: signature.signer.organisation,
    fingerprint: signature.fingerprint,
    signedAt: signature.signedAt,
    algorithm: signature.algorithm,
    valid: signature.problem === null && signature.changedAfter.length === 0,
    problem: signature.problem ? signatureProblems[signature.problem] : null,
    changedAfter: signature.changedAfter,
    ...status,
  };
}

function reasonOf(check: PdfCheck, signatures: SignatureReport[]): string {
  if (check.problem) return fileProblems[check.problem];
  const name = (s: SignatureReport) => `signature ${s.index}${s.organisation ? ` (${s.organisation})` : ''}`;
  const broken = signatures.find((s) => s.problem);
  if (broken) return `This file is not valid: for ${name(broken)}, ${broken.problem}`;
  const changed = signatures.find((s) => s.changedAfter.length > 0)!;
  return `This file has been changed after ${name(changed)} was made: ${changed.changedAfter.join('; ')}. Only further signatures may be added to sealed minutes.`;
}
