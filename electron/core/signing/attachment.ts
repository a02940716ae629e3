import { inflateSync } from 'node:zlib';
import { PDFArray, PDFContext, PDFDict, PDFHexString, PDFName, PDFNumber, PDFObjectParser, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';

const maxAttachmentBytes = 64 * 1024 * 1024;

/**
 * An embedded file (by file name) from a PDF, as pdf-lib's `attach` writes it: found in the
 * catalog's /Names /EmbeddedFiles name tree. Null when absent or unreadable; never throws.
 *
 * Synchronous, so it reads the objects itself with pdf-lib's object parser rather than
 * PDFDocument.load (which is async).
 */
export function readAttachment(pdf: Uint8Array, name: string): Buffer | null {
  try {
    const context = readObjects(pdf);
    const catalog = findCatalog(pdf, context);
    const tree = catalog?.lookup(PDFName.of('Names'));
    const embedded = tree instanceof PDFDict ? tree.lookup(PDFName.of('EmbeddedFiles')) : undefined;
    const spec = embedded instanceof PDFDict ? findFileSpec(embedded, name, new Set()) : undefined;
    const files = spec?.lookup(PDFName.of('EF'));
    const stream = files instanceof PDFDict ? files.lookup(PDFName.of('F')) : undefined;
    return stream instanceof PDFRawStream ? decode(stream) : null;
  } catch {
    return null;
  }
}

/** Every "n g obj" at the start of a line, parsed; a later definition wins, as in an incremental update. */
function readObjects(pdf: Uint8Array): PDFContext {
  const context = PDFContext.create();
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  for (const match of text.matchAll(/^(\d{1,10})\s+(\d{1,5})\s+obj\b/gm)) {
    try {
      const object = PDFObjectParser.forBytes(pdf.subarray(match.index + match[0].length), context).parseObject();
      context.assign(PDFRef.of(Number(match[1]), Number(match[2])), object);
    } catch {
      // A damaged object: the others may still hold the attachment.
    }
  }
  expandObjectStreams(context);
  return context;
}

/** Objects packed in object streams (pdf-lib's default `save`), unless already defined at top level. */
function expandObjectStreams(context: PDFContext): void {
  for (const [, stream] of context.enumerateIndirectObjects()) {
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Type')) !== PDFName.of('ObjStm')) continue;
    try {
      const first = stream.dict.lookup(PDFName.of('First'), PDFNumber).asNumber();
      const data = decode(stream);
      if (!data) continue;
      // The header is pairs of object number and offset (from First).
      const header = data.subarray(0, first).toString('latin1').trim().split(/\s+/).map(Number);
      for (let i = 0; i + 1 < header.length; i += 2) {
        const [number, offset] = [header[i]!, header[i + 1]!];
        if (!Number.isInteger(number) || !Number.isInteger(offset) || context.lookup(PDFRef.of(number, 0)) !== undefined) continue;
        context.assign(PDFRef.of(number, 0), PDFObjectParser.forBytes(data.subarray(first + offset), context).parseObject());
      }
    } catch {
      // A damaged object stream: as above.
    }
  }
}

/** The trailer's /Root, or else any object that says it is the catalog. */
function findCatalog(pdf: Uint8Array, context: PDFContext): PDFDict | undefined {
  const at = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).lastIndexOf('trailer');
  if (at >= 0) {
    try {
      const trailer = PDFObjectParser.forBytes(pdf.subarray(at + 'trailer'.length), context).parseObject();
      const root = trailer instanceof PDFDict ? trailer.lookup(PDFName.of('Root')) : undefined;
      if (root instanceof PDFDict) return root;
    } catch {
      // Fall through to looking for the catalog by its type.
    }
  }
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Catalog')) return object;
  }
  return undefined;
}

/** Walks a name tree (Names pairs, Kids) for the file specification of the named file. */
function findFileSpec(node: PDFDict, name: string, seen: Set<PDFDict>): PDFDict | undefined {
  if (seen.has(node)) return undefined;
  seen.add(node);
  const names = node.lookup(PDFName.of('Names'));
  if (names instanceof PDFArray) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const spec = names.lookup(i + 1);
      if (!(spec instanceof PDFDict)) continue;
      const labels = [names.lookup(i), spec.lookup(PDFName.of('UF')), spec.lookup(PDFName.of('F'))];
      if (labels.some((label) => (label instanceof PDFString || label instanceof PDFHexString) && label.decodeText() === name)) return spec;
    }
  }
  const kids = node.lookup(PDFName.of('Kids'));
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      const found = kid instanceof PDFDict ? findFileSpec(kid, name, seen) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** Unfiltered or FlateDecode, the two ways pdf-lib writes streams. */
function decode(stream: PDFRawStream): Buffer | null {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  let bytes = Buffer.from(stream.contents);
  for (const each of filters) {
    if (each !== PDFName.of('FlateDecode')) return null;
    bytes = inflateSync(bytes, { maxOutputLength: maxAttachmentBytes });
  }
  return bytes;
}
