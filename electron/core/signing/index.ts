/**
 * Sealing PDFs with PAdES signatures, countersigning them, and checking every signature in them.
 * Plain functions, no database: the caller stores identities and sealed files.
 */
export { readAttachment } from './attachment';
export { createIdentity, identityOf, importIdentity, type KeyAlgorithm } from './identity';
export { countersignPdf, sealPdf } from './seal';
export type { CertificateSubject, CheckedSignature, FileProblem, PdfCheck, SealDetails, SignatureProblem, SigningIdentity } from './types';
export { checkPdf, minutesAttachmentName } from './verify';
