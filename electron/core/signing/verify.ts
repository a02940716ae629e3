import { PDFArray, PDFDict, PDFName, PDFNumber } from 'pdf-lib';
import { readAttachment } from './attachment';
import { checkCms } from './cms';
import { changesBetween, describeDocument, type DocumentState, type SignatureField } from './document-state';
import {
  defaultBudget,
  PdfDamaged,
  PdfFile,
  PdfOverBudget,
  textOf,
  type PdfBudget,
  type PdfRevision,
} from './pdf-reader';
import type { CheckedSignature, FileProblem, PdfCheck } from './types';

export const minutesAttachmentName = 'minutes.json';
/** A CMS signature with a certificate chain and room for a timestamp fits well within this. */
const maxSignatureBytes = 512 * 1024;

/**
 * Checks every signature in a PDF, in revision order, the way pyHanko's validator does: each
 * signature's digest and CMS signature over exactly the revision it covers, its certificate at its
 * signing time, and what changed after it (only signatures may be added). Reads minutes.json from
 * the first signed revision. Never throws: any input gets a result.
 */
export function checkPdf(pdf: Uint8Array, budget: PdfBudget = defaultBudget): PdfCheck {
  try {
    return check(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), budget);
  } catch (error) {
    return fileProblem(error instanceof PdfOverBudget ? 'too_large' : 'damaged');
  }
}

function fileProblem(problem: FileProblem): PdfCheck {
  return { problem, signatures: [], valid: false, attachment: null };
}

function check(bytes: Buffer, budget: PdfBudget): PdfCheck {
  if (bytes.subarray(0, 1024).indexOf('%PDF-') < 0) return fileProblem('not_pdf');
  const file = new PdfFile(bytes, budget);
  const final = file.revision();
  const now = describeDocument(final);
  if (now.signatures.length === 0) return fileProblem('unsigned');
  const certifiedBy = certificationKey(final);
  const signatures = [...now.signatures, ...removedSignatures(file, now)]
    .map((field) => checkSignature(file, field, now, certifiedBy))
    .sort((a, b) => a.revisionEnd - b.revisionEnd)
    .map((signature, index) => ({ ...signature, index: index + 1 }));
  const valid = signatures.every((signature) => signature.problem === null && signature.changedAfter.length === 0);
  const attachment = valid ? readAttachment(file.revision(signatures[0]!.revisionEnd), minutesAttachmentName) : null;
  return { problem: null, signatures, valid, attachment };
}

/** More revisions than this are more than any minutes and their countersignatures need. */
const maxRevisions = 32;

/**
 * Signatures an earlier revision holds that the document no longer lists: a seal taken out of the
 * form must still be checked, and then fails as removed. Revisions are found by their %%EOF
 * markers; a marker that does not end a revision a reader could read is not one.
 */
function removedSignatures(file: PdfFile, now: DocumentState): SignatureField[] {
  const listed = new Set(now.signatures.map((signature) => signature.key));
  const removed = new Map<string, SignatureField>();
  const { bytes } = file;
  // Scanned in place: a copy of the whole file as text would double what a 50 MB file costs.
  const ends: number[] = [];
  for (let at = bytes.indexOf('%%EOF'); at >= 0; at = bytes.indexOf('%%EOF', at + 5)) {
    let end = at + 5;
    if (bytes[end] === 0x0d) end++;
    if (bytes[end] === 0x0a) end++;
    if (end < bytes.length) ends.push(end);
    if (ends.length > maxRevisions) throw new PdfOverBudget('revisions');
  }
  for (const end of ends) {
    let earlier: DocumentState;
    try {
      earlier = describeDocument(file.revision(end));
    } catch (error) {
      if (error instanceof PdfOverBudget) throw error;
      continue;
    }
    for (const signature of earlier.signatures) if (!listed.has(signature.key)) removed.set(signature.key, signature);
  }
  return [...removed.values()];
}

/** The ByteRange key of the signature the catalog's /Perms /DocMDP names, if any. */
function certificationKey(revision: PdfRevision): string | null {
  const signature = revision.dict(revision.dict(revision.catalog(), 'Perms'), 'DocMDP');
  return signature ? byteRangeKey(revision, signature) : null;
}

function byteRangeKey(revision: PdfRevision, signature: PDFDict): string {
  return (revision.array(signature, 'ByteRange')?.asArray() ?? [])
    .map((n) => (n instanceof PDFNumber ? String(n.asNumber()) : '?'))
    .join(' ');
}

function checkSignature(
  file: PdfFile,
  field: SignatureField,
  now: DocumentState,
  certifiedBy: string | null,
): CheckedSignature {
  // The signature's own dictionary is read in the revision that lists it, which may not be the last.
  const final = file.revision();
  const value = field.value;
  const isTimestamp = value.get(PDFName.of('Type')) === PDFName.of('DocTimeStamp');
  const permissions = docMdpPermissions(final, value);
  const result: CheckedSignature = {
    index: 0,
    kind: isTimestamp ? 'timestamp' : field.key === certifiedBy || permissions !== null ? 'certification' : 'approval',
    permissions,
    subFilter: final.get(value, 'SubFilter')?.toString().replace(/^\//, '') ?? '',
    signer: { commonName: '', organisation: '' },
    fingerprint: '',
    signedAt: null,
    algorithm: '',
    signingCertificateV2: false,
    revisionEnd: Number.MAX_SAFE_INTEGER,
    problem: null,
    changedAfter: [],
  };
  const range = field.key.split(' ').map(Number);
  const [start, holeStart, holeEnd, tailLength] = range as [number, number, number, number];
  const bytes = file.bytes;
  if (
    range.length !== 4 ||
    range.some((n) => !Number.isSafeInteger(n) || n < 0) ||
    start !== 0 ||
    holeEnd <= holeStart ||
    holeEnd + tailLength > bytes.length
  ) {
    return { ...result, problem: 'damaged' };
  }
  result.revisionEnd = holeEnd + tailLength;

  let cms: Buffer;
  let signed: DocumentState;
  let unreached: number[] = [];
  try {
    cms = readHole(bytes, holeStart, holeEnd);
    signed = result.revisionEnd === bytes.length ? now : describeDocument(file.revision(result.revisionEnd));
    if (result.revisionEnd < bytes.length) unreached = final.unreachedSince(file.revision(result.revisionEnd));
  } catch (error) {
    if (error instanceof PdfOverBudget) throw error;
    return { ...result, problem: 'damaged' };
  }
  // The signature must sit in the revision it signs: its own field, with this very value.
  if (!signed.signatures.some((each) => each.key === field.key && each.digest === field.digest))
    return { ...result, problem: 'damaged' };

  const checked = checkCms(cms, [bytes.subarray(0, holeStart), bytes.subarray(holeEnd, result.revisionEnd)]);
  const certificate = checked.certificate;
  const signedAt = parsePdfDate(textOf(final.get(value, 'M'))) ?? checked.signingTime;
  Object.assign(result, {
    signer: certificate?.subject ?? result.signer,
    fingerprint: certificate?.fingerprint ?? '',
    signedAt: signedAt?.toISOString() ?? null,
    algorithm: checked.algorithm,
    signingCertificateV2: checked.signingCertificateV2,
    changedAfter: [
      ...changesBetween(signed, now),
      ...(unreached.length ? [`${unreached.length} added object(s) that nothing in the document uses`] : []),
    ],
  });
  if (permissions === 1 && result.revisionEnd < bytes.length && result.changedAfter.length === 0) {
    result.changedAfter = ['a later revision, which this seal does not allow'];
  }
  if (isTimestamp) return { ...result, problem: 'unsupported' };
  if (checked.problem) return { ...result, problem: checked.problem };
  if (!certificate) return { ...result, problem: 'damaged' };
  if (!signedAt) return { ...result, problem: 'no_signing_time' };
  if (signedAt < certificate.validFrom || signedAt > certificate.validTo)
    return { ...result, problem: 'certificate_not_valid' };
  if (certificate.keyUsage && !certificate.keyUsage.digitalSignature && !certificate.keyUsage.nonRepudiation)
    return { ...result, problem: 'key_usage' };
  return result;
}

/** The hole must be exactly the /Contents hex string; the CMS inside is padded with zeros. */
function readHole(bytes: Buffer, holeStart: number, holeEnd: number): Buffer {
  if (bytes[holeStart] !== 0x3c || bytes[holeEnd - 1] !== 0x3e)
    throw new PdfDamaged('the signature is not where its byte range says');
  const before = bytes.subarray(Math.max(0, holeStart - 32), holeStart).toString('latin1');
  if (!/\/Contents\s*$/.test(before)) throw new PdfDamaged('the byte range does not leave out the signature');
  const hex = bytes.subarray(holeStart + 1, holeEnd - 1).toString('latin1');
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new PdfDamaged('the signature is not hexadecimal');
  const cms = Buffer.from(hex, 'hex');
  const length = derLength(cms);
  if (length > maxSignatureBytes || cms.subarray(length).some((byte) => byte !== 0))
    throw new PdfDamaged('something besides the signature in its place');
  return cms.subarray(0, length);
}

/** The length of the DER SEQUENCE at the start, header included. */
function derLength(bytes: Buffer): number {
  if (bytes.length < 2 || bytes[0] !== 0x30) throw new PdfDamaged('not a signature');
  const first = bytes[1]!;
  if (!(first & 0x80)) return 2 + first;
  const count = first & 0x7f;
  if (count < 1 || count > 4 || bytes.length < 2 + count) throw new PdfDamaged('not a signature');
  const length = 2 + count + bytes.readUIntBE(2, count);
  if (length > bytes.length) throw new PdfDamaged('a cut-off signature');
  return length;
}

/** A signature dictionary's DocMDP permission (/Reference [<< /TransformMethod /DocMDP /TransformParams << /P n >> >>]). */
function docMdpPermissions(revision: PdfRevision, signature: PDFDict): 1 | 2 | 3 | null {
  const references = revision.get(signature, 'Reference');
  for (const reference of references instanceof PDFArray ? references.asArray() : []) {
    const dict = revision.resolve(reference);
    if (!(dict instanceof PDFDict) || dict.get(PDFName.of('TransformMethod')) !== PDFName.of('DocMDP')) continue;
    const p = revision.get(revision.dict(dict, 'TransformParams'), 'P');
    const value = p instanceof PDFNumber ? p.asNumber() : 2;
    return value === 1 || value === 3 ? value : 2;
  }
  return null;
}

/** A PDF date, "D:YYYYMMDDHHmmSSOHH'mm'", as a Date; null when it is not one. */
export function parsePdfDate(text: string | null): Date | null {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(\d{2})?'?)?)?$/.exec(
    text?.trim() ?? '',
  );
  if (!match) return null;
  const [
    ,
    year,
    month = '01',
    day = '01',
    hour = '00',
    minute = '00',
    second = '00',
    zone,
    zoneHours = '00',
    zoneMinutes = '00',
  ] = match;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const sign = zone === '-' ? -1 : zone === '+' ? 1 : 0;
  const date = new Date(utc - sign * (Number(zoneHours) * 60 + Number(zoneMinutes)) * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}
