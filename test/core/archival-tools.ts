import { spawnSync } from 'node:child_process';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, StandardFonts, type PDFRef } from 'pdf-lib';

/** Whether a command-line tool is on the PATH. */
export const hasTool = (tool: string, flag = '--version') => !spawnSync(tool, [flag]).error;

/** Runs a tool: its exit code and what it printed, apart (pdfsig exits 0 even on a mismatch). */
export function run(tool: string, args: string[]) {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A value of qpdf's JSON (version 2): names "/N", strings "u:text" or "b:hex", references "n g R". */
export type QpdfValue = null | boolean | number | string | QpdfValue[] | { [key: string]: QpdfValue };
type QpdfDict = { [key: string]: QpdfValue };

/**
 * A PDF as qpdf reads it (`qpdf --json=2 --json-stream-data=inline`): every object, the trailer,
 * and streams' decoded data. The structure below is read through qpdf, not through pdf-lib.
 */
export class QpdfJson {
  readonly objects: Record<string, { value?: QpdfValue; stream?: { dict: QpdfDict; data?: string } }>;
  readonly trailer: QpdfDict;

  constructor(file: string) {
    const result = run('qpdf', [
      '--json=2',
      '--json-key=qpdf',
      '--json-stream-data=inline',
      '--decode-level=generalized',
      file,
    ]);
    if (result.status !== 0) throw new Error(`qpdf --json failed: ${result.stderr}`);
    const json = JSON.parse(result.stdout) as { qpdf: [unknown, Record<string, never>] };
    this.objects = json.qpdf[1];
    this.trailer = (this.objects.trailer as unknown as { value: QpdfDict }).value;
  }

  static isRef(value: QpdfValue | undefined): value is string {
    return typeof value === 'string' && /^\d+ \d+ R$/.test(value);
  }

  /** The object a reference names (a stream's dictionary for a stream), or the value itself. */
  resolve(value: QpdfValue | undefined): QpdfValue | undefined {
    if (!QpdfJson.isRef(value)) return value;
    const object = this.objects[`obj:${value}`];
    return object?.stream ? object.stream.dict : object?.value;
  }

  dict(value: QpdfValue | undefined): QpdfDict | undefined {
    const resolved = this.resolve(value);
    return resolved && typeof resolved === 'object' && !Array.isArray(resolved) ? resolved : undefined;
  }

  /** An array's items; a single value (a reference kept as it is) as a list of one. */
  array(value: QpdfValue | undefined): QpdfValue[] {
    const resolved = this.resolve(value);
    if (Array.isArray(resolved)) return resolved;
    return value === undefined || value === null ? [] : [value];
  }

  /** A stream's decoded bytes. */
  data(ref: QpdfValue | undefined): Buffer {
    const stream = QpdfJson.isRef(ref) ? this.objects[`obj:${ref}`]?.stream : undefined;
    if (!stream?.data) throw new Error(`no stream data for ${JSON.stringify(ref)}`);
    return Buffer.from(stream.data, 'base64');
  }

  get catalog(): QpdfDict {
    return this.dict(this.trailer['/Root'])!;
  }

  /** A PDF string's text. */
  static text(value: QpdfValue | undefined): string | undefined {
    if (typeof value !== 'string') return undefined;
    if (value.startsWith('u:')) return value.slice(2);
    if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
    return undefined;
  }
}

/**
 * What mutool trace drew outside marked content: its <layer …/> … <end_layer/> pairs are the
 * marked-content sequences (an /Artifact among them). Clips are not counted: mutool also reports a
 * form's bounding box as a clip, which no content operator drew (the reader's own unit tests show
 * clipping paths wrapped).
 */
export function unmarkedDrawing(trace: string): { unmarked: string[]; layers: Map<string, number>; drawn: number } {
  const unmarked: string[] = [];
  const layers = new Map<string, number>();
  let depth = 0;
  let drawn = 0;
  for (const line of trace.split('\n')) {
    const text = line.trim();
    const layer = /^<layer name="([^"]*)"/.exec(text);
    if (layer) {
      depth++;
      layers.set(layer[1]!, (layers.get(layer[1]!) ?? 0) + 1);
    } else if (text.startsWith('<end_layer')) depth--;
    else if (
      /^<(fill_text|stroke_text|clip_text|fill_image|fill_image_mask|fill_path|stroke_path|fill_shade)\b/.test(text)
    ) {
      drawn++;
      if (depth <= 0) unmarked.push(text.slice(0, 80));
    }
  }
  return { unmarked, layers, drawn };
}

/**
 * A small tagged PDF whose one page draws `content` (Helvetica as /F1): a Document element holding
 * a P whose kids are MCIDs 0…mcids-1 on the page, with a parent tree to match.
 */
export async function taggedPdf(content: string | Uint8Array, mcids = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  const { context } = doc;
  page.node.setFontDictionary(PDFName.of('F1'), font.ref);
  page.node.set(PDFName.of('Contents'), context.register(context.stream(content)));
  page.node.set(PDFName.of('StructParents'), PDFNumber.of(0));
  const rootRef = context.nextRef();
  const documentRef = context.nextRef();
  const paragraphRef = context.nextRef();
  const kids = Array.from({ length: mcids }, (_, i) => i);
  context.assign(paragraphRef, context.obj({ Type: 'StructElem', S: 'P', P: documentRef, Pg: page.ref, K: kids }));
  context.assign(documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: [paragraphRef] }));
  const parentTree = context.register(context.obj({ Nums: [0, kids.map(() => paragraphRef)] }));
  context.assign(
    rootRef,
    context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: parentTree, ParentTreeNextKey: 1 }),
  );
  doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  return doc.save({ useObjectStreams: false });
}

/**
 * Like taggedPdf, with a form /Fm1 that has marked content of its own (/StructParents 1): its
 * MCID 0 belongs to a second P, through a marked-content reference naming the form.
 */
export async function taggedPdfWithForm(pageContent: string, formContent: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await taggedPdf(pageContent), { updateMetadata: false });
  const { context } = doc;
  const page = doc.getPage(0);
  const font = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict).get(PDFName.of('F1'))!;
  const form = context.register(
    context.stream(formContent, {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, 595, 842],
      Resources: { Font: { F1: font } },
      StructParents: 1,
    }),
  );
  page.node.Resources()!.set(PDFName.of('XObject'), context.obj({ Fm1: form }));
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const documentRef = root.get(PDFName.of('K')) as PDFRef;
  const paragraph = context.register(
    context.obj({ Type: 'StructElem', S: 'P', P: documentRef, K: { Type: 'MCR', Stm: form, Pg: page.ref, MCID: 0 } }),
  );
  context.lookup(documentRef, PDFDict).lookup(PDFName.of('K'), PDFArray).push(paragraph);
  root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).push(PDFNumber.of(1));
  root
    .lookup(PDFName.of('ParentTree'), PDFDict)
    .lookup(PDFName.of('Nums'), PDFArray)
    .push(context.obj([paragraph]));
  root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(2));
  return doc.save({ useObjectStreams: false });
}
