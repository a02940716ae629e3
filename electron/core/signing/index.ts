/**
 * Sealing PDFs with a PDF digital signature, and checking them. Plain functions, no database:
 * the caller stores identities and sealed files.
 */
export { readAttachment } from './attachment';
export { createIdentity, importIdentity } from './identity';
export { sealPdf } from './seal';
export type { CertificateSubject, SealDetails, SigningIdentity, VerifyProblem, VerifyResult } from './types';
export { verifyPdf } from './verify';
