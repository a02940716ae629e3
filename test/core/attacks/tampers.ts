import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { ascii, helveticaFont, pdfString, streamBody, textContent } from './pdf-bytes';
import { addToNumber, serialise, type Held, type Update } from './update';

/**
 * Changes an attacker makes in an incremental update after the seal. Each edits one Update; the
 * builders in incremental.ts, re-sign.ts and countersign.ts write them out.
 */
export type Tamper = (update: Update) => void;

/** What the tampered page says instead. */
export const replacementLines = ['Decision: the placement ends on Friday.', 'Agreed by everyone present.'];

/** The minutes.json an attacker puts in place of the sealed one. */
export const replacementMinutes = Buffer.from(
  JSON.stringify({
    title: 'Joint review of Oakwood House',
    held: '2026-12-03',
    attendees: ['Sam Patel (social worker)'],
    actions: ['End the placement on Friday'],
  }),
  'utf8',
);

const pageSize = '/MediaBox [0 0 595 842]';

function textStream(font: string, lines = replacementLines): Buffer {
  return streamBody('', textContent(font, lines));
}

/** A new Helvetica font resource under /FA on a page being edited. */
function addFont(update: Update, page: Held<PDFDict>): void {
  const resources = update.child(page, 'Resources', PDFDict, () => update.doc.context.obj({}));
  const fonts = update.child(resources, 'Font', PDFDict, () => update.doc.context.obj({}));
  fonts.value.set(PDFName.of('FA'), update.add(helveticaFont()));
}

/** The refs of a page's content streams: /Contents is one stream or an array of them. */
function contentRefs(page: PDFDict): PDFRef[] {
  const contents = page.get(PDFName.of('Contents'));
  if (contents instanceof PDFRef) {
    const target = page.context.lookup(contents);
    return target instanceof PDFArray ? (target.asArray() as PDFRef[]) : [contents];
  }
  return contents instanceof PDFArray ? (contents.asArray() as PDFRef[]) : [];
}

/** The first font a page already names: text drawn in place must use a font it has. */
function existingFont(page: PDFDict): string {
  const resources = page.lookup(PDFName.of('Resources'), PDFDict);
  const key = resources.lookup(PDFName.of('Font'), PDFDict).keys()[0];
  if (!key) throw new Error('the page has no font');
  return key.decodeText();
}

function appendPage(update: Update): void {
  const catalog = update.catalog();
  const pagesRef = catalog.value.get(PDFName.of('Pages')) as PDFRef;
  const pages = update.edit(pagesRef, PDFDict);
  const kids = update.child({ ref: pagesRef, value: pages }, 'Kids', PDFArray, () => update.doc.context.obj([]));
  const font = update.add(helveticaFont());
  const contents = update.add(textStream('FA', ['Addendum to the minutes', ...replacementLines]));
  kids.value.push(
    update.add(
      `<< /Type /Page /Parent ${pagesRef} ${pageSize} /Resources << /Font << /FA ${font} >> >> /Contents ${contents} >>`,
    ),
  );
  addToNumber(pages, 'Count', 1);
}

/** Page 1 points at a new content stream. */
function replacePageContents(update: Update): void {
  const page = update.page(0);
  update.edit(page.ref, PDFDict);
  addFont(update, page);
  page.value.set(PDFName.of('Contents'), update.add(textStream('FA')));
}

/** Page 1's content streams get new versions under the same object numbers; the page is untouched. */
function rewritePageContents(update: Update): void {
  const page = update.page(0).value;
  const [first, ...rest] = contentRefs(page);
  if (!first) throw new Error('page 1 has no content stream');
  update.replace(first, textStream(existingFont(page)));
  for (const ref of rest) update.replace(ref, streamBody('', ascii('')));
}

function addAnnotation(update: Update, annotation: (pageRef: PDFRef) => string): void {
  const page = update.page(0);
  const annots = update.child(page, 'Annots', PDFArray, () => update.doc.context.obj([]));
  annots.value.push(update.add(annotation(page.ref)));
}

/** A FreeText note over the top of page 1, with its own appearance. */
function addFreeTextAnnotation(update: Update): void {
  const font = update.add(helveticaFont());
  const appearance = update.add(
    streamBody(
      `/Type /XObject /Subtype /Form /BBox [0 0 495 40] /Resources << /Font << /FA ${font} >> >>`,
      ascii(`1 g 0 0 495 40 re f BT 0 g /FA 14 Tf 4 14 Td ${pdfString(replacementLines[0]!)} Tj ET`),
    ),
  );
  addAnnotation(
    update,
    (page) =>
      `<< /Type /Annot /Subtype /FreeText /Rect [50 740 545 780] /Contents ${pdfString(replacementLines[0]!)} /DA (/Helv 14 Tf 0 g) /F 4 /P ${page} /AP << /N ${appearance} >> >>`,
  );
}

/** A white Square annotation that covers the first lines of page 1. */
function addSquareAnnotation(update: Update): void {
  const appearance = update.add(
    streamBody('/Type /XObject /Subtype /Form /BBox [0 0 520 80]', ascii('1 g 0 0 520 80 re f')),
  );
  addAnnotation(
    update,
    (page) =>
      `<< /Type /Annot /Subtype /Square /Rect [40 730 560 810] /C [1 1 1] /IC [1 1 1] /BS << /W 0 >> /F 4 /P ${page} /AP << /N ${appearance} >> >>`,
  );
}

const nameOf = (value: PDFObject | undefined) =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;

/** The name tree node whose /Names holds minutes.json, and where in it. */
function minutesLeaf(update: Update): { leaf: Held<PDFDict>; at: number } {
  const names = update.catalog().value.lookup(PDFName.of('Names'), PDFDict);
  const find = (node: Held<PDFDict>): { leaf: Held<PDFDict>; at: number } | null => {
    const pairs = node.value.lookupMaybe(PDFName.of('Names'), PDFArray)?.asArray() ?? [];
    const at = pairs.findIndex((value, n) => n % 2 === 0 && nameOf(value) === 'minutes.json');
    if (at >= 0) return { leaf: node, at };
    const kids = node.value.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? [];
    for (const kid of kids as PDFRef[]) {
      const found = find({ ref: kid, value: update.doc.context.lookup(kid, PDFDict) });
      if (found) return found;
    }
    return null;
  };
  const tree = names.get(PDFName.of('EmbeddedFiles'));
  // A direct tree is written as part of the catalog.
  const root =
    tree instanceof PDFRef
      ? { ref: tree, value: update.doc.context.lookup(tree, PDFDict) }
      : { ref: update.catalog().ref, value: tree as PDFDict };
  const found = find(root);
  if (!found) throw new Error('no minutes.json in the name tree');
  return found;
}

export function minutesSpec(update: Update): { ref: PDFRef; spec: PDFDict; stream: PDFRef } {
  const { leaf, at } = minutesLeaf(update);
  const ref = leaf.value.lookup(PDFName.of('Names'), PDFArray).get(at + 1) as PDFRef;
  const spec = update.doc.context.lookup(ref, PDFDict);
  const stream = spec.lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F')) as PDFRef;
  return { ref, spec, stream };
}

function minutesStream(json = replacementMinutes): Buffer {
  return streamBody(`/Type /EmbeddedFile /Subtype /application#2Fjson /Params << /Size ${json.length} >>`, json);
}

/** A file specification like the sealed one, pointing at a new EmbeddedFile stream. */
function newSpec(update: Update, json = replacementMinutes): PDFRef {
  const { spec } = minutesSpec(update);
  const copy = spec.clone();
  const stream = update.add(minutesStream(json));
  copy.set(PDFName.of('EF'), update.doc.context.obj({ F: stream, UF: stream }));
  return update.add(serialise(copy));
}

/** A new version of the EmbeddedFile stream itself, same object number. */
function replaceMinutesStream(update: Update): void {
  update.replace(minutesSpec(update).stream, minutesStream());
}

/** A new EmbeddedFile stream and a new version of the file specification pointing at it. */
function replaceMinutesFileSpec(update: Update): void {
  const { ref, spec } = minutesSpec(update);
  const stream = update.add(minutesStream());
  update.edit(ref, PDFDict);
  spec.set(PDFName.of('EF'), update.doc.context.obj({ F: stream, UF: stream }));
}

/** A new stream and file specification, and a new version of the name tree (and /AF) naming them. */
function replaceMinutesNameTree(update: Update): void {
  const { leaf, at } = minutesLeaf(update);
  const spec = newSpec(update);
  update.edit(leaf.ref, PDFDict);
  leaf.value.lookup(PDFName.of('Names'), PDFArray).set(at + 1, spec);
  const catalog = update.catalog();
  if (catalog.value.has(PDFName.of('AF'))) {
    update.edit(catalog.ref, PDFDict);
    catalog.value.set(PDFName.of('AF'), update.doc.context.obj([spec]));
  }
}

function addOpenActionJavaScript(update: Update): void {
  const catalog = update.catalog();
  const action = update.add(
    `<< /Type /Action /S /JavaScript /JS ${pdfString("app.alert('These minutes were changed after sealing.');")} >>`,
  );
  update.edit(catalog.ref, PDFDict).set(PDFName.of('OpenAction'), action);
}

/** Optional content, switched off by default: a layer that readers hide. */
function addOptionalContent(update: Update): void {
  const catalog = update.catalog();
  const group = update.add(`<< /Type /OCG /Name ${pdfString('Hidden decisions')} >>`);
  update
    .edit(catalog.ref, PDFDict)
    .set(PDFName.of('OCProperties'), update.doc.context.obj({ OCGs: [group], D: { OFF: [group], Order: [group] } }));
}

/** The catalog points at a new page tree with one page of other text. */
function swapPageTree(update: Update): void {
  const catalog = update.catalog();
  const [pages, page, font] = [update.add('<< >>'), update.add('<< >>'), update.add(helveticaFont())];
  update.replace(pages, `<< /Type /Pages /Kids [${page}] /Count 1 >>`);
  update.replace(
    page,
    `<< /Type /Page /Parent ${pages} ${pageSize} /Resources << /Font << /FA ${font} >> >> /Contents ${update.add(textStream('FA'))} >>`,
  );
  update.edit(catalog.ref, PDFDict).set(PDFName.of('Pages'), pages);
}

function isSignatureField(update: Update, value: PDFObject): boolean {
  const field = value instanceof PDFRef ? update.doc.context.lookup(value) : value;
  return field instanceof PDFDict && field.get(PDFName.of('FT')) === PDFName.of('Sig');
}

/** Removes every signature field from /AcroForm /Fields. */
function removeSealField(update: Update): PDFObject[] {
  const acroForm = update.child(update.catalog(), 'AcroForm', PDFDict, () => update.doc.context.obj({}));
  const fields = update.child(acroForm, 'Fields', PDFArray, () => update.doc.context.obj([]));
  const removed = fields.value.asArray().filter((field) => isSignatureField(update, field));
  for (const field of removed) fields.value.remove(fields.value.indexOf(field)!);
  return removed;
}

/** No trace of the seal in the latest revision: no field, no widget on any page, no /Perms. */
function hideSeal(update: Update): void {
  const removed = removeSealField(update);
  update.doc.getPages().forEach((_, index) => {
    const page = update.page(index);
    const annots = page.value.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots?.asArray().some((annot) => removed.includes(annot))) return;
    const held = update.child(page, 'Annots', PDFArray, () => update.doc.context.obj([]));
    for (const field of removed)
      if (held.value.indexOf(field) !== undefined) held.value.remove(held.value.indexOf(field)!);
  });
  update.edit(update.catalog().ref, PDFDict).delete(PDFName.of('Perms'));
}

/** Objects nothing refers to: nothing shows, but the file now carries what its signer never saw. */
function addUnusedObjects(update: Update): void {
  update.add('(A hidden note added after the seal)');
  update.add('<< /Type /Note /Text (End the placement) >>');
}

/** A new title in the information dictionary: what a reader shows in its title bar. */
function retitle(update: Update): void {
  const info = update.doc.context.trailerInfo.Info;
  if (!(info instanceof PDFRef)) throw new Error('no /Info to retitle');
  update.edit(info, PDFDict).set(PDFName.of('Title'), PDFString.of('Minutes: nothing of concern'));
}

export const tampers = {
  appendPage,
  replacePageContents,
  rewritePageContents,
  addFreeTextAnnotation,
  addSquareAnnotation,
  replaceMinutesStream,
  replaceMinutesFileSpec,
  replaceMinutesNameTree,
  addOpenActionJavaScript,
  addOptionalContent,
  swapPageTree,
  removeSealField: (update: Update) => void removeSealField(update),
  hideSeal,
  addUnusedObjects,
  retitle,
} satisfies Record<string, Tamper>;

export type TamperName = keyof typeof tampers;
