import { createPrivateKey } from 'node:crypto';
import signpdf from '@signpdf/signpdf';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { ApiError } from '@shared/api/errors';
import { buildCadesSignature } from './cms';
import { PdfFile, type PdfRevision } from './pdf-reader';
import type { SealDetails, SigningIdentity } from './types';

/** Room for the CMS: the certificate chain, and a document timestamp token added later. */
const signatureRoom = 32 * 1024;
const appName = 'Relational Review';

/** Signs the bytes @signpdf hands over (the file less the signature's hole) as PAdES baseline B-B. */
class CadesSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(signedBytes: Buffer): Promise<Buffer> {
    const key = createPrivateKey({ key: this.identity.privateKey, format: 'der', type: 'pkcs8' });
    return buildCadesSignature([signedBytes], key, this.identity.certificates);
  }
}

/** The signature dictionary, its /ByteRange and /Contents left for @signpdf to fill. */
function signatureDictionary(context: PDFContext, details: SealDetails, certify: boolean): PDFDict {
  const placeholder = PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER);
  return context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: [PDFNumber.of(0), placeholder, placeholder, placeholder],
    Contents: PDFHexString.of('00'.repeat(signatureRoom)),
    M: PDFString.fromDate(details.signedAt),
    Name: PDFHexString.fromText(details.name),
    Reason: PDFHexString.fromText(details.reason),
    Location: PDFHexString.fromText(details.location),
    Prop_Build: { App: { Name: appName } },
    // A certification signature that allows later signatures and nothing else (DocMDP P=2).
    ...(certify
      ? {
          Reference: [
            { Type: 'SigRef', TransformMethod: 'DocMDP', TransformParams: { Type: 'TransformParams', P: 2, V: '1.2' } },
          ],
        }
      : {}),
  });
}

/** An invisible signature widget on a page: it adds nothing anyone sees, so a check sees nothing changed. */
function signatureWidget(context: PDFContext, signature: PDFRef, page: PDFRef, title: string): PDFDict {
  return context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: signature,
    T: PDFHexString.fromText(title),
    F: 132, // Print and Locked
    P: page,
  });
}

/**
 * In a tagged PDF (one with a structure tree), the seal's widget is tagged as PDF/UA asks: a Form
 * element under the document's element, holding an object reference to the widget; the widget's
 * /StructParent naming that element in the parent tree; a description (/TU) a screen reader reads;
 * and the page's tab order following the structure. An untagged PDF is left as it is.
 */
function tagWidget(doc: PDFDocument, widget: PDFRef, page: PDFRef, description: string): void {
  const { context, catalog } = doc;
  const rootRef = catalog.get(PDFName.of('StructTreeRoot'));
  const root = context.lookup(rootRef);
  if (!(rootRef instanceof PDFRef) || !(root instanceof PDFDict)) return;
  const widgetDict = context.lookup(widget, PDFDict);
  widgetDict.set(PDFName.of('TU'), PDFHexString.fromText(description));

  // The Form element goes into the document's one top element, or beside the others at the top.
  const k = context.lookup(root.get(PDFName.of('K')));
  const top = k instanceof PDFArray && k.size() === 1 ? k.get(0) : root.get(PDFName.of('K'));
  const topElement = top instanceof PDFRef ? context.lookup(top) : undefined;
  const [parentRef, parent] = topElement instanceof PDFDict ? [top as PDFRef, topElement] : [rootRef, root];
  const form = context.register(
    context.obj({
      Type: 'StructElem',
      S: 'Form',
      P: parentRef,
      Pg: page,
      K: { Type: 'OBJR', Obj: widget, Pg: page },
    }),
  );
  const kids = context.lookup(parent.get(PDFName.of('K')));
  const existing =
    kids instanceof PDFArray ? kids.asArray() : parent.has(PDFName.of('K')) ? [parent.get(PDFName.of('K'))!] : [];
  parent.set(PDFName.of('K'), context.obj([...existing, form]));

  let parentTree = root.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  if (!parentTree) {
    parentTree = context.obj({});
    root.set(PDFName.of('ParentTree'), context.register(parentTree));
  }
  const key = nextParentTreeKey(context, root, parentTree);
  const nums = parentTree.lookupMaybe(PDFName.of('Nums'), PDFArray);
  if (nums || !parentTree.has(PDFName.of('Kids'))) {
    const list = nums ?? context.obj([]);
    list.push(PDFNumber.of(key));
    list.push(form);
    parentTree.set(PDFName.of('Nums'), list);
  } else {
    const kidsOfTree = parentTree.lookup(PDFName.of('Kids'), PDFArray);
    kidsOfTree.push(context.register(context.obj({ Limits: [key, key], Nums: [key, form] })));
  }
  root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(key + 1));
  widgetDict.set(PDFName.of('StructParent'), PDFNumber.of(key));
  context.lookup(page, PDFDict).set(PDFName.of('Tabs'), PDFName.of('S'));
}

/** A parent tree key no entry uses: /ParentTreeNextKey, or past the largest key in the tree. */
function nextParentTreeKey(context: PDFContext, root: PDFDict, tree: PDFDict): number {
  let next = root.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0;
  const seen = new Set<PDFDict>();
  const visit = (node: PDFDict, depth: number) => {
    if (seen.has(node) || depth > 32 || seen.size > 100_000) return;
    seen.add(node);
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray)?.asArray() ?? [];
    for (let i = 0; i < nums.length; i += 2) {
      const key = context.lookup(nums[i]);
      if (key instanceof PDFNumber) next = Math.max(next, key.asNumber() + 1);
    }
    for (const kid of node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) {
      const dict = context.lookup(kid);
      if (dict instanceof PDFDict) visit(dict, depth + 1);
    }
  };
  visit(tree, 0);
  return next;
}

/**
 * Seals a PDF: a certification signature (PAdES baseline B-B, ETSI.CAdES.detached, DocMDP P=2)
 * made with the identity. Everything in the PDF, attachments included, is kept and covered.
 */
export async function sealPdf(pdf: Uint8Array, identity: SigningIdentity, details: SealDetails): Promise<Buffer> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch {
    throw new ApiError('invalid_input', 'That file is not a PDF that can be sealed.');
  }
  const { context, catalog } = doc;
  const page = doc.getPages().at(-1)!.ref;
  const signature = context.register(signatureDictionary(context, details, true));
  const widget = context.register(signatureWidget(context, signature, page, 'Seal'));
  const pageNode = doc.getPages().at(-1)!.node;
  const annotations = pageNode.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? context.obj([]);
  annotations.push(widget);
  pageNode.set(PDFName.of('Annots'), annotations);
  tagWidget(doc, widget, page, `Seal of ${identity.subject.organisation}`);
  catalog.set(PDFName.of('AcroForm'), context.register(context.obj({ Fields: [widget], SigFlags: 3 })));
  catalog.set(PDFName.of('Perms'), context.obj({ DocMDP: signature }));
  // @signpdf finds the placeholder by scanning the bytes, so it must not be inside an object stream.
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return signpdf.sign(prepared, new CadesSigner(identity));
}

/**
 * Countersigns sealed minutes: an approval signature appended as an incremental update, so every
 * earlier signature still covers exactly the bytes it signed. The update adds the signature, an
 * invisible widget on the last page, and the new versions of that page and of the form.
 * The caller checks the file first: this only reads it as far as it needs to.
 */
export async function countersignPdf(
  pdf: Uint8Array,
  identity: SigningIdentity,
  details: SealDetails,
): Promise<Buffer> {
  const original = Buffer.from(pdf);
  const file = new PdfFile(original);
  const revision = file.revision();
  const context = PDFContext.create();
  const size = numberOf(revision.trailer.get(PDFName.of('Size')));
  const root = revision.trailer.get(PDFName.of('Root'));
  const catalog = revision.catalog();
  if (!(root instanceof PDFRef))
    throw new ApiError(
      'invalid_input',
      'These minutes cannot be countersigned: their file is not laid out as sealed minutes are.',
    );
  const page = lastPage(revision, catalog);

  const signature = PDFRef.of(size);
  const widget = PDFRef.of(size + 1);
  const objects = new Map<PDFRef, PDFObject>();
  objects.set(signature, signatureDictionary(context, details, false));
  const widgetDict = signatureWidget(context, signature, page.ref, `Countersignature ${size}`);
  objects.set(widget, widgetDict);
  const tagged = tagWidgetInUpdate(revision, catalog, {
    context,
    objects,
    widget,
    widgetDict,
    page: page.ref,
    element: PDFRef.of(size + 2),
    description: `Countersignature of ${identity.subject.organisation}`,
  });

  const annotations = page.dict.get(PDFName.of('Annots'));
  const annotationList = revision.resolve(annotations);
  const addedTo = (list: PDFObject | undefined) =>
    context.obj([...(list instanceof PDFArray ? list.asArray() : []), widget]);
  if (annotations instanceof PDFRef) objects.set(annotations, addedTo(annotationList));
  else objects.set(page.ref, withEntry(page.dict, 'Annots', addedTo(annotationList)));

  const formEntry = catalog.get(PDFName.of('AcroForm'));
  const form = revision.resolve(formEntry);
  if (!(form instanceof PDFDict))
    throw new ApiError('invalid_input', 'These minutes cannot be countersigned: they carry no seal.');
  const fields = form.get(PDFName.of('Fields'));
  const newFields = addedTo(revision.resolve(fields));
  if (fields instanceof PDFRef) objects.set(fields, newFields);
  const newForm = withEntry(
    withEntry(form, 'SigFlags', PDFNumber.of(3)),
    'Fields',
    fields instanceof PDFRef ? fields : newFields,
  );
  if (formEntry instanceof PDFRef) objects.set(formEntry, newForm);
  else objects.set(root, withEntry(catalog, 'AcroForm', newForm));

  const update = incrementalUpdate(original, objects, revision.trailer, size + (tagged ? 3 : 2));
  return signpdf.sign(update, new CadesSigner(identity));
}

interface WidgetInUpdate {
  context: PDFContext;
  /** The update's objects, by reference: new ones, and new versions of existing ones. */
  objects: Map<PDFRef, PDFObject>;
  widget: PDFRef;
  widgetDict: PDFDict;
  page: PDFRef;
  /** The reference the widget's Form element takes. */
  element: PDFRef;
  description: string;
}

/**
 * The countersignature's widget tagged as the seal's is (see tagWidget), within the incremental
 * update: a Form element added to the document's top element, an entry in the parent tree, and
 * the widget's /StructParent and description. The seal's check leaves exactly these out of what
 * it compares (document-state.ts), so the countersigned file stays PDF/UA and the seal valid.
 * Answers false, changing nothing, for a structure this app did not write (a structure tree or
 * parent tree held directly in its parent, a parent tree split into nodes): the widget is then
 * left untagged rather than the file rewritten.
 */
function tagWidgetInUpdate(revision: PdfRevision, catalog: PDFDict, update: WidgetInUpdate): boolean {
  const { context, objects, widget, widgetDict, page, element, description } = update;
  const rootRef = catalog.get(PDFName.of('StructTreeRoot'));
  const root = revision.resolve(rootRef);
  const treeRef = root instanceof PDFDict ? root.get(PDFName.of('ParentTree')) : undefined;
  const tree = revision.resolve(treeRef);
  if (!(rootRef instanceof PDFRef) || !(root instanceof PDFDict)) return false;
  if (!(treeRef instanceof PDFRef) || !(tree instanceof PDFDict) || tree.has(PDFName.of('Kids'))) return false;
  const nums = tree.get(PDFName.of('Nums'));
  if (nums !== undefined && !(nums instanceof PDFArray)) return false;

  const latest = (ref: PDFRef, dict: PDFDict) => {
    const written = objects.get(ref);
    return written instanceof PDFDict ? written : dict;
  };
  const kids = (list: PDFObject | undefined) => {
    const resolved = revision.resolve(list);
    return resolved instanceof PDFArray ? resolved.asArray() : list === undefined ? [] : [list];
  };
  // The Form element goes into the document's one top element, or beside the others at the top.
  const top = kids(root.get(PDFName.of('K')));
  const topElement = top.length === 1 ? revision.resolve(top[0]) : undefined;
  const [parentRef, parent] =
    top[0] instanceof PDFRef && topElement instanceof PDFDict ? [top[0], topElement] : [rootRef, root];
  const parentKids = parent.get(PDFName.of('K'));
  if (parentKids instanceof PDFRef) return false;

  const key = Math.max(
    numberOrZero(root.get(PDFName.of('ParentTreeNextKey'))),
    ...(nums?.asArray() ?? []).filter((_, i) => i % 2 === 0).map((n) => numberOrZero(n) + 1),
  );
  objects.set(
    element,
    context.obj({ Type: 'StructElem', S: 'Form', P: parentRef, Pg: page, K: { Type: 'OBJR', Obj: widget, Pg: page } }),
  );
  objects.set(parentRef, withEntry(latest(parentRef, parent), 'K', context.obj([...kids(parentKids), element])));
  objects.set(treeRef, withEntry(tree, 'Nums', context.obj([...(nums?.asArray() ?? []), PDFNumber.of(key), element])));
  objects.set(rootRef, withEntry(latest(rootRef, root), 'ParentTreeNextKey', PDFNumber.of(key + 1)));
  widgetDict.set(PDFName.of('TU'), PDFHexString.fromText(description));
  widgetDict.set(PDFName.of('StructParent'), PDFNumber.of(key));
  return true;
}

function numberOrZero(object: PDFObject | undefined): number {
  return object instanceof PDFNumber && Number.isSafeInteger(object.asNumber()) ? object.asNumber() : 0;
}

function numberOf(object: PDFObject | undefined): number {
  if (!(object instanceof PDFNumber))
    throw new ApiError('invalid_input', 'These minutes cannot be countersigned: their file is damaged.');
  return object.asNumber();
}

function withEntry(dict: PDFDict, key: string, value: PDFObject): PDFDict {
  const copy = dict.clone();
  copy.set(PDFName.of(key), value);
  return copy;
}

/** The last leaf of the page tree (where the signature page is). */
function lastPage(revision: PdfRevision, catalog: PDFDict): { ref: PDFRef; dict: PDFDict } {
  let ref = catalog.get(PDFName.of('Pages'));
  for (let depth = 0; depth < 64; depth++) {
    const node = revision.resolve(ref);
    if (!(ref instanceof PDFRef) || !(node instanceof PDFDict)) break;
    const kids = revision.array(node, 'Kids');
    if (!kids) return { ref, dict: node };
    ref = kids.get(kids.size() - 1);
  }
  throw new ApiError('invalid_input', 'These minutes cannot be countersigned: their pages could not be read.');
}

/** The original bytes, then the new objects, a cross-reference section and a trailer pointing back. */
function incrementalUpdate(original: Buffer, objects: Map<PDFRef, PDFObject>, trailer: PDFDict, size: number): Buffer {
  const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(original.subarray(-1024).toString('latin1'));
  if (!previous) throw new ApiError('invalid_input', 'These minutes cannot be countersigned: their file is damaged.');
  const parts: Buffer[] = [original];
  let length = original.length;
  const write = (text: string) => {
    parts.push(Buffer.from(text, 'latin1'));
    length += Buffer.byteLength(text, 'latin1');
  };
  if (original[original.length - 1] !== 0x0a) write('\n');
  const offsets: [PDFRef, number][] = [];
  for (const [ref, object] of objects) {
    offsets.push([ref, length]);
    write(`${ref.objectNumber} ${ref.generationNumber} obj\n${object.toString()}\nendobj\n`);
  }
  const xrefAt = length;
  write('xref\n');
  for (const [ref, offset] of offsets.sort((a, b) => a[0].objectNumber - b[0].objectNumber)) {
    write(
      `${ref.objectNumber} 1\n${String(offset).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n\r\n`,
    );
  }
  const newTrailer = PDFContext.create().obj({});
  for (const key of ['Root', 'Info', 'ID']) {
    const value = trailer.get(PDFName.of(key));
    if (value !== undefined) newTrailer.set(PDFName.of(key), value);
  }
  newTrailer.set(PDFName.of('Size'), PDFNumber.of(size));
  newTrailer.set(PDFName.of('Prev'), PDFNumber.of(Number(previous[1])));
  write(`trailer\n${newTrailer.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(parts);
}
