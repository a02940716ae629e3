import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, type PDFObject } from 'pdf-lib';
import { appendRevision, ascii, readTrailer, type NewObject, type RevisionOptions } from './pdf-bytes';

/** An object being edited, and the indirect object it is written in (itself, or the one holding it). */
export interface Held<T> {
  ref: PDFRef;
  value: T;
}

type Container = PDFDict | PDFArray;
/** PDFDict or PDFArray as a value (their constructors are private, so no `new` signature). */
type Kind<T extends Container> = (typeof PDFDict | typeof PDFArray) & { prototype: T };

/**
 * One incremental update being written over a PDF. pdf-lib reads the latest version of every
 * object; an edit changes that in-memory object and marks it to be written again, under the same
 * number, in the appended revision. pdf-lib never saves the file: the original bytes stay as they are.
 */
export class Update {
  private readonly written = new Map<number, { gen: number; body: () => Buffer }>();
  private next: number;

  private constructor(
    readonly original: Buffer,
    readonly doc: PDFDocument,
  ) {
    this.next = Math.max(readTrailer(original).size, doc.context.largestObjectNumber + 1);
  }

  static async of(pdf: Uint8Array): Promise<Update> {
    const original = Buffer.from(pdf);
    return new Update(original, await PDFDocument.load(original, { updateMetadata: false, ignoreEncryption: true }));
  }

  catalog(): Held<PDFDict> {
    return { ref: this.doc.context.trailerInfo.Root as PDFRef, value: this.doc.catalog };
  }

  page(index: number): Held<PDFDict> {
    const page = this.doc.getPages()[index];
    if (!page) throw new Error(`no page ${index + 1}`);
    return { ref: page.ref, value: page.node };
  }

  /** Marks an indirect object to be written again in this update, and returns it to change. */
  edit<T extends Container>(ref: PDFRef, type: Kind<T>): T {
    const object = this.doc.context.lookup(ref, type as typeof PDFDict) as unknown as T;
    this.written.set(ref.objectNumber, { gen: ref.generationNumber, body: () => serialise(object) });
    return object;
  }

  /**
   * The array or dictionary under `key` in `owner`, to change (made empty when missing). An
   * indirect one is written again itself; a direct one by writing its owner again.
   */
  child<T extends Container>(owner: Held<PDFDict>, key: string, type: Kind<T>, empty: () => T): Held<T> {
    const value = owner.value.get(PDFName.of(key));
    if (value instanceof PDFRef) return { ref: value, value: this.edit(value, type) };
    this.edit(owner.ref, PDFDict);
    if (value instanceof type) return { ref: owner.ref, value: value };
    const made = empty();
    owner.value.set(PDFName.of(key), made);
    return { ref: owner.ref, value: made };
  }

  /** A new object; `body` is PDF text or bytes. */
  add(body: string | Buffer): PDFRef {
    const ref = PDFRef.of(this.next++);
    this.replace(ref, body);
    return ref;
  }

  /** A new version of an existing object, written as given. */
  replace(ref: PDFRef, body: string | Buffer): void {
    const bytes = typeof body === 'string' ? ascii(body) : body;
    this.written.set(ref.objectNumber, { gen: ref.generationNumber, body: () => bytes });
  }

  /** The whole file: the original bytes and this update appended. */
  write(options: RevisionOptions = {}): Buffer {
    const objects: NewObject[] = [...this.written].map(([num, { gen, body }]) => ({ num, gen, body: body() }));
    return appendRevision(this.original, objects, options);
  }
}

/** An object as pdf-lib would write it. */
export function serialise(object: PDFObject): Buffer {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return Buffer.from(bytes);
}

/** Adds `by` to a dictionary's number entry (a page tree's /Count). */
export function addToNumber(dict: PDFDict, key: string, by: number): void {
  const value = dict.lookup(PDFName.of(key), PDFNumber);
  dict.set(PDFName.of(key), PDFNumber.of(value.asNumber() + by));
}
