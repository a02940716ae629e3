import { randomBytes } from 'node:crypto';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { minutesPdf } from './genuine';
import {
  appendRevision,
  ascii,
  lastStartxref,
  latin1,
  objectBytes,
  overwrite,
  readTrailer,
  streamBody,
  type NewObject,
} from './pdf-bytes';
import { minutesSpec } from './tampers';
import { Update } from './update';

/**
 * Family 6: files that cost a careless reader its memory or its time. Each is the sealed file with
 * something appended, so the seal itself is intact and only a budget stops the reader.
 */

const gigabyte = 1024 ** 3;

/** Adler-32 of `prefix` followed by `zeros` zero bytes, without making them. */
function adler32(prefix: Buffer, zeros: number): number {
  let a = 1;
  let b = 0;
  for (const byte of prefix) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  // Each zero adds nothing to a and a to b.
  b = (b + (zeros % 65521) * a) % 65521;
  return ((b << 16) | a) >>> 0;
}

/**
 * Zlib data that inflates to `prefix` followed by `size` zero bytes, made without ever holding
 * them: one block of zeros compressed once (ending on a byte boundary, not final) and repeated.
 */
export function deflateBomb(size: number, prefix = Buffer.alloc(0)): Buffer {
  const chunk = 64 * 1024 * 1024;
  const sync = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
  const zeros = deflateRawSync(Buffer.alloc(chunk), sync);
  const parts = [Buffer.from([0x78, 0xda]), deflateRawSync(prefix, sync)];
  for (let left = size; left > 0; left -= chunk)
    parts.push(left >= chunk ? zeros : deflateRawSync(Buffer.alloc(left), sync));
  // An empty final block, then the checksum.
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(adler32(prefix, size));
  return Buffer.concat([...parts, Buffer.from([0x03, 0x00]), checksum]);
}

/** Ends a revision with an xref stream: the entries are written as the stream's data (three fields, 1 4 2 bytes). */
function xrefStreamObject(
  num: number,
  entries: { num: number; type: 0 | 1 | 2; field2: number; field3: number }[],
  trailer: string,
  data?: Buffer,
): Buffer {
  const sorted = [...entries].sort((a, b) => a.num - b.num);
  const rows = sorted.map((entry) => {
    const row = Buffer.alloc(7);
    row.writeUInt8(entry.type, 0);
    row.writeUInt32BE(entry.field2, 1);
    row.writeUInt16BE(entry.field3, 5);
    return row;
  });
  const index = sorted.map((entry) => `${entry.num} 1`).join(' ');
  const stream = streamBody(
    `/Type /XRef /W [1 4 2] /Index [${index}] ${trailer} /Filter /FlateDecode`,
    data ?? deflateSync(Buffer.concat(rows)),
  );
  return objectBytes({ num, body: stream });
}

/** Appends objects and ends the revision with an xref stream (`xrefData` replaces its data when given). */
function appendWithXrefStream(
  sealed: Buffer,
  objects: NewObject[],
  packed: { num: number; stream: number; index: number }[],
  xrefData?: Buffer,
): Buffer {
  const previous = readTrailer(sealed);
  const parts = [sealed, ascii('\n')];
  let offset = sealed.length + 1;
  const entries: { num: number; type: 0 | 1 | 2; field2: number; field3: number }[] = [];
  for (const object of objects) {
    const bytes = objectBytes(object);
    entries.push({ num: object.num, type: 1, field2: offset, field3: 0 });
    parts.push(bytes);
    offset += bytes.length;
  }
  for (const entry of packed) entries.push({ num: entry.num, type: 2, field2: entry.stream, field3: entry.index });
  const xrefNum = Math.max(previous.size, ...entries.map((entry) => entry.num + 1));
  entries.push({ num: xrefNum, type: 1, field2: offset, field3: 0 });
  const trailer = `/Size ${xrefNum + 1} /Root ${previous.root} /Prev ${previous.startxref}${previous.info ? ` /Info ${previous.info}` : ''}`;
  parts.push(xrefStreamObject(xrefNum, entries, trailer, xrefData), ascii(`startxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** An object stream holding `objects` (their bodies as PDF text), compressed with `deflate`. */
function objectStream(objects: { num: number; body: string }[], deflate: (data: Buffer) => Buffer): Buffer {
  let header = '';
  let body = '';
  for (const object of objects) {
    header += `${object.num} ${body.length} `;
    body += `${object.body}\n`;
  }
  return streamBody(
    `/Type /ObjStm /N ${objects.length} /First ${header.length} /Filter /FlateDecode`,
    deflate(ascii(header + body)),
  );
}

/** The catalog's dictionary text, to write a new version of it somewhere hostile. */
async function catalogText(sealed: Buffer): Promise<{ ref: PDFRef; text: string }> {
  const update = await Update.of(sealed);
  const { ref, value } = update.catalog();
  return { ref, text: value.toString() };
}

export const bombs = {
  /** The appended revision's own xref stream inflates to gigabytes. */
  xrefStreamBomb: async (sealed: Buffer, size = 4 * gigabyte) =>
    appendWithXrefStream(sealed, [], [], deflateBomb(size)),
  /** A new version of the catalog inside an object stream that inflates to gigabytes. */
  objectStreamBomb: async (sealed: Buffer, size = 4 * gigabyte) => {
    const catalog = await catalogText(sealed);
    const streamNum = readTrailer(sealed).size;
    const header = ascii(`${catalog.ref.objectNumber} 0 `);
    const bomb = streamBody(
      `/Type /ObjStm /N 1 /First ${header.length} /Filter /FlateDecode`,
      deflateBomb(size, Buffer.concat([header, ascii(catalog.text), ascii('\n')])),
    );
    return appendWithXrefStream(
      sealed,
      [{ num: streamNum, body: bomb }],
      [{ num: catalog.ref.objectNumber, stream: streamNum, index: 0 }],
    );
  },
  /** A new version of the minutes.json EmbeddedFile stream that inflates to gigabytes. */
  minutesBomb: async (sealed: Buffer, size = 4 * gigabyte) => {
    const update = await Update.of(sealed);
    const entries = '/Type /EmbeddedFile /Subtype /application#2Fjson /Filter /FlateDecode';
    update.replace(minutesSpec(update).stream, streamBody(entries, deflateBomb(size, ascii('{"title":"'))));
    return update.write();
  },
};

/**
 * About `total` bytes of object streams of random text, appended with an xref stream listing every
 * object and a new version of the catalog that refers to them all, so a reader has to go through them.
 */
export async function manyObjectStreams(sealed: Buffer, total = 50 * 1024 * 1024 + 4096): Promise<Buffer> {
  const perStream = 100;
  const objectText = 3000;
  const catalog = await catalogText(sealed);
  let num = readTrailer(sealed).size;
  const objects: NewObject[] = [];
  const packed: { num: number; stream: number; index: number }[] = [];
  for (let written = 0; written < total;) {
    const streamNum = num++;
    const members = Array.from({ length: perStream }, () => ({
      num: num++,
      body: `(${randomBytes((objectText * 3) / 4).toString('base64')})`,
    }));
    members.forEach((member, index) => packed.push({ num: member.num, stream: streamNum, index }));
    const body = objectStream(members, (data) => deflateSync(data, { level: 1 }));
    objects.push({ num: streamNum, body });
    written += body.length;
  }
  const refs = packed.map((entry) => `${entry.num} 0 R`).join(' ');
  const end = catalog.text.lastIndexOf('>>');
  objects.push({ num: catalog.ref.objectNumber, body: ascii(`${catalog.text.slice(0, end)}/Junk [${refs}]\n>>`) });
  return appendWithXrefStream(sealed, objects, packed);
}

/**
 * New minutes whose attached minutes.json inflates to gigabytes, then sealed by `seal`: the
 * signature covers the bomb, so only a budget on reading the attachment stops the reader.
 */
export async function sealedMinutesBomb(
  seal: (pdf: Uint8Array) => Promise<Buffer>,
  size = 4 * gigabyte,
): Promise<Buffer> {
  const doc = await PDFDocument.load(await minutesPdf({ attachment: null }));
  const { context } = doc;
  const data = deflateBomb(size, ascii('{"title":"'));
  const stream = context.register(
    context.stream(data, { Type: 'EmbeddedFile', Subtype: 'application/json', Filter: 'FlateDecode' }),
  );
  const name = PDFHexString.fromText('minutes.json');
  const spec = context.register(
    context.obj({
      Type: 'Filespec',
      F: PDFString.of('minutes.json'),
      UF: name,
      EF: { F: stream, UF: stream },
      AFRelationship: 'Data',
    }),
  );
  doc.catalog.set(PDFName.of('Names'), context.obj({ EmbeddedFiles: { Names: [name, spec] } }));
  doc.catalog.set(PDFName.of('AF'), context.obj([spec]));
  return seal(await doc.save({ useObjectStreams: false }));
}

const depth = 200_000;

/** Appended objects nested far deeper than any real file, reachable from a new version of the catalog. */
async function nestedFromCatalog(sealed: Buffer, nested: string): Promise<Buffer> {
  const update = await Update.of(sealed);
  const catalog = update.catalog();
  update.edit(catalog.ref, PDFDict).set(PDFName.of('Nested'), update.add(nested));
  return update.write();
}

export const nesting = {
  nestedArrays: (sealed: Buffer) => nestedFromCatalog(sealed, `${'['.repeat(depth)}0${']'.repeat(depth)}`),
  nestedDictionaries: (sealed: Buffer) => nestedFromCatalog(sealed, `${'<< /A '.repeat(depth)}0${' >>'.repeat(depth)}`),
  /** In the trailer, which every reader parses. */
  nestedInTrailer: async (sealed: Buffer) =>
    appendRevision(sealed, [{ num: readTrailer(sealed).size, body: ascii('<< >>') }], {
      extra: `/Nested ${'['.repeat(depth)}0${']'.repeat(depth)}`,
    }),
};

const prevSlot = '0000000000';

/** Appends a revision with one new object and a fixed-width /Prev to fill in later. */
function revisionWithPrevSlot(pdf: Buffer): { file: Buffer; slotAt: number; xrefAt: number } {
  const file = appendRevision(pdf, [{ num: readTrailer(pdf).size, body: ascii('<< /Producer (a loop) >>') }], {
    prev: prevSlot,
  });
  return { file, slotAt: file.lastIndexOf(`/Prev ${prevSlot}`) + '/Prev '.length, xrefAt: lastStartxref(file) };
}

function writePrev(file: Buffer, slotAt: number, prev: number): Buffer {
  return overwrite(file, slotAt, String(prev).padStart(prevSlot.length, '0'));
}

export const xrefLoops = {
  /** /Prev names its own xref section. */
  prevLoopToItself: async (sealed: Buffer) => {
    const { file, slotAt, xrefAt } = revisionWithPrevSlot(sealed);
    return writePrev(file, slotAt, xrefAt);
  },
  /** Two revisions whose /Prev name each other. */
  prevLoopOfTwo: async (sealed: Buffer) => {
    const first = revisionWithPrevSlot(sealed);
    const second = revisionWithPrevSlot(first.file);
    return writePrev(writePrev(second.file, first.slotAt, second.xrefAt), second.slotAt, first.xrefAt);
  },
};

/** Where the catalog's object is rewritten in the tail, for xrefs that point somewhere else. */
async function catalogVersion(sealed: Buffer): Promise<NewObject> {
  const catalog = await catalogText(sealed);
  const end = catalog.text.lastIndexOf('>>');
  return { num: catalog.ref.objectNumber, body: ascii(`${catalog.text.slice(0, end)}/PageMode /UseAttachments\n>>`) };
}

export const xrefPastEnd = {
  /** The appended xref puts the new catalog a megabyte past the end of the file. */
  entryPastEndOfFile: async (sealed: Buffer) =>
    appendRevision(sealed, [await catalogVersion(sealed)], { offsetOf: (_, offset) => offset + 1024 * 1024 }),
  /** /Prev names an offset past the end of the file. */
  prevPastEndOfFile: async (sealed: Buffer) =>
    appendRevision(sealed, [await catalogVersion(sealed)], { prev: sealed.length * 2 }),
  /** The last startxref names an offset past the end of the file. */
  startxrefPastEndOfFile: async (sealed: Buffer) => {
    const file = appendRevision(sealed, [await catalogVersion(sealed)]);
    const text = file.toString('latin1');
    const at = text.lastIndexOf('startxref\n') + 'startxref\n'.length;
    return Buffer.concat([file.subarray(0, at), ascii(`${file.length * 2}\n%%EOF\n`)]);
  },
  /**
   * Revision 2's xref puts a new catalog at an offset inside revision 3, past the end of revision 2;
   * revision 3 holds that object but leaves it out of its own xref. Only a reader that follows an
   * xref past the end of its revision sees the new catalog.
   */
  entryPastEndOfRevision: async (sealed: Buffer) => {
    const catalog = await catalogVersion(sealed);
    const filler = (num: number) => ({ num, body: ascii('<< /Filler true >>') });
    const size = readTrailer(sealed).size;
    const second = appendRevision(sealed, [filler(size)], { entries: [{ num: catalog.num, offset: 0 }] });
    const third = appendRevision(second, [filler(size + 1)], { unlisted: [catalog] });
    const entry = new RegExp(`\\n${catalog.num} 1\\n(0{10}) 00000 n`).exec(
      latin1(second.subarray(lastStartxref(second))),
    )!;
    const entryAt = lastStartxref(second) + entry.index + entry[0].indexOf(entry[1]!);
    return overwrite(third, entryAt, String(third.lastIndexOf(`${catalog.num} 0 obj`)).padStart(10, '0'));
  },
};
