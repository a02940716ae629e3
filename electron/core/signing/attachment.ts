import { PDFDict, PDFRawStream } from 'pdf-lib';
import { textOf, type PdfRevision } from './pdf-reader';

const maxTreeNodes = 10_000;

/**
 * An embedded file (by file name) of one revision: found in the catalog's /Names /EmbeddedFiles
 * name tree through the revision's cross-reference table, decompressed within the file's budget.
 * Null when absent or in a form this app does not read. Reading past the budget throws.
 */
export function readAttachment(revision: PdfRevision, name: string): Buffer | null {
  const names = revision.dict(revision.catalog(), 'Names');
  const tree = revision.dict(names, 'EmbeddedFiles');
  const spec = tree ? findFileSpec(revision, tree, name) : undefined;
  const stream = revision.get(revision.dict(spec, 'EF'), 'F');
  return stream instanceof PDFRawStream ? revision.file.decode(stream) : null;
}

/** Walks a name tree (Names pairs, Kids) for the file specification of the named file. */
function findFileSpec(revision: PdfRevision, root: PDFDict, name: string): PDFDict | undefined {
  const seen = new Set<PDFDict>();
  const queue = [root];
  while (queue.length > 0 && seen.size < maxTreeNodes) {
    const node = queue.shift()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const pairs = revision.array(node, 'Names');
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
      const spec = revision.resolve(pairs.get(i + 1));
      if (!(spec instanceof PDFDict)) continue;
      const labels = [revision.resolve(pairs.get(i)), revision.get(spec, 'UF'), revision.get(spec, 'F')];
      if (labels.some((label) => textOf(label) === name)) return spec;
    }
    for (const kid of revision.array(node, 'Kids')?.asArray() ?? []) {
      const resolved = revision.resolve(kid);
      if (resolved instanceof PDFDict) queue.push(resolved);
    }
  }
  return undefined;
}
