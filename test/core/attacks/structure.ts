import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import type { Tamper } from './tampers';
import type { Held, Update } from './update';

/**
 * Changes to what a screen reader reads of tagged minutes (the structure tree), made in an
 * incremental update after the seal. The seal's check leaves out only the Form elements that tag
 * signature widgets holding a signature; each of these must still read as a change. They need a
 * tagged PDF, as the app's archival minutes are (archival-pdf.test.ts).
 */

/** The words an attacker wants a screen reader to say. */
export const spokenInstead = 'The council withdrew every concern.';

function structTreeRoot(update: Update): Held<PDFDict> {
  const ref = update.catalog().value.get(PDFName.of('StructTreeRoot'));
  if (!(ref instanceof PDFRef)) throw new Error('not a tagged PDF');
  return { ref, value: update.edit(ref, PDFDict) };
}

/** The document's top element and its kids, as the archival minutes have them. */
function topElement(update: Update): { element: Held<PDFDict>; kids: PDFArray } {
  const root = structTreeRoot(update).value;
  const top = root.lookup(PDFName.of('K'), PDFArray).get(0);
  if (!(top instanceof PDFRef)) throw new Error('no top element');
  const element = update.edit(top, PDFDict);
  return { element: { ref: top, value: element }, kids: element.lookup(PDFName.of('K'), PDFArray) };
}

/** The first kid of the top element with the given structure type. */
function firstOfType(update: Update, type: string): Held<PDFDict> {
  const { kids } = topElement(update);
  for (const kid of kids.asArray()) {
    if (!(kid instanceof PDFRef)) continue;
    const element = update.doc.context.lookup(kid);
    if (element instanceof PDFDict && element.get(PDFName.of('S')) === PDFName.of(type))
      return { ref: kid, value: update.edit(kid, PDFDict) };
  }
  throw new Error(`no ${type} element`);
}

/** A new entry in the parent tree, naming an element. */
function addParentTreeEntry(update: Update, element: PDFRef): number {
  const root = structTreeRoot(update);
  const tree = update.child(root, 'ParentTree', PDFDict, () => update.doc.context.obj({}));
  const nums = update.child(tree, 'Nums', PDFArray, () => update.doc.context.obj([]));
  const key = root.value.lookup(PDFName.of('ParentTreeNextKey'), PDFNumber).asNumber();
  nums.value.push(PDFNumber.of(key));
  nums.value.push(element);
  root.value.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(key + 1));
  return key;
}

/** Alternative text on the first paragraph: a screen reader says it instead of what is printed. */
function altOnParagraph(update: Update): void {
  firstOfType(update, 'P').value.set(PDFName.of('Alt'), PDFHexString.fromText(spokenInstead));
}

/** Replacement text on the first heading. */
function actualTextOnHeading(update: Update): void {
  firstOfType(update, 'H1').value.set(PDFName.of('ActualText'), PDFHexString.fromText(spokenInstead));
}

/** A paragraph taken out of the structure: a screen reader no longer reads it. */
function removeElement(update: Update): void {
  const { kids } = topElement(update);
  const index = kids.asArray().findIndex((kid) => {
    const element = kid instanceof PDFRef ? update.doc.context.lookup(kid) : undefined;
    return element instanceof PDFDict && element.get(PDFName.of('S')) === PDFName.of('P');
  });
  kids.remove(index);
}

/**
 * What the app's countersignature adds, but tagging a widget with no signature in it: a bare,
 * invisible signature field whose description a screen reader reads.
 */
function tagUnsignedWidget(update: Update): void {
  const { element: top, kids } = topElement(update);
  const page = update.page(update.doc.getPageCount() - 1);
  const widget = update.add('null');
  const element = update.add('null');
  const key = addParentTreeEntry(update, element);
  update.replace(
    widget,
    `<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /F 132 /T (Note) /TU ${PDFHexString.fromText(spokenInstead).toString()} /P ${page.ref} /StructParent ${key} >>`,
  );
  update.replace(
    element,
    `<< /Type /StructElem /S /Form /P ${top.ref} /Pg ${page.ref} /K << /Type /OBJR /Obj ${widget} /Pg ${page.ref} >> >>`,
  );
  kids.push(element);
  const annots = update.child(page, 'Annots', PDFArray, () => update.doc.context.obj([]));
  annots.value.push(widget);
  const form = update.child(update.catalog(), 'AcroForm', PDFDict, () => update.doc.context.obj({}));
  update.child(form, 'Fields', PDFArray, () => update.doc.context.obj([])).value.push(widget);
}

/** A second Form element for the seal's own widget, this one carrying alternative text. */
function tagSealWidgetWithAlt(update: Update): void {
  const { element: top, kids } = topElement(update);
  const fields = update.catalog().value.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
  const sealWidget = fields.get(0) as PDFRef;
  const page = update.page(update.doc.getPageCount() - 1);
  const element = update.add(
    `<< /Type /StructElem /S /Form /Alt ${PDFHexString.fromText(spokenInstead).toString()} /P ${top.ref} /Pg ${page.ref} /K << /Type /OBJR /Obj ${sealWidget} /Pg ${page.ref} >> >>`,
  );
  kids.push(element);
  addParentTreeEntry(update, element);
}

/** A parent tree entry for marked content pointed at another element: the text is read in the wrong place. */
function repointParentTree(update: Update): void {
  const root = structTreeRoot(update);
  const tree = update.child(root, 'ParentTree', PDFDict, () => update.doc.context.obj({}));
  const nums = update.child(tree, 'Nums', PDFArray, () => update.doc.context.obj([]));
  const first = update.doc.context.lookup(nums.value.get(1));
  if (!(first instanceof PDFArray) || first.size() < 2) throw new Error('no marked content to repoint');
  const copy = update.doc.context.obj(first.asArray().slice());
  copy.set(0, first.get(first.size() - 1));
  nums.value.set(1, copy);
}

export const structureAttacks = {
  altOnParagraph,
  actualTextOnHeading,
  removeElement,
  tagUnsignedWidget,
  tagSealWidgetWithAlt,
  repointParentTree,
} satisfies Record<string, Tamper>;
