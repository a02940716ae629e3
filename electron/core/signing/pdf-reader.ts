import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

/** The file cannot be read unambiguously: a reader might see something else in it. */
export class PdfDamaged extends Error {}
/** Reading the file would take more than its budget (decompressed bytes, objects, sections). */
export class PdfOverBudget extends Error {}

export interface PdfBudget {
  /** Bytes that decompression may produce, over the whole file. */
  inflatedBytes: number;
  /** Objects that may be parsed, over the whole file. */
  objects: number;
}

export const defaultBudget: PdfBudget = { inflatedBytes: 16 * 1024 * 1024, objects: 200_000 };

const maxXrefSections = 64;
const maxXrefEntries = 2_000_000;
const maxRefChain = 16;

type XrefEntry =
  | { kind: 'free' }
  | { kind: 'direct'; offset: number; generation: number }
  | { kind: 'packed'; stream: number; index: number };

/**
 * A PDF read the way a conforming reader reads it: from the cross-reference table (or stream) that
 * the last `startxref` before a revision's end points to, following /Prev, never scanning for
 * objects. A revision is the file up to one of its `%%EOF` markers, so a signed revision is read
 * from exactly the bytes its signature covers. Strict by design: what a lenient reader would
 * repair, this one refuses, so the app never checks one document while a viewer shows another.
 */
export class PdfFile {
  private readonly context = PDFContext.create();
  private readonly parsedAt = new Map<string, PDFObject>();
  private readonly objectStreams = new Map<PDFRawStream, { data: Buffer; offsets: Map<number, number> }>();
  private readonly remaining: PdfBudget;

  constructor(
    readonly bytes: Buffer,
    budget: PdfBudget = defaultBudget,
  ) {
    this.remaining = { ...budget };
  }

  private readonly revisions = new Map<number, PdfRevision>();

  /** The document as of the revision that ends at `end` (the whole file when omitted). */
  revision(end = this.bytes.length): PdfRevision {
    let revision = this.revisions.get(end);
    if (!revision) {
      revision = new PdfRevision(this, end, this.readXref(end));
      this.revisions.set(end, revision);
    }
    return revision;
  }

  /** Decompresses FlateDecode (with PNG predictors) within the file's budget; null for other filters. */
  decode(stream: PDFRawStream): Buffer | null {
    const filter = stream.dict.get(PDFName.of('Filter'));
    const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
    const parameters = stream.dict.get(PDFName.of('DecodeParms'));
    let bytes: Buffer = Buffer.from(stream.contents);
    for (const [index, each] of filters.entries()) {
      if (each !== PDFName.of('FlateDecode')) return null;
      bytes = this.inflate(bytes);
      const parameter = parameters instanceof PDFArray ? parameters.get(index) : parameters;
      if (parameter instanceof PDFDict) bytes = unpredict(bytes, parameter);
    }
    return bytes;
  }

  private inflate(bytes: Buffer): Buffer {
    if (this.remaining.inflatedBytes <= 0) throw new PdfOverBudget('decompression');
    let out: Buffer;
    try {
      out = inflateSync(bytes, { maxOutputLength: this.remaining.inflatedBytes });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new PdfOverBudget('decompression');
      throw new PdfDamaged('bad compressed data');
    }
    this.remaining.inflatedBytes -= out.length;
    return out;
  }

  /** The object "n g obj" at an offset, checked to be that object. */
  objectAt(offset: number, number: number, generation: number, end: number): PDFObject {
    // Keyed by the revision's end too: an object cut off by a revision's end is not that object.
    const key = `${offset}:${end}`;
    const cached = this.parsedAt.get(key);
    if (cached) return cached;
    const header = /^(\d{1,10})\s+(\d{1,5})\s+obj\b/.exec(
      this.bytes.subarray(offset, Math.min(offset + 32, end)).toString('latin1'),
    );
    if (!header || Number(header[1]) !== number || Number(header[2]) !== generation)
      throw new PdfDamaged(`object ${number} is not where the cross-reference table says`);
    const object = this.parse(this.bytes.subarray(offset + header[0].length, end));
    this.parsedAt.set(key, object);
    return object;
  }

  /** Object `index` of an object stream, checked to be object `number`. */
  packedObject(streamObject: PDFObject, number: number): PDFObject {
    if (!(streamObject instanceof PDFRawStream) || streamObject.dict.get(PDFName.of('Type')) !== PDFName.of('ObjStm'))
      throw new PdfDamaged('not an object stream');
    let unpacked = this.objectStreams.get(streamObject);
    if (!unpacked) {
      const first = numberIn(streamObject.dict, 'First');
      const count = numberIn(streamObject.dict, 'N');
      const data = this.decode(streamObject);
      if (!data || first > data.length || count > data.length) throw new PdfDamaged('unreadable object stream');
      const header = data.subarray(0, first).toString('latin1').trim().split(/\s+/).map(Number);
      const offsets = new Map<number, number>();
      for (let i = 0; i + 1 < header.length && i < count * 2; i += 2) {
        if (!Number.isSafeInteger(header[i]) || !Number.isSafeInteger(header[i + 1]))
          throw new PdfDamaged('unreadable object stream');
        offsets.set(header[i]!, first + header[i + 1]!);
      }
      unpacked = { data, offsets };
      this.objectStreams.set(streamObject, unpacked);
    }
    const at = unpacked.offsets.get(number);
    if (at === undefined || at > unpacked.data.length)
      throw new PdfDamaged(`object ${number} is not in its object stream`);
    return this.parse(unpacked.data.subarray(at));
  }

  private parse(bytes: Buffer): PDFObject {
    if (--this.remaining.objects < 0) throw new PdfOverBudget('objects');
    try {
      return PDFObjectParser.forBytes(bytes, this.context).parseObject();
    } catch (error) {
      if (error instanceof RangeError) throw new PdfOverBudget('nesting'); // a stack overflow
      throw new PdfDamaged('unreadable object');
    }
  }

  /** The cross-reference sections of the revision ending at `end`, newest first, merged. */
  private readXref(end: number): { entries: Map<number, XrefEntry>; trailer: PDFDict; xrefOffsets: Set<number> } {
    if (end > this.bytes.length || end < 0) throw new PdfDamaged('revision outside the file');
    const tail = this.bytes.subarray(Math.max(0, end - 1024), end).toString('latin1');
    const marker = /startxref\s+(\d{1,15})\s+%%EOF[\r\n\t\f ]*$/.exec(tail);
    if (!marker) throw new PdfDamaged('no startxref and %%EOF at the end of the revision');
    const entries = new Map<number, XrefEntry>();
    const xrefOffsets = new Set<number>();
    let trailer: PDFDict | null = null;
    let offset = Number(marker[1]);
    const revisionEnd = end - (tail.length - marker.index);
    let limit = revisionEnd;
    for (let sections = 0; ; sections++) {
      if (sections >= maxXrefSections) throw new PdfOverBudget('cross-reference sections');
      // Each older section must lie before the one that names it: no loops, nothing past the revision.
      if (offset >= limit) throw new PdfDamaged('cross-reference offset out of order');
      const section = this.readSection(offset, end);
      xrefOffsets.add(offset);
      for (const [number, entry] of section.entries) {
        // An entry may not point past its own revision: a reader of that revision would find nothing there.
        if (entry.kind === 'direct' && entry.offset >= end)
          throw new PdfDamaged('a cross-reference entry past the end of its revision');
        if (!entries.has(number)) entries.set(number, entry);
      }
      if (entries.size > maxXrefEntries) throw new PdfOverBudget('cross-reference entries');
      trailer ??= section.trailer;
      const previous = section.trailer.get(PDFName.of('Prev'));
      if (previous === undefined) break;
      if (!(previous instanceof PDFNumber)) throw new PdfDamaged('bad /Prev');
      limit = offset;
      offset = previous.asNumber();
    }
    return { entries, trailer: trailer, xrefOffsets };
  }

  private readSection(offset: number, end: number): { entries: Map<number, XrefEntry>; trailer: PDFDict } {
    const start = this.bytes.subarray(offset, Math.min(offset + 4, end)).toString('latin1');
    if (start === 'xref') return this.readTable(offset, end);
    const header = /^(\d{1,10})\s+(\d{1,5})\s+obj\b/.exec(
      this.bytes.subarray(offset, Math.min(offset + 32, end)).toString('latin1'),
    );
    if (!header) throw new PdfDamaged('no cross-reference section where startxref points');
    const stream = this.objectAt(offset, Number(header[1]), Number(header[2]), end);
    return { entries: this.readXrefStream(stream), trailer: (stream as PDFRawStream).dict };
  }

  /** A classic table: subsections of 20-byte entries, then `trailer << >>`. */
  private readTable(offset: number, end: number): { entries: Map<number, XrefEntry>; trailer: PDFDict } {
    const entries = new Map<number, XrefEntry>();
    let at = offset + 4;
    const text = (from: number, length: number) =>
      this.bytes.subarray(from, Math.min(from + length, end)).toString('latin1');
    for (;;) {
      const line = /^[\r\n\t\f ]*(?:(\d{1,10}) (\d{1,10})[ \t]*\r?\n?|trailer)/.exec(text(at, 64));
      if (!line) throw new PdfDamaged('unreadable cross-reference table');
      if (line[1] === undefined) {
        at += line[0].length;
        break;
      }
      const first = Number(line[1]);
      const count = Number(line[2]);
      if (count > maxXrefEntries) throw new PdfOverBudget('cross-reference entries');
      at += line[0].length;
      for (let i = 0; i < count; i++) {
        const entry = /^(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)/.exec(text(at, 20));
        if (!entry) throw new PdfDamaged('unreadable cross-reference entry');
        at += 20;
        const number = first + i;
        if (entries.has(number)) continue;
        entries.set(
          number,
          entry[3] === 'f'
            ? { kind: 'free' }
            : { kind: 'direct', offset: Number(entry[1]), generation: Number(entry[2]) },
        );
      }
    }
    const trailer = this.parse(this.bytes.subarray(at, end));
    if (!(trailer instanceof PDFDict)) throw new PdfDamaged('no trailer dictionary');
    // A hybrid file: a cross-reference stream adds to the table's entries.
    const hybrid = trailer.get(PDFName.of('XRefStm'));
    if (hybrid instanceof PDFNumber && hybrid.asNumber() < offset) {
      const header = /^(\d{1,10})\s+(\d{1,5})\s+obj\b/.exec(text(hybrid.asNumber(), 32));
      if (!header) throw new PdfDamaged('bad /XRefStm');
      const stream = this.objectAt(hybrid.asNumber(), Number(header[1]), Number(header[2]), end);
      for (const [number, entry] of this.readXrefStream(stream)) if (!entries.has(number)) entries.set(number, entry);
    }
    return { entries, trailer };
  }

  private readXrefStream(stream: PDFObject): Map<number, XrefEntry> {
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Type')) !== PDFName.of('XRef'))
      throw new PdfDamaged('not a cross-reference stream');
    const widths = stream.dict.get(PDFName.of('W'));
    if (!(widths instanceof PDFArray) || widths.size() !== 3) throw new PdfDamaged('bad /W');
    const w = widths.asArray().map((each) => (each instanceof PDFNumber ? each.asNumber() : -1));
    if (w.some((each) => !Number.isInteger(each) || each < 0 || each > 8)) throw new PdfDamaged('bad /W');
    const size = numberIn(stream.dict, 'Size');
    const index = stream.dict.get(PDFName.of('Index'));
    const ranges =
      index instanceof PDFArray
        ? index.asArray().map((each) => (each instanceof PDFNumber ? each.asNumber() : -1))
        : [0, size];
    const data = this.decode(stream);
    if (!data) throw new PdfDamaged('unreadable cross-reference stream');
    const rowLength = w[0]! + w[1]! + w[2]!;
    const entries = new Map<number, XrefEntry>();
    let row = 0;
    const field = (at: number, width: number, fallback: number) =>
      width === 0 ? fallback : data.readUIntBE(at, Math.min(width, 6));
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const [first, count] = [ranges[r]!, ranges[r + 1]!];
      if (first < 0 || count < 0 || count > maxXrefEntries) throw new PdfDamaged('bad /Index');
      for (let i = 0; i < count; i++, row++) {
        const at = row * rowLength;
        if (at + rowLength > data.length) throw new PdfDamaged('short cross-reference stream');
        const type = field(at, w[0]!, 1);
        const second = field(at + w[0]!, w[1]!, 0);
        const third = field(at + w[0]! + w[1]!, w[2]!, 0);
        const number = first + i;
        if (type === 0) entries.set(number, { kind: 'free' });
        else if (type === 1) entries.set(number, { kind: 'direct', offset: second, generation: third });
        else if (type === 2) entries.set(number, { kind: 'packed', stream: second, index: third });
      }
    }
    return entries;
  }
}

/** One revision of a PDF: its trailer and its objects, resolved through its cross-reference sections. */
export class PdfRevision {
  private readonly cache = new Map<number, PDFObject>();
  readonly trailer: PDFDict;
  private readonly entries: Map<number, XrefEntry>;

  private readonly xrefOffsets: Set<number>;

  constructor(
    readonly file: PdfFile,
    /** The byte length of this revision. */
    readonly end: number,
    xref: { entries: Map<number, XrefEntry>; trailer: PDFDict; xrefOffsets: Set<number> },
  ) {
    this.entries = xref.entries;
    this.trailer = xref.trailer;
    this.xrefOffsets = xref.xrefOffsets;
  }

  /**
   * Objects this revision defines anew or differently from an earlier one, that nothing read so
   * far has reached (call after reading everything the document uses). Cross-reference streams
   * and the document information dictionary are the file's own housekeeping, not content.
   */
  unreachedSince(earlier: PdfRevision): number[] {
    const info = this.trailer.get(PDFName.of('Info'));
    const describe = (entry: XrefEntry | undefined) =>
      !entry || entry.kind === 'free'
        ? 'free'
        : entry.kind === 'direct'
          ? `${entry.offset}:${entry.generation}`
          : `${entry.stream}:${entry.index}`;
    const unreached: number[] = [];
    for (const [number, entry] of this.entries) {
      if (entry.kind === 'free' || describe(entry) === describe(earlier.entries.get(number)) || this.cache.has(number))
        continue;
      if (entry.kind === 'direct' && this.xrefOffsets.has(entry.offset)) continue;
      if (info instanceof PDFRef && info.objectNumber === number) continue;
      unreached.push(number);
    }
    return unreached;
  }

  /** Follows references to the object itself; a missing or free object is null, as the specification says. */
  resolve(object: PDFObject | undefined): PDFObject | undefined {
    let current = object;
    for (let hops = 0; current instanceof PDFRef; hops++) {
      if (hops > maxRefChain) throw new PdfDamaged('a chain of references');
      current = this.load(current);
    }
    return current;
  }

  get(dict: PDFDict | undefined, key: string): PDFObject | undefined {
    return dict ? this.resolve(dict.get(PDFName.of(key))) : undefined;
  }

  dict(dict: PDFDict | undefined, key: string): PDFDict | undefined {
    const value = this.get(dict, key);
    return value instanceof PDFDict ? value : undefined;
  }

  array(dict: PDFDict | undefined, key: string): PDFArray | undefined {
    const value = this.get(dict, key);
    return value instanceof PDFArray ? value : undefined;
  }

  /** The document catalog. */
  catalog(): PDFDict {
    const root = this.get(this.trailer, 'Root');
    if (!(root instanceof PDFDict)) throw new PdfDamaged('no document catalog');
    return root;
  }

  private load(ref: PDFRef): PDFObject {
    const cached = this.cache.get(ref.objectNumber);
    if (cached) return cached;
    const entry = this.entries.get(ref.objectNumber);
    let object: PDFObject = PDFNull;
    if (entry?.kind === 'direct' && entry.generation === ref.generationNumber) {
      object = this.file.objectAt(entry.offset, ref.objectNumber, entry.generation, this.end);
      if (object instanceof PDFRawStream) object = this.checkLength(object);
    } else if (entry?.kind === 'packed' && ref.generationNumber === 0) {
      const streamEntry = this.entries.get(entry.stream);
      if (streamEntry?.kind !== 'direct') throw new PdfDamaged('an object stream inside an object stream');
      object = this.file.packedObject(this.load(PDFRef.of(entry.stream, streamEntry.generation)), ref.objectNumber);
    }
    this.cache.set(ref.objectNumber, object);
    return object;
  }

  /**
   * pdf-lib's parser finds a stream's end by /Length when it is a number and by looking for
   * `endstream` otherwise; a reader uses an indirect /Length. They must agree.
   */
  private checkLength(stream: PDFRawStream): PDFRawStream {
    const length = stream.dict.get(PDFName.of('Length'));
    if (!(length instanceof PDFRef)) return stream;
    const value = this.resolve(length);
    if (!(value instanceof PDFNumber)) throw new PdfDamaged('a stream without a length');
    const wanted = value.asNumber();
    const rest = Buffer.from(stream.contents.subarray(wanted));
    if (wanted > stream.contents.length || rest.toString('latin1').trim() !== '')
      throw new PdfDamaged('a stream whose length is wrong');
    return PDFRawStream.of(stream.dict, stream.contents.subarray(0, wanted));
  }
}

function numberIn(dict: PDFDict, key: string): number {
  const value = dict.get(PDFName.of(key));
  if (!(value instanceof PDFNumber) || !Number.isSafeInteger(value.asNumber()) || value.asNumber() < 0)
    throw new PdfDamaged(`bad /${key}`);
  return value.asNumber();
}

/** PNG predictors (10 to 15), as cross-reference and object streams use them; TIFF predictors are refused. */
function unpredict(data: Buffer, parameters: PDFDict): Buffer {
  const predictor = parameters.get(PDFName.of('Predictor'));
  const value = predictor instanceof PDFNumber ? predictor.asNumber() : 1;
  if (value === 1) return data;
  if (value < 10) throw new PdfDamaged('unsupported predictor');
  const columnsValue = parameters.get(PDFName.of('Columns'));
  const columns = columnsValue instanceof PDFNumber ? columnsValue.asNumber() : 1;
  if (!Number.isInteger(columns) || columns < 1 || columns > 1 << 20) throw new PdfDamaged('bad /Columns');
  const rows = Math.floor(data.length / (columns + 1));
  const out = Buffer.alloc(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (columns + 1)]!;
    const row = data.subarray(r * (columns + 1) + 1, (r + 1) * (columns + 1));
    for (let c = 0; c < columns; c++) {
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      const raw = row[c]!;
      let predicted = 0;
      if (type === 1) predicted = left;
      else if (type === 2) predicted = up;
      else if (type === 3) predicted = (left + up) >> 1;
      else if (type === 4) predicted = paeth(left, up, upLeft);
      else if (type !== 0) throw new PdfDamaged('bad PNG row');
      out[r * columns + c] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Text of a PDF string, literal or hex. */
export function textOf(object: PDFObject | undefined): string | null {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : null;
}

/** The bytes of a PDF string, literal or hex. */
export function bytesOfString(object: PDFObject | undefined): Buffer | null {
  if (object instanceof PDFHexString) return Buffer.from(object.asBytes());
  if (object instanceof PDFString) return Buffer.from(object.asBytes());
  return null;
}
