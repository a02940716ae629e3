/**
 * Reading and writing a PDF as bytes: the last trailer, where a signature's bytes are, and new
 * revisions appended by hand with a classic xref section. The original bytes are never moved.
 */

export const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
export const ascii = (text: string) => Buffer.from(text, 'latin1');

/** The offset the last `startxref` names. */
export function lastStartxref(pdf: Buffer): number {
  const tail = latin1(pdf.subarray(Math.max(0, pdf.length - 1024)));
  const matches = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/g)];
  const last = matches[matches.length - 1];
  if (!last) throw new Error('no startxref at the end of the file');
  return Number(last[1]);
}

export interface Trailer {
  root: string;
  size: number;
  info: string | null;
  id: string | null;
  /** Where the last xref section starts: the new revision's /Prev. */
  startxref: number;
}

/** The last trailer: a classic `trailer` dictionary or an xref stream's dictionary. */
export function readTrailer(pdf: Buffer): Trailer {
  const startxref = lastStartxref(pdf);
  const text = latin1(pdf);
  const classic = text.startsWith('xref', startxref);
  const dictionary = dictionaryAt(text, text.indexOf('<<', classic ? text.indexOf('trailer', startxref) : startxref));
  const entry = (pattern: RegExp) => pattern.exec(dictionary)?.[1] ?? null;
  const root = entry(/\/Root\s+(\d+\s+\d+\s+R)/);
  const size = entry(/\/Size\s+(\d+)/);
  if (!root || !size) throw new Error('the trailer has no /Root or /Size');
  return {
    root,
    size: Number(size),
    info: entry(/\/Info\s+(\d+\s+\d+\s+R)/),
    id: entry(/\/ID\s*(\[[^\]]*\])/),
    startxref,
  };
}

/** The text of the dictionary that starts at `start`, with nested dictionaries and strings skipped over. */
export function dictionaryAt(text: string, start: number): string {
  let depth = 0;
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (char === '(') at = stringEnd(text, at);
    else if (char === '<' && text[at + 1] === '<') {
      depth++;
      at++;
    } else if (char === '<') at = text.indexOf('>', at);
    else if (char === '>' && text[at + 1] === '>') {
      depth--;
      at++;
      if (depth === 0) return text.slice(start, at + 1);
    }
    if (at < 0) break;
  }
  throw new Error('unterminated dictionary');
}

function stringEnd(text: string, start: number): number {
  let depth = 0;
  for (let at = start; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '(') depth++;
    else if (text[at] === ')' && --depth === 0) return at;
  }
  return text.length;
}

/** Where a signature dictionary's /ByteRange array and /Contents hex string are, and the CMS inside. */
export interface SignatureBytes {
  byteRange: number[];
  /** From `[` to just after `]`. */
  byteRangeText: { start: number; end: number };
  /** From `<` to just after `>`: the hole the byte range leaves. */
  contents: { start: number; end: number };
  /** The hex decoded, zero padding left on. */
  cms: Buffer;
}

/** Every signature dictionary in the file, in file order, found by its /ByteRange. */
export function signaturesIn(pdf: Buffer): SignatureBytes[] {
  const text = latin1(pdf);
  return [...text.matchAll(/\/ByteRange\s*(\[[^\]]*\])/g)].map((match) => {
    const start = match.index + match[0].length - match[1]!.length;
    const objectStart = text.lastIndexOf(' obj', match.index);
    const objectEnd = text.indexOf('endobj', match.index);
    const contents = /\/Contents\s*<([^>]*)>/.exec(text.slice(objectStart, objectEnd));
    if (!contents) throw new Error('a /ByteRange with no /Contents hex string');
    const contentsStart = objectStart + contents.index + contents[0].length - contents[1]!.length - 2;
    return {
      byteRange: match[1]!.slice(1, -1).trim().split(/\s+/).map(Number),
      byteRangeText: { start, end: start + match[1]!.length },
      contents: { start: contentsStart, end: contentsStart + contents[1]!.length + 2 },
      cms: Buffer.from(contents[1]!, 'hex'),
    };
  });
}

/** Where the last `num gen obj` ... `endobj` before `before` is. */
export function objectAt(pdf: Buffer, num: number, gen = 0, before = pdf.length): { start: number; end: number } {
  const text = latin1(pdf.subarray(0, before));
  const matches = [...text.matchAll(new RegExp(`(?<![0-9])${num}\\s+${gen}\\s+obj\\b`, 'g'))];
  const last = matches[matches.length - 1];
  if (!last) throw new Error(`object ${num} ${gen} not found`);
  return { start: last.index, end: text.indexOf('endobj', last.index) + 'endobj'.length };
}

/** A stream object's dictionary text and where its data lies. */
export function streamAt(pdf: Buffer, num: number, gen = 0, before = pdf.length) {
  const object = objectAt(pdf, num, gen, before);
  const text = latin1(pdf.subarray(object.start, object.end));
  const keyword = /stream\r?\n/.exec(text);
  if (!keyword) throw new Error(`object ${num} is not a stream`);
  const dataStart = object.start + keyword.index + keyword[0].length;
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(text.slice(0, keyword.index));
  const dataEnd = length ? dataStart + Number(length[1]) : object.start + text.lastIndexOf('endstream');
  return {
    dictionary: { start: object.start, end: object.start + keyword.index },
    data: { start: dataStart, end: dataEnd },
  };
}

/** A copy of the file with `replacement` written over the bytes at `at`: same length, nothing moved. */
export function overwrite(pdf: Buffer, at: number, replacement: Buffer | string): Buffer {
  const copy = Buffer.from(pdf);
  copy.set(typeof replacement === 'string' ? ascii(replacement) : replacement, at);
  return copy;
}

/** A copy with the byte at `at` changed: XOR 1 keeps digits digits and letters letters. */
export function flipByte(pdf: Buffer, at: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

export interface NewObject {
  num: number;
  gen?: number;
  body: Buffer;
}

export function objectBytes(object: NewObject): Buffer {
  return Buffer.concat([ascii(`${object.num} ${object.gen ?? 0} obj\n`), object.body, ascii('\nendobj\n')]);
}

/** A stream object's body; `entries` are the dictionary's entries without /Length. */
export function streamBody(entries: string, data: Buffer): Buffer {
  return Buffer.concat([ascii(`<< ${entries} /Length ${data.length} >>\nstream\n`), data, ascii('\nendstream')]);
}

/** A classic xref section: one subsection for each run of consecutive object numbers. */
export function xrefSection(entries: { num: number; gen?: number; offset: number }[]): string {
  const sorted = [...entries].sort((a, b) => a.num - b.num);
  let section = 'xref\n';
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.num === sorted[j]!.num + 1) j++;
    section += `${sorted[i]!.num} ${j - i + 1}\n`;
    for (const entry of sorted.slice(i, j + 1))
      section += `${String(entry.offset).padStart(10, '0')} ${String(entry.gen ?? 0).padStart(5, '0')} n\r\n`;
    i = j + 1;
  }
  return section;
}

export interface RevisionOptions {
  /** /Prev; by default the previous revision's xref. Text is written as it is (a fixed-width slot to fill in later). */
  prev?: number | string;
  root?: string;
  /** More trailer entries, as PDF text. */
  extra?: string;
  /** Changes the offset written in the xref for an object: for xrefs that lie. */
  offsetOf?: (num: number, offset: number) => number;
  /** More xref entries, for objects this revision does not hold. */
  entries?: { num: number; offset: number }[];
  /** Objects written in this revision but left out of its xref. */
  unlisted?: NewObject[];
}

/** Appends objects as a new revision: the objects, a classic xref section, a trailer, startxref, %%EOF. */
export function appendRevision(pdf: Buffer, objects: NewObject[], options: RevisionOptions = {}): Buffer {
  const previous = readTrailer(pdf);
  const parts = [pdf];
  let offset = pdf.length;
  if (pdf[pdf.length - 1] !== 0x0a && pdf[pdf.length - 1] !== 0x0d) {
    parts.push(ascii('\n'));
    offset++;
  }
  const write = (object: NewObject) => {
    const bytes = objectBytes(object);
    parts.push(bytes);
    offset += bytes.length;
    return { num: object.num, gen: object.gen, offset: offset - bytes.length };
  };
  const entries = objects.map(write);
  (options.unlisted ?? []).forEach(write);
  const lying = [
    ...entries.map((entry) => ({ ...entry, offset: options.offsetOf?.(entry.num, entry.offset) ?? entry.offset })),
    ...(options.entries ?? []),
  ];
  const size = Math.max(previous.size, ...lying.map((entry) => entry.num + 1));
  const trailer = [
    `/Size ${size}`,
    `/Root ${options.root ?? previous.root}`,
    `/Prev ${options.prev ?? previous.startxref}`,
  ];
  if (previous.info) trailer.push(`/Info ${previous.info}`);
  if (previous.id) trailer.push(`/ID ${previous.id}`);
  if (options.extra) trailer.push(options.extra);
  parts.push(ascii(`${xrefSection(lying)}trailer\n<< ${trailer.join(' ')} >>\nstartxref\n${offset}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A PDF literal string, escaped. */
export function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (char) => `\\${char}`)})`;
}

/** A page content stream that writes lines of text in the font named `font`. */
export function textContent(font: string, lines: string[]): Buffer {
  const shown = lines.map((line, n) => `${n === 0 ? '50 780 Td' : '0 -24 Td'} ${pdfString(line)} Tj`).join('\n');
  return ascii(`BT\n/${font} 14 Tf\n${shown}\nET\n`);
}

export const helveticaFont = () =>
  ascii('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
