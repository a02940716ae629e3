import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFName, PDFNumber } from 'pdf-lib';
import type { SigningIdentity } from '@core/signing/types';
import { cmsSignature } from './identities';
import { ascii, latin1, pdfString, streamBody } from './pdf-bytes';
import type { Tamper } from './tampers';
import { Update } from './update';

/**
 * An approval signature written by hand in an appended revision: a signature dictionary with a
 * placeholder, a widget on page 1, the field in /AcroForm; then the byte range is filled in and the
 * CMS made over it. Anything else put in the same update (a tamper) is covered too.
 */

export interface SignatureDetails {
  name: string;
  reason: string;
  location: string;
  signedAt: Date;
  /** The field's /T. */
  field: string;
  /** By default the widget is invisible (a zero rectangle), as the app's are. */
  widget?: { rect: [number, number, number, number]; appearance: Buffer } | { extra: string };
}

const byteRangePlaceholder = '[0 /********** /********** /**********]';
/** Room for a CMS with an RSA 3072 certificate: it needs about 2 kB. */
const contentsBytes = 6000;

function pdfDate(date: Date): string {
  return `(D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;
}

function signatureDictionary(details: SignatureDetails): string {
  return [
    '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached',
    `/ByteRange ${byteRangePlaceholder}`,
    `/Contents <${'0'.repeat(contentsBytes * 2)}>`,
    `/M ${pdfDate(details.signedAt)} /Name ${pdfString(details.name)} /Reason ${pdfString(details.reason)} /Location ${pdfString(details.location)} >>`,
  ].join('\n');
}

function widgetLooks(update: Update, details: SignatureDetails): string {
  const widget = details.widget;
  if (!widget || 'extra' in widget) return `/Rect [0 0 0 0] ${widget?.extra ?? ''}`;
  const [x1, y1, x2, y2] = widget.rect;
  const appearance = update.add(
    streamBody(`/Type /XObject /Subtype /Form /BBox [0 0 ${x2 - x1} ${y2 - y1}]`, widget.appearance),
  );
  return `/Rect [${widget.rect.join(' ')}] /AP << /N ${appearance} >>`;
}

/** Adds the signature dictionary, its widget and its field to the update. */
export function addSignatureField(update: Update, details: SignatureDetails): void {
  const signature = update.add(signatureDictionary(details));
  const page = update.page(0);
  const widget = update.add(
    `<< /Type /Annot /Subtype /Widget /FT /Sig /T ${pdfString(details.field)} /V ${signature} /P ${page.ref} /F 132 ${widgetLooks(update, details)} >>`,
  );
  update.child(page, 'Annots', PDFArray, () => update.doc.context.obj([])).value.push(widget);
  const acroForm = update.child(update.catalog(), 'AcroForm', PDFDict, () => update.doc.context.obj({}));
  update.child(acroForm, 'Fields', PDFArray, () => update.doc.context.obj([])).value.push(widget);
  acroForm.value.set(PDFName.of('SigFlags'), PDFNumber.of(3));
}

/** Fills the last placeholder in the file: the byte range, then the CMS over it. */
export function fillSignature(file: Buffer, identity: SigningIdentity): Buffer {
  const text = latin1(file);
  const rangeAt = text.lastIndexOf(`/ByteRange ${byteRangePlaceholder}`) + '/ByteRange '.length;
  const holeStart = text.indexOf('<', rangeAt);
  const holeEnd = text.indexOf('>', holeStart) + 1;
  const range = [0, holeStart, holeEnd, file.length - holeEnd];
  const signed = Buffer.from(file);
  signed.write(`[${range.join(' ')}]`.padEnd(byteRangePlaceholder.length, ' '), rangeAt, 'latin1');
  const digest = createHash('sha256').update(signed.subarray(0, holeStart)).update(signed.subarray(holeEnd)).digest();
  const hex = cmsSignature(digest, identity).toString('hex');
  if (hex.length > holeEnd - holeStart - 2) throw new Error('the signature does not fit its placeholder');
  signed.set(ascii(hex), holeStart + 1);
  return signed;
}

/** Appends one revision holding `tamper`'s changes (if any) and an approval signature over the whole file. */
export async function appendSignature(
  pdf: Uint8Array,
  identity: SigningIdentity,
  details: SignatureDetails,
  tamper?: Tamper,
): Promise<Buffer> {
  const update = await Update.of(pdf);
  tamper?.(update);
  addSignatureField(update, details);
  return fillSignature(update.write(), identity);
}
