import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import signpdf from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import { ApiError } from '../../../shared/api/errors';
import type { SealDetails, SigningIdentity } from './types';

/**
 * Seals a PDF with a PDF digital signature (PKCS#7 detached, SHA-256) made with the identity.
 * Everything in the PDF, attachments included, is kept and covered by the signature.
 */
export async function sealPdf(pdf: Uint8Array, identity: SigningIdentity, details: SealDetails): Promise<Buffer> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch {
    throw new ApiError('invalid_input', 'That file is not a PDF that can be sealed.');
  }
  const signedAt = details.signedAt ?? new Date();
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: details.reason,
    location: details.location,
    contactInfo: details.contactInfo ?? '',
    name: details.name,
    signingTime: signedAt,
    // Room for the whole certificate chain, which can be longer than the default allows.
    signatureLength: Math.max(8192, identity.p12.length + 4096),
  });
  // signpdf finds the placeholder by scanning the bytes, so it must not be inside an object stream.
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  // A P12Signer can sign only once.
  const signer = new P12Signer(identity.p12, { passphrase: identity.password });
  return signpdf.sign(prepared, signer, signedAt);
}
