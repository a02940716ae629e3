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
  const widgetDict = signatureWidget(context, signature, page, 'Seal');
  const widget = context.register(widgetDict);
  const pageNode = doc.getPages().at(-1)!.node;
  const annotations = pageNode.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? context.obj([]);
  annotations.push(widget);
  pageNode.set(PDFName.of('Annots'), annotations);
  const inPlace: PdfObjects = {
    context,
    resolve: (object) => context.lookup(object),
    write: (ref, object) => context.assign(ref, object),
    newRef: () => context.nextRef(),
  };
  const widgetAt = { ref: widget, dict: widgetDict, page };
  // The page's tab order follows the structure; set with the seal, so a countersignature needs no change to it.
  if (tagWidget(inPlace, catalog, widgetAt, `Seal of ${identity.subject.organisation}`))
    pageNode.set(PDFName.of('Tabs'), PDFName.of('S'));
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

  // The update's objects, by reference: new ones, and new versions of existing ones.
  const objects = new Map<PDFRef, PDFObject>();
  let next = size;
  const inUpdate: PdfObjects = {
    context,
    resolve: (object) =>
      object instanceof PDFRef && objects.has(object) ? objects.get(object) : revision.resolve(object),
    write: (ref, object) => objects.set(ref, object),
    newRef: () => PDFRef.of(next++),
  };
  const signature = inUpdate.newRef();
  const widget = inUpdate.newRef();
  objects.set(signature, signatureDictionary(context, details, false));
  const widgetDict = signatureWidget(context, signature, page.ref, `Countersignature ${size}`);
  objects.set(widget, widgetDict);
  const widgetAt = { ref: widget, dict: widgetDict, page: page.ref };
  tagWidget(inUpdate, catalog, widgetAt, `Countersignature of ${identity.subject.organisation}`);

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

  const update = incrementalUpdate(original, objects, revision.trailer, next);
  return signpdf.sign(update, new CadesSigner(identity));
}

/** Where tagging reads objects (each in its latest version) and writes new versions of them. */
interface PdfObjects {
  context: PDFContext;
  resolve(object: PDFObject | undefined): PDFObject | undefined;
  write(ref: PDFRef, object: PDFObject): void;
  newRef(): PDFRef;
}

/**
 * A signature's invisible widget tagged as PDF/UA asks: a Form element added to the document's
 * one top element (or beside the others at the top), holding an object reference to the widget;
 * an entry for it in the parent tree; the widget's /StructParent, and a description (/TU) a
 * screen reader reads. The same for the seal (written into the document) and a countersignature
 * (written as its incremental update): the seal's check leaves exactly these out of what it
 * compares (document-state.ts), so the countersigned file stays PDF/UA and the seal valid.
 * Answers false, changing nothing, for an untagged PDF or a structure this app does not write
 * (a structure tree or parent tree held directly in its parent, a parent tree split into nodes).
 */
function tagWidget(
  objects: PdfObjects,
  catalog: PDFDict,
  widget: { ref: PDFRef; dict: PDFDict; page: PDFRef },
  description: string,
): boolean {
  const { context } = objects;
  const rootRef = catalog.get(PDFName.of('StructTreeRoot'));
  const root = objects.resolve(rootRef);
  const treeRef = root instanceof PDFDict ? root.get(PDFName.of('ParentTree')) : undefined;
  const tree = objects.resolve(treeRef);
  if (!(rootRef instanceof PDFRef) || !(root instanceof PDFDict)) return false;
  if (!(treeRef instanceof PDFRef) || !(tree instanceof PDFDict) || tree.has(PDFName.of('Kids'))) return false;
  const nums = tree.get(PDFName.of('Nums'));
  if (nums !== undefined && !(nums instanceof PDFArray)) return false;

  const kids = (list: PDFObject | undefined) => {
    const resolved = objects.resolve(list);
    return resolved instanceof PDFArray ? resolved.asArray() : list === undefined ? [] : [list];
  };
  const top = kids(root.get(PDFName.of('K')));
  const topElement = top.length === 1 ? objects.resolve(top[0]) : undefined;
  const [parentRef, parent] =
    top[0] instanceof PDFRef && topElement instanceof PDFDict ? [top[0], topElement] : [rootRef, root];
  const parentKids = parent.get(PDFName.of('K'));
  if (parentKids instanceof PDFRef) return false;

  const key = Math.max(
    numberOrZero(root.get(PDFName.of('ParentTreeNextKey'))),
    ...(nums?.asArray() ?? []).filter((_, i) => i % 2 === 0).map((n) => numberOrZero(n) + 1),
  );
  const page = widget.page;
  const element = objects.newRef();
  objects.write(
    element,
    context.obj({
      Type: 'StructElem',
      S: 'Form',
      P: parentRef,
      Pg: page,
      K: { Type: 'OBJR', Obj: widget.ref, Pg: page },
    }),
  );
  objects.write(parentRef, withEntry(parent, 'K', context.obj([...kids(parentKids), element])));
  objects.write(
    treeRef,
    withEntry(tree, 'Nums', context.obj([...(nums?.asArray() ?? []), PDFNumber.of(key), element])),
  );
  const latestRoot = objects.resolve(rootRef) as PDFDict;
  objects.write(rootRef, withEntry(latestRoot, 'ParentTreeNextKey', PDFNumber.of(key + 1)));
  widget.dict.set(PDFName.of('TU'), PDFHexString.fromText(description));
  widget.dict.set(PDFName.of('StructParent'), PDFNumber.of(key));
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
