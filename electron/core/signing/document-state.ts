import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { PdfDamaged, PdfOverBudget, type PdfRevision } from './pdf-reader';

/** A signature field with a value: one signature, named by its byte range. */
export interface SignatureField {
  /** The ByteRange as written, "0 840 17226 2210": a signature's identity across revisions. */
  key: string;
  value: PDFDict;
  /** Digest of the signature dictionary, to see it unchanged in a later revision. */
  digest: string;
}

/**
 * What a reader shows and carries, revision by revision, as digests: each page (its content,
 * resources, boxes), each page's annotations other than invisible signature widgets, the attached
 * files, the form's other fields, and the rest of the catalog. Two revisions with the same
 * digests show and carry the same thing; signatures added between them are listed apart.
 */
export interface DocumentState {
  pages: string[];
  annotations: string[];
  attachments: string;
  form: string;
  document: string;
  signatures: SignatureField[];
}

const maxPages = 10_000;
const maxDepth = 200;
const maxNodes = 2_000_000;
/** Keys that point back up a tree; following them would describe the same thing again. */
const backLinks = new Set(['Parent', 'P']);
const inherited = ['Resources', 'MediaBox', 'CropBox', 'Rotate'];

export function describeDocument(revision: PdfRevision): DocumentState {
  return new Describer(revision).describe();
}

class Describer {
  private readonly memo = new Map<number, string>();
  private readonly inProgress = new Set<number>();
  private readonly pageIndex = new Map<number, number>();
  private nodes = 0;

  constructor(private readonly revision: PdfRevision) {}

  describe(): DocumentState {
    const r = this.revision;
    const catalog = r.catalog();
    const pages = this.collectPages(catalog);
    pages.forEach((page, index) => this.pageIndex.set(page.ref.objectNumber, index));

    const pageDigests = pages.map(({ dict, inheritedFrom }) => {
      const own = new Map<string, PDFObject>();
      for (const [key, value] of dict.entries()) if (key.asString() !== '/Annots') own.set(key.asString(), value);
      for (const [key, value] of inheritedFrom) if (!own.has(key)) own.set(key, value);
      return this.digestEntries([...own.entries()], 0);
    });
    const annotationDigests = pages.map(({ dict }) => {
      const annotations = r.array(dict, 'Annots')?.asArray() ?? [];
      const shown = annotations.filter((annotation) => !this.isInvisibleSignatureWidget(r.resolve(annotation)));
      return this.digestList(shown, 0);
    });

    const names = r.dict(catalog, 'Names');
    const attachments = this.digestList(
      [names?.get(PDFName.of('EmbeddedFiles')) ?? PDFNull, catalog.get(PDFName.of('AF')) ?? PDFNull],
      0,
    );
    const otherNames = names ? [...names.entries()].filter(([key]) => key.asString() !== '/EmbeddedFiles') : [];
    const rest = [...catalog.entries()].filter(
      ([key]) => !['/Pages', '/AcroForm', '/DSS', '/AF', '/Names', '/StructTreeRoot'].includes(key.asString()),
    );
    // The information dictionary's title is what a reader shows in its title bar; only the
    // producer and modification date may change with a signature.
    const info = r.dict(r.trailer, 'Info');
    const shownInfo = info
      ? [...info.entries()].filter(([key]) => !['/ModDate', '/Producer'].includes(key.asString()))
      : [];
    const document = sha(
      this.digestEntries(asEntries(rest), 0) +
        this.structureDigest(catalog.get(PDFName.of('StructTreeRoot'))) +
        this.digestEntries(asEntries(otherNames), 0) +
        this.digestEntries(asEntries(shownInfo), 0),
    );

    const { form, signatures } = this.collectFields(r.dict(catalog, 'AcroForm'));
    return { pages: pageDigests, annotations: annotationDigests, attachments, form, document, signatures };
  }

  /** The page tree's leaves in order, each with the attributes it inherits. */
  private collectPages(catalog: PDFDict): { ref: PDFRef; dict: PDFDict; inheritedFrom: Map<string, PDFObject> }[] {
    const r = this.revision;
    const pages: { ref: PDFRef; dict: PDFDict; inheritedFrom: Map<string, PDFObject> }[] = [];
    const seen = new Set<number>();
    const walk = (ref: PDFObject | undefined, from: Map<string, PDFObject>, depth: number) => {
      if (!(ref instanceof PDFRef) || depth > 64) throw new PdfDamaged('a page tree that is not a tree');
      if (seen.has(ref.objectNumber)) throw new PdfDamaged('a page tree with a loop');
      seen.add(ref.objectNumber);
      const node = r.resolve(ref);
      if (!(node instanceof PDFDict)) throw new PdfDamaged('a page that is not a dictionary');
      const here = new Map(from);
      for (const key of inherited) {
        const value = node.get(PDFName.of(key));
        if (value !== undefined) here.set(`/${key}`, value);
      }
      const kids = r.array(node, 'Kids');
      if (node.get(PDFName.of('Type')) === PDFName.of('Pages') || kids) {
        for (const kid of kids?.asArray() ?? []) walk(kid, here, depth + 1);
      } else {
        if (pages.length >= maxPages) throw new PdfOverBudget('pages');
        pages.push({ ref, dict: node, inheritedFrom: here });
      }
    };
    walk(catalog.get(PDFName.of('Pages')), new Map(), 0);
    return pages;
  }

  /** Every terminal form field: signature fields with a value apart, the others into one digest with the form's own entries. */
  private collectFields(form: PDFDict | undefined): { form: string; signatures: SignatureField[] } {
    const r = this.revision;
    const signatures: SignatureField[] = [];
    const others: PDFObject[] = [];
    const seen = new Set<PDFObject>();
    const walk = (field: PDFObject, inheritedType: PDFObject | undefined, depth: number) => {
      const dict = r.resolve(field);
      if (!(dict instanceof PDFDict) || seen.has(dict) || depth > 32) return;
      seen.add(dict);
      const type = dict.get(PDFName.of('FT')) ?? inheritedType;
      const kids = r
        .array(dict, 'Kids')
        ?.asArray()
        .filter((kid) => {
          const resolved = r.resolve(kid);
          return resolved instanceof PDFDict && resolved.has(PDFName.of('T'));
        });
      if (kids && kids.length > 0) {
        for (const kid of kids) walk(kid, type, depth + 1);
        return;
      }
      const value = r.get(dict, 'V');
      if (type === PDFName.of('Sig') && value instanceof PDFDict) {
        const byteRange = r.array(value, 'ByteRange');
        const key =
          byteRange
            ?.asArray()
            .map((n) => (n instanceof PDFNumber ? String(n.asNumber()) : '?'))
            .join(' ') ?? '';
        signatures.push({ key, value, digest: this.digest(value, 0) });
      }
      // Any other field, or a signature field that also carries actions, is compared whole.
      if (type !== PDFName.of('Sig') || !onlySignatureEntries(dict)) others.push(field);
    };
    for (const field of r.array(form, 'Fields')?.asArray() ?? []) walk(field, undefined, 0);
    const formEntries = form
      ? [...form.entries()].filter(([key]) => !['/Fields', '/SigFlags'].includes(key.asString()))
      : [];
    const entries = formEntries.map(([key, value]): [string, PDFObject] => [key.asString(), value]);
    return { form: sha(this.digestEntries(entries, 0) + this.digestList(others, 0)), signatures };
  }

  /**
   * The structure tree (what a screen reader reads), as a digest, with one thing left out: the
   * Form elements that tag signature widgets, and their parent tree entries. A countersignature
   * tags its widget in the document's top element, as PDF/UA asks, and that must not read as a
   * change to what the seal covers; everything else in the tree still counts. The parent tree is
   * taken as its pairs of key and value, however its nodes are split.
   */
  private structureDigest(rootObject: PDFObject | undefined): string {
    const r = this.revision;
    const root = r.resolve(rootObject);
    if (!(root instanceof PDFDict)) return this.digest(rootObject, 0);
    // The root's elements, and the elements inside each of them, are read without the tags of
    // signature widgets: that is where a signature's Form element goes (see seal.ts).
    const topLevel = new Map<number, string>();
    const withoutSignatureTags = (kids: PDFObject | undefined) =>
      this.kidsOf(kids).filter((kid) => !this.isSignatureTag(kid));
    const topKids = withoutSignatureTags(root.get(PDFName.of('K')));
    for (const kid of topKids) {
      const element = r.resolve(kid);
      if (!(kid instanceof PDFRef) || !(element instanceof PDFDict)) continue;
      const entries = [...element.entries()].filter(([key]) => key.asString() !== '/K');
      topLevel.set(
        kid.objectNumber,
        sha(
          this.digestEntries(asEntries(entries), 1) +
            this.digestList(withoutSignatureTags(element.get(PDFName.of('K'))), 1),
        ),
      );
    }
    const element = (object: PDFObject) =>
      object instanceof PDFRef && topLevel.has(object.objectNumber)
        ? topLevel.get(object.objectNumber)!
        : this.digest(object, 2);
    const pairs: string[] = [];
    this.walkNumberTree(root.get(PDFName.of('ParentTree')), (key, value) => {
      if (this.isSignatureTag(value)) return;
      const resolved = r.resolve(value);
      const digest = resolved instanceof PDFArray ? sha(resolved.asArray().map(element).join(',')) : element(value);
      pairs.push(`${key}=${digest}`);
    });
    const rest = [...root.entries()].filter(
      ([key]) => !['/K', '/ParentTree', '/ParentTreeNextKey'].includes(key.asString()),
    );
    return sha(this.digestEntries(asEntries(rest), 0) + topKids.map(element).join(',') + `|${pairs.sort().join(',')}`);
  }

  /** A structure element's kids, or a list's items, as a list: one kid may stand alone. */
  private kidsOf(kids: PDFObject | undefined): PDFObject[] {
    const list = this.revision.resolve(kids);
    if (list === undefined) return [];
    return list instanceof PDFArray ? list.asArray() : [kids!];
  }

  /** Every pair of a number tree, in its nodes' order; a tree past the budgets is refused. */
  private walkNumberTree(tree: PDFObject | undefined, visit: (key: string, value: PDFObject) => void): void {
    const r = this.revision;
    const seen = new Set<PDFDict>();
    const walk = (node: PDFObject | undefined, depth: number) => {
      const dict = r.resolve(node);
      if (!(dict instanceof PDFDict) || seen.has(dict)) return;
      if (depth > 32) throw new PdfOverBudget('nesting');
      seen.add(dict);
      const nums = r.array(dict, 'Nums')?.asArray() ?? [];
      for (let i = 0; i + 1 < nums.length; i += 2) {
        if (++this.nodes > maxNodes) throw new PdfOverBudget('objects');
        visit(this.digest(nums[i], 0), nums[i + 1]!);
      }
      for (const kid of r.array(dict, 'Kids')?.asArray() ?? []) walk(kid, depth + 1);
    };
    walk(tree, 0);
  }

  /**
   * A structure element that only tags a signature's widget: a Form element whose one kid is an
   * object reference to an invisible signature widget holding a signature, and nothing else.
   */
  private isSignatureTag(object: PDFObject | undefined): boolean {
    const r = this.revision;
    const element = r.resolve(object);
    if (!(element instanceof PDFDict) || element.get(PDFName.of('S')) !== PDFName.of('Form')) return false;
    if (!element.keys().every((key) => ['/Type', '/S', '/P', '/Pg', '/K'].includes(key.asString()))) return false;
    const reference = r.resolve(element.get(PDFName.of('K')));
    if (!(reference instanceof PDFDict) || reference.get(PDFName.of('Type')) !== PDFName.of('OBJR')) return false;
    if (!reference.keys().every((key) => ['/Type', '/Obj', '/Pg'].includes(key.asString()))) return false;
    return this.isInvisibleSignatureWidget(r.resolve(reference.get(PDFName.of('Obj'))));
  }

  /**
   * A signature widget nobody sees and that does nothing: a zero-size rectangle or hidden, only
   * the entries a signature field needs (no actions), and a signature as its value. Only these
   * may be added after a seal, each with the signature the check then lists.
   */
  private isInvisibleSignatureWidget(annotation: PDFObject | undefined): boolean {
    const r = this.revision;
    if (!(annotation instanceof PDFDict) || annotation.get(PDFName.of('Subtype')) !== PDFName.of('Widget'))
      return false;
    if (!onlySignatureEntries(annotation)) return false;
    let type = annotation.get(PDFName.of('FT'));
    let value = r.get(annotation, 'V');
    let parent = r.dict(annotation, 'Parent');
    for (let depth = 0; (type === undefined || value === undefined) && parent && depth < 32; depth++) {
      type ??= parent.get(PDFName.of('FT'));
      value ??= r.get(parent, 'V');
      parent = r.dict(parent, 'Parent');
    }
    if (type !== PDFName.of('Sig') || !(value instanceof PDFDict) || !r.array(value, 'ByteRange')) return false;
    const rect = r
      .array(annotation, 'Rect')
      ?.asArray()
      .map((n) => r.resolve(n));
    const [x1, y1, x2, y2] = (rect ?? []).map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
    const flags = r.get(annotation, 'F');
    const hidden = flags instanceof PDFNumber && (flags.asNumber() & 2) !== 0;
    return hidden || (rect?.length === 4 && (x1 === x2 || y1 === y2));
  }

  private digestList(items: PDFObject[], depth: number): string {
    return sha(`[${items.map((item) => this.digest(item, depth + 1)).join(',')}]`);
  }

  private digestEntries(entries: [string, PDFObject][], depth: number): string {
    const parts = entries
      .filter(([key]) => !backLinks.has(key.slice(1)))
      .map(([key, value]) => `${key}=${this.digest(value, depth + 1)}`)
      .sort();
    return sha(`<<${parts.join(',')}>>`);
  }

  /** A Merkle digest of an object and everything it reaches, pages named by their place, back-links left out. */
  digest(object: PDFObject | undefined, depth: number): string {
    if (++this.nodes > maxNodes) throw new PdfOverBudget('objects');
    if (depth > maxDepth) throw new PdfOverBudget('nesting');
    if (object instanceof PDFRef) {
      const page = this.pageIndex.get(object.objectNumber);
      if (page !== undefined) return `page:${page}`;
      const known = this.memo.get(object.objectNumber);
      if (known) return known;
      if (this.inProgress.has(object.objectNumber)) return 'cycle';
      this.inProgress.add(object.objectNumber);
      const value = this.digest(this.revision.resolve(object), depth + 1);
      this.inProgress.delete(object.objectNumber);
      this.memo.set(object.objectNumber, value);
      return value;
    }
    if (object instanceof PDFDict)
      return this.digestEntries(
        [...object.entries()].map(([key, value]) => [key.asString(), value]),
        depth,
      );
    if (object instanceof PDFArray) return this.digestList(object.asArray(), depth);
    if (object instanceof PDFRawStream) {
      const entries = [...object.dict.entries()].filter(([key]) => key.asString() !== '/Length');
      return sha(
        `stream:${this.digestEntries(
          entries.map(([key, value]) => [key.asString(), value]),
          depth,
        )}:${sha(object.contents)}`,
      );
    }
    if (object instanceof PDFString || object instanceof PDFHexString)
      return `s:${Buffer.from(object.asBytes()).toString('hex')}`;
    if (object instanceof PDFName) return `n:${object.asString()}`;
    if (object instanceof PDFNumber) return `#${object.asNumber()}`;
    if (object instanceof PDFBool) return `b:${object.asBoolean()}`;
    return 'null';
  }
}

/** What a signature field and its widget may hold; anything else (an action, above all) is content. */
const signatureEntries = new Set([
  'Type',
  'Subtype',
  'FT',
  'Rect',
  'V',
  'T',
  'TU',
  'TM',
  'F',
  'Ff',
  'P',
  'AP',
  'AS',
  'Parent',
  'Lock',
  'SV',
  'DA',
  'MK',
  'M',
  'NM',
  'StructParent',
  'Border',
  'BS',
]);

function asEntries(entries: [PDFName, PDFObject][]): [string, PDFObject][] {
  return entries.map(([key, value]) => [key.asString(), value]);
}

function onlySignatureEntries(dict: PDFDict): boolean {
  return dict.keys().every((key) => signatureEntries.has(key.asString().slice(1)));
}

function sha(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('base64');
}

/** What differs between a signed revision and the document as it is now, in plain words. */
export function changesBetween(signed: DocumentState, now: DocumentState): string[] {
  const changes: string[] = [];
  if (signed.pages.length !== now.pages.length)
    changes.push(`the number of pages (${signed.pages.length} when signed, ${now.pages.length} now)`);
  const shared = Math.min(signed.pages.length, now.pages.length);
  for (let i = 0; i < shared; i++) {
    if (signed.pages[i] !== now.pages[i]) changes.push(`page ${i + 1}`);
    if (signed.annotations[i] !== now.annotations[i]) changes.push(`the annotations on page ${i + 1}`);
  }
  if (signed.attachments !== now.attachments) changes.push('the attached files (minutes.json)');
  if (signed.form !== now.form) changes.push('the form fields');
  if (signed.document !== now.document)
    changes.push('the document’s catalog or information (its title, how it opens, its structure or its actions)');
  const kept = new Map(now.signatures.map((signature) => [signature.key, signature.digest]));
  if (signed.signatures.some((signature) => kept.get(signature.key) !== signature.digest))
    changes.push('an earlier signature was removed or replaced');
  return changes;
}
