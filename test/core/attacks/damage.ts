import { randomBytes } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { bytesOf, children, readTlv, type Tlv } from './der';
import {
  ascii,
  flipByte,
  latin1,
  overwrite,
  signaturesIn,
  streamAt,
  textContent,
  type SignatureBytes,
} from './pdf-bytes';
import { replacementLines } from './tampers';
import { Update } from './update';

/**
 * Family 5: damaged files. Bytes changed where they lie (the file keeps its length, so every
 * offset still holds), cut short, or not a signed PDF at all.
 */

function seal(sealed: Buffer): SignatureBytes {
  const [first] = signaturesIn(sealed);
  if (!first) throw new Error('the file has no signature');
  return first;
}

/** The sealed file cut at several points, the signature's hex string among them. */
export function truncations(sealed: Buffer): Record<string, Buffer> {
  const { contents, byteRangeText } = seal(sealed);
  const cut = (length: number) => sealed.subarray(0, length);
  return {
    headerOnly: cut(9),
    atAQuarter: cut(Math.floor(sealed.length / 4)),
    atHalf: cut(Math.floor(sealed.length / 2)),
    insideByteRange: cut(byteRangeText.start + 4),
    atContentsStart: cut(contents.start + 1),
    insideSignature: cut(contents.start + 1001),
    justAfterSignature: cut(contents.end + 1),
    withoutEof: cut(sealed.lastIndexOf('%%EOF')),
    lastByteMissing: cut(sealed.length - 1),
  };
}

/** Writes a new /ByteRange over the old one, padded with spaces to the same length. */
function withByteRange(sealed: Buffer, numbers: number[]): Buffer {
  const { byteRangeText } = seal(sealed);
  const length = byteRangeText.end - byteRangeText.start;
  const text = `[${numbers.join(' ')}]`;
  if (text.length > length) throw new Error(`the byte range ${text} does not fit in ${length} characters`);
  return overwrite(sealed, byteRangeText.start, text.padEnd(length, ' '));
}

/** The same number of digits, all nines: past the end of any file whose range ends it. */
const nines = (value: number) => Number('9'.repeat(String(value).length + (/^9+$/.test(String(value)) ? 1 : 0)));

const byteRangeAttacks = {
  byteRangePastEnd: (sealed: Buffer) => {
    const [start = 0, length = 0, second = 0, rest = 0] = seal(sealed).byteRange;
    return withByteRange(sealed, [start, length, second, nines(rest)]);
  },
  /** The first range runs over the hole and the second starts inside the first. */
  byteRangeOverlapping: (sealed: Buffer) => {
    const [start = 0, length = 0, second = 0, rest = 0] = seal(sealed).byteRange;
    return withByteRange(sealed, [start, second, length, rest]);
  },
  byteRangeNotFromStart: (sealed: Buffer) => {
    const [, length = 0, second = 0, rest = 0] = seal(sealed).byteRange;
    return withByteRange(sealed, [1, length - 1, second, rest]);
  },
  /** The hole starts inside the hex string, so its first digits are "covered". */
  byteRangeHoleInsideContents: (sealed: Buffer) => {
    const [start = 0, length = 0, second = 0, rest = 0] = seal(sealed).byteRange;
    return withByteRange(sealed, [start, length + 8, second, rest]);
  },
};

/** The hex digit at `index` in the /Contents string, changed. */
function changeHexDigit(sealed: Buffer, index: number, to?: string): Buffer {
  const at = seal(sealed).contents.start + 1 + index;
  return overwrite(sealed, at, to ?? (sealed[at] === 0x30 ? '1' : '0'));
}

interface CmsLayout {
  der: Buffer;
  signatureValue: Tlv;
  messageDigest: Tlv;
  commonName: Tlv;
}

const messageDigestOid = Buffer.from('06092a864886f70d010904', 'hex');
const commonNameOid = Buffer.from('0603550403', 'hex');

/** Where the parts worth changing lie in the seal's CMS. */
function cmsLayout(sealed: Buffer): CmsLayout {
  const der = seal(sealed).cms;
  const [, explicit] = children(der, readTlv(der));
  const signedData = children(der, explicit!)[0]!;
  const fields = children(der, signedData);
  const signerInfo = children(der, fields[fields.length - 1]!)[0]!;
  const parts = children(der, signerInfo);
  const attributes = children(
    der,
    parts.find((part) => part.tag === 0xa0)!,
  );
  const digestAttribute = attributes.find((attribute) =>
    bytesOf(der, children(der, attribute)[0]!).equals(messageDigestOid),
  )!;
  const messageDigest = children(der, children(der, digestAttribute)[1]!)[0]!;
  const certificate = children(
    der,
    fields.find((field) => field.tag === 0xa0)!,
  )[0]!;
  const tbs = children(der, certificate)[0]!;
  const tbsFields = children(der, tbs);
  const subject = tbsFields[tbsFields[0]!.tag === 0xa0 ? 5 : 4]!;
  const commonName = children(der, subject)
    .map((rdn) => children(der, rdn)[0]!)
    .map((pair) => children(der, pair))
    .find(([type]) => bytesOf(der, type!).equals(commonNameOid))![1]!;
  return { der, signatureValue: parts[parts.length - 1]!, messageDigest, commonName };
}

const signatureByteAttacks = {
  /** The last byte of the signature value. */
  signatureValueChanged: (sealed: Buffer) => changeHexDigit(sealed, (cmsLayout(sealed).signatureValue.end - 1) * 2 + 1),
  messageDigestChanged: (sealed: Buffer) => changeHexDigit(sealed, (cmsLayout(sealed).messageDigest.end - 1) * 2 + 1),
  /**
   * One letter of the certificate's subject common name (not the issuer's). The CMS signature
   * still verifies with the certificate's key; the certificate's own signature and the signed
   * signing-certificate-v2 hash no longer match it.
   */
  certificateNameChanged: (sealed: Buffer) => {
    const { commonName } = cmsLayout(sealed);
    const at = seal(sealed).contents.start + 1 + (commonName.end - 1) * 2;
    const letter = Buffer.from(latin1(sealed.subarray(at, at + 2)), 'hex')[0]!;
    return overwrite(sealed, at, Buffer.from([letter ^ 0x01]).toString('hex'));
  },
  /** Non-zero digits in the zero padding after the CMS: not signed, but not empty any more either. */
  signaturePaddingChanged: (sealed: Buffer) => {
    const { der } = cmsLayout(sealed);
    const end = readTlv(der).end;
    if (end * 2 + 8 > seal(sealed).contents.end - seal(sealed).contents.start - 2)
      throw new Error('no padding after the CMS');
    return changeHexDigit(sealed, end * 2 + 4, '7');
  },
  contentsNotHexAtStart: (sealed: Buffer) => changeHexDigit(sealed, 0, 'Z'),
  contentsNotHexInside: (sealed: Buffer) => changeHexDigit(sealed, 301, 'g'),
};

async function streamRefs(sealed: Buffer): Promise<{ page: PDFRef; font: string; minutes: PDFRef }> {
  const update = await Update.of(sealed);
  const page = update.page(0).value;
  const contents = page.get(PDFName.of('Contents'));
  const first = contents instanceof PDFArray ? (contents.get(0) as PDFRef) : (contents as PDFRef);
  const font = page
    .lookup(PDFName.of('Resources'), PDFDict)
    .lookup(PDFName.of('Font'), PDFDict)
    .keys()[0]!
    .decodeText();
  const names = update.doc.catalog
    .lookup(PDFName.of('Names'), PDFDict)
    .lookup(PDFName.of('EmbeddedFiles'), PDFDict)
    .lookup(PDFName.of('Names'), PDFArray);
  const spec = names.lookup(1, PDFDict);
  return { page: first, font, minutes: spec.lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F')) as PDFRef };
}

/**
 * A stream under the seal rewritten where it lies, uncompressed and padded with spaces to its old
 * length; /Filter /FlateDecode blanked out. Nothing moves, so only the digest can tell.
 */
function rewriteStream(sealed: Buffer, ref: PDFRef, data: Buffer): Buffer {
  const stream = streamAt(sealed, ref.objectNumber, ref.generationNumber, seal(sealed).contents.start);
  const room = stream.data.end - stream.data.start;
  if (data.length > room) throw new Error(`${data.length} bytes do not fit in a stream of ${room}`);
  const rewritten = overwrite(sealed, stream.data.start, Buffer.concat([data, Buffer.alloc(room - data.length, 0x20)]));
  const dictionary = latin1(rewritten.subarray(stream.dictionary.start, stream.dictionary.end));
  const filter = /\/Filter\s*\/FlateDecode/.exec(dictionary);
  return filter
    ? overwrite(rewritten, stream.dictionary.start + filter.index, ' '.repeat(filter[0].length))
    : rewritten;
}

/** Short enough to fit where the compressed minutes.json lay. */
export const inPlaceMinutes = ascii('{"title":"Joint review of Oakwood House","actions":["End the placement"]}');

export const inPlaceAttacks = {
  pageByteChanged: async (sealed: Buffer) => {
    const { page } = await streamRefs(sealed);
    const stream = streamAt(sealed, page.objectNumber, page.generationNumber, seal(sealed).contents.start);
    return flipByte(sealed, stream.data.start + 10);
  },
  pageRewrittenInPlace: async (sealed: Buffer) => {
    const { page, font } = await streamRefs(sealed);
    return rewriteStream(sealed, page, textContent(font, replacementLines));
  },
  minutesRewrittenInPlace: async (sealed: Buffer) =>
    rewriteStream(sealed, (await streamRefs(sealed)).minutes, inPlaceMinutes),
  /** %PDF-1.7 becomes %PDF-1.6. */
  headerByteChanged: async (sealed: Buffer) => flipByte(sealed, 7),
  /** The first digit of the seal's /M: a signing time a thousand years off. */
  signingTimeChanged: async (sealed: Buffer) => {
    const { contents } = seal(sealed);
    const text = latin1(sealed);
    const date = /\/M\s*\(D:/.exec(
      text.slice(text.lastIndexOf(' obj', contents.start), text.indexOf('endobj', contents.end)),
    );
    if (!date) throw new Error('the seal has no /M');
    return flipByte(sealed, text.lastIndexOf(' obj', contents.start) + date.index + date[0].length);
  },
};

/** The same pages and attachment with every trace of the signature removed: a plain, unsigned PDF. */
export async function unsignedCopy(sealed: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.load(sealed, { updateMetadata: false });
  const fields =
    doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookupMaybe(PDFName.of('Fields'), PDFArray)?.asArray() ??
    [];
  for (const field of fields) {
    const signature = doc.context.lookup(field, PDFDict).get(PDFName.of('V'));
    if (signature instanceof PDFRef) doc.context.delete(signature);
    if (field instanceof PDFRef) doc.context.delete(field);
  }
  for (const page of doc.getPages()) page.node.delete(PDFName.of('Annots'));
  doc.catalog.delete(PDFName.of('AcroForm'));
  doc.catalog.delete(PDFName.of('Perms'));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export const damageAttacks = {
  empty: async () => Buffer.alloc(0),
  randomBytes: async (sealed: Buffer) => randomBytes(sealed.length),
  headerThenRandom: async (sealed: Buffer) =>
    Buffer.concat([ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), randomBytes(sealed.length)]),
  unsigned: unsignedCopy,
  ...Object.fromEntries(
    Object.entries({ ...byteRangeAttacks, ...signatureByteAttacks }).map(([name, build]) => [
      name,
      async (sealed: Buffer) => build(sealed),
    ]),
  ),
  ...inPlaceAttacks,
} as Record<string, (sealed: Buffer) => Promise<Buffer>>;
