import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import srgbProfile from '../../../resources/color/srgb.icc.json';

/** How an attached file relates to the document (PDF/A-3's /AFRelationship). */
export type AttachmentRelationship = 'Data' | 'Source' | 'Supplement' | 'Alternative' | 'Unspecified';

export interface ArchivalAttachment {
  name: string;
  bytes: Uint8Array;
  /** A MIME type, such as application/json. */
  mimeType: string;
  description: string;
  relationship: AttachmentRelationship;
}

export interface ArchivalOptions {
  title: string;
  /** The document's language, a BCP 47 tag such as 'en-GB'. */
  language: string;
  /** The app and its version, such as 'Relational Review 1.2.3': the PDF's Creator. */
  creatorTool: string;
  createdAt: Date;
  attachments: ArchivalAttachment[];
}

/** Limits on what is read: the minutes are a few pages, and anything far beyond them is refused. */
const budget = {
  pdfBytes: 64 * 1024 * 1024,
  /** The decoded content of one page, all its content streams together. */
  contentBytes: 8 * 1024 * 1024,
  operands: 100_000,
  operandNesting: 32,
  markedContentDepth: 64,
  structureElements: 200_000,
  structureDepth: 256,
  treeNodes: 100_000,
  outlineItems: 100_000,
};

/**
 * Makes the PDF Chromium printed archival (PDF/A-3a) and accessible (PDF/UA-1), keeping its tags,
 * fonts, outline, links and pages, and returns bytes ready for sealPdf:
 * - XMP metadata (pdfaid part 3, conformance A; pdfuaid part 1, with its extension schema) and an
 *   information dictionary that says the same; an sRGB output intent; a trailer /ID;
 * - the attachments as associated files (/AFRelationship, listed in the catalog's /AF);
 * - everything drawn outside marked content (the footer, clips, borders) marked as an artifact;
 * - the structure tree repaired: a role map for Chromium's own types (Strong, Em), its NonStruct
 *   wrappers merged into their parents, an LBody in every list item;
 * - /MarkInfo, /Lang, /DisplayDocTitle, /Tabs /S, and a description on every link.
 * Throws an Error in plain words on a PDF it cannot change safely (untagged, encrypted, content it
 * cannot read), rather than guessing.
 */
export async function toArchivalPdf(printed: Uint8Array, options: ArchivalOptions): Promise<Uint8Array> {
  checkOptions(options);
  if (printed.length > budget.pdfBytes) throw new Error('The printed minutes are too large to make archival.');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(printed, { updateMetadata: false });
  } catch (error) {
    throw new Error('The printed minutes are not a PDF that can be read.', { cause: error });
  }
  if (doc.isEncrypted) throw new Error('The printed minutes are encrypted, so they cannot be made archival.');
  const { context, catalog } = doc;
  // PDF/UA-1 and PDF/A-3 are both built on PDF 1.7.
  context.header = PDFHeader.forVersion(1, 7);

  markPageContents(doc);
  new StructureRepair(doc).run();
  describeAnnotations(doc);

  catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  catalog.set(PDFName.of('Lang'), PDFString.of(options.language));
  const preferences = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  if (preferences) preferences.set(PDFName.of('DisplayDocTitle'), context.obj(true));
  else catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));

  attachFiles(doc, options);
  catalog.set(PDFName.of('OutputIntents'), context.obj([outputIntent(context)]));
  writeMetadata(doc, options);

  // The file's identifier: the first half of a SHA-256 over everything it was made from.
  const id = createHash('sha256').update(printed);
  for (const attachment of options.attachments)
    id.update(`\0${attachment.name}\0${attachment.bytes.length}\0`).update(attachment.bytes);
  id.update(JSON.stringify({ ...options, attachments: undefined }));
  const idHex = id.digest('hex').slice(0, 32);
  context.trailerInfo.ID = context.obj([PDFHexString.of(idHex), PDFHexString.of(idHex)]);

  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

const relationships: readonly AttachmentRelationship[] = ['Data', 'Source', 'Supplement', 'Alternative', 'Unspecified'];

function checkOptions(options: ArchivalOptions): void {
  if (!options.title.trim()) throw new Error('An archival PDF needs a title.');
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(options.language))
    throw new Error(`"${options.language}" is not a language tag such as en-GB.`);
  if (Number.isNaN(options.createdAt.getTime())) throw new Error('An archival PDF needs the time it was made.');
  if (!options.creatorTool.trim()) throw new Error('An archival PDF names the app that made it.');
  const names = new Set<string>();
  for (const attachment of options.attachments) {
    if (!attachment.name || names.has(attachment.name))
      throw new Error(`Every attached file needs a name of its own ("${attachment.name}").`);
    names.add(attachment.name);
    if (!relationships.includes(attachment.relationship))
      throw new Error(`"${String(attachment.relationship)}" is not a relationship PDF/A-3 knows.`);
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(attachment.mimeType))
      throw new Error(`"${attachment.mimeType}" is not a MIME type such as application/json.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Metadata, output intent, attachments

/** The sRGB profile, from resources/color (see resources/README.md), checked against its digest. */
function srgbProfileBytes(): Buffer {
  const bytes = Buffer.from(srgbProfile.base64, 'base64');
  if (createHash('sha256').update(bytes).digest('hex') !== srgbProfile.sha256)
    throw new Error('The sRGB colour profile built into the app is damaged. Reinstall the app.');
  return bytes;
}

function outputIntent(context: PDFContext): PDFDict {
  const profile = context.register(context.flateStream(srgbProfileBytes(), { N: 3 }));
  return context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(srgbProfile.name),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of(srgbProfile.name),
    DestOutputProfile: profile,
  });
}

/** Text as both the information dictionary and XMP carry it: no control characters, which XML cannot hold. */
// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An XMP date: whole seconds in UTC, as the information dictionary's PDF date says it. */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * XMP metadata and an information dictionary that agree entry for entry (PDF/A requires it). The
 * information dictionary is written afresh: Chromium's Creator is its user agent.
 */
function writeMetadata(doc: PDFDocument, options: ArchivalOptions): void {
  const { context, catalog } = doc;
  const oldInfo = context.lookup(context.trailerInfo.Info);
  const printedBy = oldInfo instanceof PDFDict ? textOf(oldInfo.lookup(PDFName.of('Producer'))) : null;
  const producer = plain(`${printedBy ? `${printedBy}; ` : ''}pdf-lib`);
  const title = plain(options.title);
  const creatorTool = plain(options.creatorTool);
  const date = PDFString.fromDate(options.createdAt);
  const info = context.obj({
    Title: PDFHexString.fromText(title),
    Creator: PDFHexString.fromText(creatorTool),
    Producer: PDFHexString.fromText(producer),
    CreationDate: date,
    ModDate: date,
  });
  if (context.trailerInfo.Info instanceof PDFRef) context.assign(context.trailerInfo.Info, info);
  else context.trailerInfo.Info = context.register(info);

  const when = xmpDate(options.createdAt);
  const packet = `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about=""
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:xmp="http://ns.adobe.com/xap/1.0/"
        xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
        xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
        xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
        xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
        xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
        xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
      <dc:format>application/pdf</dc:format>
      <dc:title>
        <rdf:Alt>
          <rdf:li xml:lang="x-default">${xml(title)}</rdf:li>
          <rdf:li xml:lang="${xml(options.language)}">${xml(title)}</rdf:li>
        </rdf:Alt>
      </dc:title>
      <dc:language>
        <rdf:Bag>
          <rdf:li>${xml(options.language)}</rdf:li>
        </rdf:Bag>
      </dc:language>
      <xmp:CreatorTool>${xml(creatorTool)}</xmp:CreatorTool>
      <xmp:CreateDate>${when}</xmp:CreateDate>
      <xmp:ModifyDate>${when}</xmp:ModifyDate>
      <xmp:MetadataDate>${when}</xmp:MetadataDate>
      <pdf:Producer>${xml(producer)}</pdf:Producer>
      <pdfaid:part>3</pdfaid:part>
      <pdfaid:conformance>A</pdfaid:conformance>
      <pdfuaid:part>1</pdfuaid:part>
      <pdfaExtension:schemas>
        <rdf:Bag>
          <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
            <pdfaSchema:property>
              <rdf:Seq>
                <rdf:li rdf:parseType="Resource">
                  <pdfaProperty:name>part</pdfaProperty:name>
                  <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                  <pdfaProperty:category>internal</pdfaProperty:category>
                  <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
                </rdf:li>
              </rdf:Seq>
            </pdfaSchema:property>
          </rdf:li>
        </rdf:Bag>
      </pdfaExtension:schemas>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
  // PDF/A: the metadata stream is not filtered, so any XMP reader can find it.
  const metadata = context.stream(Buffer.from(packet, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(metadata));
}

/**
 * Attaches each file as an associated file (PDF/A-3): an embedded file stream with its MIME type,
 * size, dates and checksum; a file specification with /F, /UF, /Desc and /AFRelationship; the
 * name tree sorted; and every file specification in the catalog's /AF.
 */
function attachFiles(doc: PDFDocument, options: ArchivalOptions): void {
  const { context, catalog } = doc;
  const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict) ?? context.obj({});
  catalog.set(PDFName.of('Names'), names);
  const existing = names.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const pairs: { key: PDFString | PDFHexString; spec: PDFObject }[] = [];
  if (existing) collectNameTree(context, existing, pairs, 0);
  const date = PDFString.fromDate(options.createdAt);
  for (const attachment of options.attachments) {
    if (pairs.some((pair) => pair.key.decodeText() === attachment.name))
      throw new Error(`The printed minutes already carry a file named ${attachment.name}.`);
    const stream = context.register(
      context.stream(deflateSync(attachment.bytes), {
        Type: 'EmbeddedFile',
        Subtype: attachment.mimeType,
        Filter: 'FlateDecode',
        Params: {
          Size: attachment.bytes.length,
          CreationDate: date,
          ModDate: date,
          CheckSum: PDFHexString.of(createHash('md5').update(attachment.bytes).digest('hex')),
        },
      }),
    );
    const spec = context.register(
      context.obj({
        Type: 'Filespec',
        F: /^[\x20-\x7e]*$/.test(attachment.name)
          ? PDFHexString.of(Buffer.from(attachment.name, 'latin1').toString('hex'))
          : PDFHexString.fromText(attachment.name),
        UF: PDFHexString.fromText(attachment.name),
        Desc: PDFHexString.fromText(attachment.description),
        AFRelationship: attachment.relationship,
        EF: { F: stream, UF: stream },
      }),
    );
    pairs.push({ key: PDFHexString.fromText(attachment.name), spec });
  }
  if (pairs.length === 0) return;
  const keyBytes = (pair: (typeof pairs)[number]) => Buffer.from(pair.key.asBytes());
  pairs.sort((a, b) => Buffer.compare(keyBytes(a), keyBytes(b)));
  names.set(PDFName.of('EmbeddedFiles'), context.obj({ Names: pairs.flatMap((pair) => [pair.key, pair.spec]) }));
  // Files attached before: each gets a relationship, as PDF/A-3 requires of every one.
  for (const { spec } of pairs) {
    const dict = context.lookup(spec);
    if (dict instanceof PDFDict && !dict.has(PDFName.of('AFRelationship')))
      dict.set(PDFName.of('AFRelationship'), PDFName.of('Unspecified'));
  }
  catalog.set(PDFName.of('AF'), context.obj(pairs.map((pair) => pair.spec)));
}

function collectNameTree(
  context: PDFContext,
  node: PDFDict,
  out: { key: PDFString | PDFHexString; spec: PDFObject }[],
  depth: number,
): void {
  if (depth > 32 || out.length > budget.treeNodes) throw new Error('The printed minutes’ list of files is too deep.');
  const items = node.lookupMaybe(PDFName.of('Names'), PDFArray)?.asArray() ?? [];
  for (let i = 0; i + 1 < items.length; i += 2) {
    const key = context.lookup(items[i]);
    if (key instanceof PDFString || key instanceof PDFHexString) out.push({ key, spec: items[i + 1]! });
  }
  for (const kid of node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) {
    const dict = context.lookup(kid);
    if (dict instanceof PDFDict) collectNameTree(context, dict, out, depth + 1);
  }
}

function textOf(object: PDFObject | undefined): string | null {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : null;
}

/**
 * Annotations as PDF/A and PDF/UA want them: printable, a link described in words (its /Contents),
 * and every page's tab order following the structure (/Tabs /S). Every page gets /Tabs, so the
 * page a signature widget is later added to already has it.
 */
function describeAnnotations(doc: PDFDocument): void {
  const { context } = doc;
  for (const page of doc.getPages()) {
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    for (const entry of page.node.Annots()?.asArray() ?? []) {
      const annotation = context.lookup(entry);
      if (!(annotation instanceof PDFDict)) continue;
      const subtype = annotation.get(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Popup')) continue;
      const flags = annotation.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0;
      annotation.set(PDFName.of('F'), PDFNumber.of(flags | 4));
      if (subtype === PDFName.of('Link') && !annotation.has(PDFName.of('Contents'))) {
        const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict);
        const uri = action && textOf(action.lookup(PDFName.of('URI')));
        annotation.set(
          PDFName.of('Contents'),
          PDFHexString.fromText(uri ? `Link to ${uri}` : 'Link to another place in this document'),
        );
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Content: everything drawn outside marked content becomes an artifact

/** What a page's (or a form's) resources say about the names its content uses. */
export interface ContentResources {
  /**
   * What `/Name Do` draws: an image; a form with no marked content in it; a form that is itself a
   * content item (a /StructParent); a form with marked content of its own (/StructParents, here or
   * in a form it draws); undefined when there is no such XObject.
   */
  xobject(name: string): 'image' | 'form' | 'tagged-form' | 'marked-form' | undefined;
  /** Whether the property list a BDC names carries an MCID. */
  propertiesHaveMcid(name: string): boolean;
}

export interface MarkedContent {
  bytes: Uint8Array;
  /** How many /Artifact sequences were added. */
  artifacts: number;
  /** How many marked-content sequences left open at the end were closed. */
  closed: number;
  /**
   * The forms with marked content of their own this content draws, and whether each is drawn
   * inside tagged content (or an artifact). One drawn outside must have its own content marked.
   */
  markedForms: { name: string; inside: boolean }[];
}

type Operand =
  | { type: 'name'; value: string }
  | { type: 'number'; value: number }
  | { type: 'string' }
  | { type: 'bool'; value: boolean }
  | { type: 'null' }
  | { type: 'array'; items: Operand[] }
  | { type: 'dict'; entries: Map<string, Operand> };

interface Operation {
  operator: string;
  operands: Operand[];
  /** Where its first operand (or the operator, with none) starts, and where the operator ends. */
  start: number;
  end: number;
}

/** Every operator of PDF 1.7's content streams (ISO 32000-1, Annex A). */
const operators = new Set(
  (
    'w J j M d ri i gs q Q cm m l c v y h re S s f F f* B B* b b* n W W* BT ET Tc Tw Tz TL Tf Tr Ts ' +
    'Td TD Tm T* Tj TJ \' " d0 d1 CS cs SC SCN sc scn G g RG rg K k sh BI ID EI Do MP DP BMC BDC EMC BX EX'
  ).split(' '),
);
const pathConstruction = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const pathPainting = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
const clipping = new Set(['W', 'W*']);
const textShowing = new Set(['Tj', 'TJ', "'", '"']);
const markedContent = new Set(['BMC', 'BDC', 'EMC']);

const whiteSpace = new Set([0, 9, 10, 12, 13, 32]);
/** ( ) < > [ ] { } / % */
const delimiters = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isWhite = (b: number | undefined) => b !== undefined && whiteSpace.has(b);
const isRegular = (b: number | undefined) => b !== undefined && !whiteSpace.has(b) && !delimiters.has(b);
const isHexDigit = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);

class ContentError extends Error {}

/** A strict reader of one content stream: it refuses what it cannot read rather than guess. */
class ContentLexer {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  private fail(what: string): never {
    throw new ContentError(`${what} at byte ${this.pos}`);
  }

  private skipSpace(): void {
    const { bytes } = this;
    while (this.pos < bytes.length) {
      const b = bytes[this.pos]!;
      if (isWhite(b)) this.pos++;
      else if (b === 0x25) {
        while (this.pos < bytes.length && bytes[this.pos] !== 0x0a && bytes[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  operations(): Operation[] {
    const operations: Operation[] = [];
    let operands: Operand[] = [];
    let operandsStart = 0;
    let compatibility = 0;
    for (this.skipSpace(); this.pos < this.bytes.length; this.skipSpace()) {
      const start = this.pos;
      const token = this.token(0);
      if (typeof token !== 'string') {
        if (operands.length === 0) operandsStart = start;
        operands.push(token);
        if (operands.length > budget.operands) this.fail('too many operands');
        continue;
      }
      if (token === 'BI') {
        if (operands.length) this.fail('operands before an inline image');
        this.inlineImage();
        operations.push({ operator: 'BI', operands: [], start, end: this.pos });
        continue;
      }
      if (token === 'ID' || token === 'EI') this.fail(`${token} outside an inline image`);
      if (token === 'BX') compatibility++;
      if (token === 'EX' && compatibility-- === 0) this.fail('EX with no BX');
      if (!operators.has(token) && compatibility === 0) this.fail(`an unknown operator "${token.slice(0, 20)}"`);
      operations.push({ operator: token, operands, start: operands.length ? operandsStart : start, end: this.pos });
      operands = [];
    }
    if (operands.length) this.fail('operands with no operator at the end');
    return operations;
  }

  /** An operand, or an operator's name. */
  private token(depth: number): Operand | string {
    if (depth > budget.operandNesting) this.fail('arrays or dictionaries nested too deep');
    const { bytes } = this;
    const b = bytes[this.pos]!;
    if (b === 0x28) return this.literalString();
    if (b === 0x3c) return bytes[this.pos + 1] === 0x3c ? this.dictionary(depth) : this.hexString();
    if (b === 0x5b) return this.array(depth);
    if (b === 0x2f) return this.name();
    if (!isRegular(b)) this.fail(`an unexpected "${String.fromCharCode(b)}"`);
    const start = this.pos;
    while (isRegular(bytes[this.pos])) this.pos++;
    const word = Buffer.from(bytes.subarray(start, this.pos)).toString('latin1');
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return { type: 'number', value: Number(word) };
    if (word === 'true' || word === 'false') return { type: 'bool', value: word === 'true' };
    if (word === 'null') return { type: 'null' };
    return word;
  }

  private operand(depth: number, what: string): Operand {
    this.skipSpace();
    if (this.pos >= this.bytes.length) this.fail(`${what} with no end`);
    const token = this.token(depth);
    if (typeof token === 'string') this.fail(`an operator inside ${what}`);
    return token;
  }

  private literalString(): Operand {
    const { bytes } = this;
    let depth = 0;
    const start = this.pos;
    while (this.pos < bytes.length) {
      const b = bytes[this.pos++];
      if (b === 0x5c) this.pos++;
      else if (b === 0x28) depth++;
      else if (b === 0x29 && --depth === 0) return { type: 'string' };
    }
    this.pos = start;
    this.fail('a string with no end');
  }

  private hexString(): Operand {
    const { bytes } = this;
    const start = this.pos++;
    while (this.pos < bytes.length) {
      const b = bytes[this.pos]!;
      this.pos++;
      if (b === 0x3e) return { type: 'string' };
      if (!isHexDigit(b) && !isWhite(b)) this.fail('a hexadecimal string with other characters in it');
    }
    this.pos = start;
    this.fail('a hexadecimal string with no end');
  }

  private name(): Operand {
    const { bytes } = this;
    const start = ++this.pos;
    while (isRegular(bytes[this.pos])) this.pos++;
    const raw = Buffer.from(bytes.subarray(start, this.pos)).toString('latin1');
    return {
      type: 'name',
      value: raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    };
  }

  private array(depth: number): Operand {
    this.pos++;
    const items: Operand[] = [];
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.pos] === 0x5d) {
        this.pos++;
        return { type: 'array', items };
      }
      items.push(this.operand(depth + 1, 'an array'));
      if (items.length > budget.operands) this.fail('an array too long');
    }
  }

  private dictionary(depth: number): Operand {
    this.pos += 2;
    const entries = new Map<string, Operand>();
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.pos] === 0x3e && this.bytes[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return { type: 'dict', entries };
      }
      const key = this.operand(depth + 1, 'a dictionary');
      if (key.type !== 'name') this.fail('a dictionary key that is not a name');
      entries.set(key.value, this.operand(depth + 1, 'a dictionary'));
      if (entries.size > budget.operands) this.fail('a dictionary too long');
    }
  }

  /**
   * BI, its dictionary, ID, one white-space byte, the data, EI. The data's length must be known:
   * stated (/L), worked out from an unfiltered image's size, or ended by an ASCII filter's marker.
   */
  private inlineImage(): void {
    const entries = new Map<string, Operand>();
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.bytes.length) this.fail('an inline image with no data');
      const key = this.token(1);
      if (key === 'ID') break;
      if (typeof key === 'string' || key.type !== 'name') this.fail('an inline image whose dictionary is not one');
      entries.set(key.value, this.operand(1, 'an inline image'));
      if (entries.size > 64) this.fail('an inline image dictionary too long');
    }
    if (!isWhite(this.bytes[this.pos])) this.fail('an inline image whose data does not follow ID');
    this.pos++;
    const length = inlineImageLength(entries);
    const { bytes } = this;
    if (typeof length === 'number') {
      if (this.pos + length > bytes.length) this.fail('an inline image cut short');
      this.pos += length;
    } else {
      const marker = Buffer.from(length === 'hex' ? '>' : '~>', 'latin1');
      const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(marker, this.pos);
      if (at < 0) this.fail('an inline image cut short');
      this.pos = at + marker.length;
    }
    while (isWhite(bytes[this.pos])) this.pos++;
    if (bytes[this.pos] !== 0x45 || bytes[this.pos + 1] !== 0x49 || isRegular(bytes[this.pos + 2]))
      this.fail('an inline image that does not end where its size says');
    this.pos += 2;
  }
}

function inlineImageLength(entries: Map<string, Operand>): number | 'hex' | 'ascii85' {
  const get = (short: string, long: string) => entries.get(short) ?? entries.get(long);
  const number = (operand: Operand | undefined) => (operand?.type === 'number' ? operand.value : NaN);
  const stated = number(get('L', 'Length'));
  if (Number.isSafeInteger(stated) && stated >= 0) return stated;
  const filter = get('F', 'Filter');
  const filters =
    filter?.type === 'name'
      ? [filter.value]
      : filter?.type === 'array'
        ? filter.items.map((item) => (item.type === 'name' ? item.value : '?'))
        : [];
  if (filters.length === 1 && (filters[0] === 'AHx' || filters[0] === 'ASCIIHexDecode')) return 'hex';
  if (filters.length === 1 && (filters[0] === 'A85' || filters[0] === 'ASCII85Decode')) return 'ascii85';
  if (filters.length > 0) throw new ContentError('an inline image compressed without a stated length');
  const mask = get('IM', 'ImageMask');
  const isMask = mask?.type === 'bool' && mask.value;
  const width = number(get('W', 'Width'));
  const height = number(get('H', 'Height'));
  const bits = isMask ? 1 : number(get('BPC', 'BitsPerComponent'));
  const colours = isMask ? 1 : colourComponents(get('CS', 'ColorSpace'));
  if (
    ![width, height].every((n) => Number.isSafeInteger(n) && n > 0 && n <= 1 << 16) ||
    ![1, 2, 4, 8, 16].includes(bits)
  )
    throw new ContentError('an inline image whose size cannot be told');
  return height * Math.ceil((width * bits * colours) / 8);
}

function colourComponents(space: Operand | undefined): number {
  const name = space?.type === 'name' ? space.value : space?.type === 'array' ? space.items[0] : undefined;
  const value = typeof name === 'string' ? name : name?.type === 'name' ? name.value : undefined;
  if (value === 'G' || value === 'DeviceGray' || value === 'I' || value === 'Indexed') return 1;
  if (value === 'RGB' || value === 'DeviceRGB') return 3;
  if (value === 'CMYK' || value === 'DeviceCMYK') return 4;
  throw new ContentError('an inline image in a colour space this reader does not size');
}

/**
 * Wraps everything a content stream draws outside marked content (text shown, paths painted or
 * clipped, images, shadings, forms) in /Artifact BMC … EMC, and closes marked content left open
 * at its end. Marked content is only ever added around whole path objects and outside or wholly
 * inside a text object, never across q/Q. Throws on anything it cannot read.
 */
export function markUntaggedContent(content: Uint8Array, resources: ContentResources): MarkedContent {
  if (content.length > budget.contentBytes) throw new ContentError('content larger than this app reads');
  const first = addArtifacts(content, new ContentLexer(content).operations(), resources);
  // The result is read again: it must parse, and nothing in it may need marking any more.
  const again = addArtifacts(first.bytes, new ContentLexer(first.bytes).operations(), resources);
  if (again.artifacts !== 0 || again.closed !== 0) throw new Error('Marking a page’s content as artifacts failed.');
  return first;
}

function addArtifacts(content: Uint8Array, operations: Operation[], resources: ContentResources): MarkedContent {
  const inserts: { at: number; text: string }[] = [];
  /** Open marked content: whether it tags its content (an MCID) or marks it an artifact, and whether it opened inside a text object. */
  const stack: { covers: boolean; inText: boolean }[] = [];
  let covering = 0;
  let inText = false;
  let textShows = false;
  let path = false;
  let artifact = null as { inText: boolean } | null;
  let artifactEnd = 0;
  let artifacts = 0;
  const markedForms: MarkedContent['markedForms'] = [];

  const covered = () => artifact !== null || covering > 0;
  const open = (at: number) => {
    inserts.push({ at, text: '\n/Artifact BMC\n' });
    artifact = { inText };
    artifacts++;
  };
  const close = () => {
    if (artifact) inserts.push({ at: artifactEnd, text: '\nEMC\n' });
    artifact = null;
  };
  /** Something drawn by this operation (or the path object it ends). */
  const draws = (operation: Operation) => {
    if (!covered()) open(operation.start);
    if (artifact && artifact.inText === inText) artifactEnd = operation.end;
  };

  for (let index = 0; index < operations.length; index++) {
    const operation = operations[index]!;
    const op = operation.operator;
    if (path && !pathConstruction.has(op) && !clipping.has(op) && !pathPainting.has(op))
      fail(operation, `"${op}" inside a path`);
    if (pathConstruction.has(op)) {
      if (inText) fail(operation, 'a path inside a text object');
      if (!path && !covered()) open(operation.start);
      path = true;
    } else if (clipping.has(op)) {
      if (!path) fail(operation, 'a clip with no path');
    } else if (pathPainting.has(op)) {
      if (!path) fail(operation, 'a path painted before it is drawn');
      path = false;
      draws(operation);
    } else if (op === 'BT') {
      if (inText) fail(operation, 'a text object inside another');
      const end = textObjectEnd(operations, index);
      const marks = operations.slice(index + 1, end).some((each) => markedContent.has(each.operator));
      textShows = operations.slice(index + 1, end).some((each) => textShowing.has(each.operator));
      if (marks) close();
      else if (textShows && !covered()) open(operation.start);
      inText = true;
    } else if (op === 'ET') {
      if (!inText) fail(operation, 'ET with no BT');
      if (stack.at(-1)?.inText) fail(operation, 'marked content not closed before the end of its text object');
      if (artifact?.inText) close();
      else if (artifact && textShows) artifactEnd = operation.end;
      inText = false;
    } else if (textShowing.has(op)) {
      if (!inText) fail(operation, 'text shown outside a text object');
      draws(operation);
    } else if (op === 'BMC' || op === 'BDC') {
      close();
      const tag = operation.operands[0];
      const properties = operation.operands[1];
      if (tag?.type !== 'name' || operation.operands.length !== (op === 'BMC' ? 1 : 2))
        fail(operation, `${op} with the wrong operands`);
      const covers =
        tag.value === 'Artifact' ||
        (properties?.type === 'dict' && properties.entries.has('MCID')) ||
        (properties?.type === 'name' && resources.propertiesHaveMcid(properties.value));
      if (op === 'BDC' && properties?.type !== 'dict' && properties?.type !== 'name')
        fail(operation, 'BDC with the wrong operands');
      stack.push({ covers, inText });
      if (covers) covering++;
      if (stack.length > budget.markedContentDepth) fail(operation, 'marked content nested too deep');
    } else if (op === 'EMC') {
      close();
      const top = stack.pop();
      if (!top) fail(operation, 'an EMC with no marked content to end');
      if (top.inText !== inText) fail(operation, 'marked content that crosses a text object');
      if (top.covers) covering--;
    } else if (op === 'q' || op === 'Q') {
      if (inText) fail(operation, `${op} inside a text object`);
      close();
    } else if (op === 'Do' || op === 'sh' || op === 'BI') {
      if (inText) fail(operation, `${op} inside a text object`);
      if (op === 'Do') {
        const name = operation.operands[0];
        if (name?.type !== 'name') fail(operation, 'Do with the wrong operands');
        const kind = resources.xobject(name.value);
        if (!kind) fail(operation, `a Do of an XObject the page does not have (${name.value.slice(0, 40)})`);
        if (kind === 'tagged-form' || kind === 'marked-form') {
          // A form tagged through its /StructParent is a content item of its own; one with marked
          // content inside (Chromium draws an element with opacity so) is marked inside instead.
          close();
          if (kind === 'marked-form') markedForms.push({ name: name.value, inside: covering > 0 });
          continue;
        }
      }
      draws(operation);
    }
  }
  if (inText) throw new ContentError('a text object with no end');
  if (path) throw new ContentError('a path with no end');
  close();
  const closed = stack.length;
  for (let i = 0; i < closed; i++) inserts.push({ at: content.length, text: '\nEMC' });
  if (inserts.length === 0) return { bytes: content, artifacts, closed, markedForms };

  const parts: Uint8Array[] = [];
  let from = 0;
  for (const { at, text } of inserts) {
    if (at < from) throw new Error('Marking a page’s content as artifacts went wrong.');
    parts.push(content.subarray(from, at), Buffer.from(text, 'latin1'));
    from = at;
  }
  parts.push(content.subarray(from));
  return { bytes: Buffer.concat(parts), artifacts, closed, markedForms };
}

function fail(operation: Operation, what: string): never {
  throw new ContentError(`${what} at byte ${operation.start}`);
}

function textObjectEnd(operations: Operation[], begin: number): number {
  for (let i = begin + 1; i < operations.length; i++) {
    const op = operations[i]!.operator;
    if (op === 'ET') return i;
    if (op === 'BT') break;
  }
  throw new ContentError(`a text object with no end at byte ${operations[begin]!.start}`);
}

/**
 * Each page's content streams, read together, marked, and written back as one stream when anything
 * changed; then, the same way, each form with marked content of its own that a page draws outside
 * tagged content (a form drawn both inside and outside tagged content is refused: marking it for
 * one would put artifacts inside tags for the other).
 */
function markPageContents(doc: PDFDocument): void {
  const { context } = doc;
  const pages = doc.getPages();
  const uses = new Map<string, number>();
  const streamsOf = (contents: PDFObject | undefined): PDFObject[] => {
    const resolved = context.lookup(contents);
    return resolved instanceof PDFArray ? resolved.asArray() : contents ? [contents] : [];
  };
  for (const page of pages)
    for (const ref of streamsOf(page.node.get(PDFName.of('Contents'))))
      uses.set(String(ref), (uses.get(String(ref)) ?? 0) + 1);
  const forms = new Map<string, { inside: boolean }>();
  const formMarks = new Map<string, boolean>();

  /** Marks the forms a stream with these resources draws, depth first. */
  const markForms = (result: MarkedContent, resources: PDFDict | undefined, depth: number) => {
    for (const { name, inside } of result.markedForms) {
      const ref = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)?.get(PDFName.of(name));
      const form = context.lookup(ref);
      if (!(ref instanceof PDFRef) || !(form instanceof PDFRawStream)) throw new ContentError('a form that is not one');
      const seen = forms.get(String(ref));
      if (seen && seen.inside !== inside) throw new ContentError('a form drawn both inside and outside tagged content');
      if (seen) continue;
      forms.set(String(ref), { inside });
      if (inside) continue;
      if (depth > 16) throw new ContentError('forms nested too deep');
      const formResources = form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources;
      const marked = markUntaggedContent(
        decodeContent(form, budget.contentBytes),
        contentResources(doc, formResources, formMarks),
      );
      if (marked.artifacts > 0 || marked.closed > 0) {
        const dict = form.dict.clone(context);
        dict.delete(PDFName.of('DecodeParms'));
        dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
        context.assign(ref, PDFRawStream.of(dict, deflateSync(marked.bytes)));
      }
      markForms(marked, formResources, depth + 1);
    }
  };

  pages.forEach((page, index) => {
    const entries = streamsOf(page.node.get(PDFName.of('Contents')));
    try {
      let total = 0;
      const decoded = entries.map((entry) => {
        const stream = context.lookup(entry);
        if (!(stream instanceof PDFRawStream)) throw new ContentError('content that is not a stream');
        const bytes = decodeContent(stream, budget.contentBytes - total);
        total += bytes.length + 1;
        return bytes;
      });
      const joined = Buffer.concat(decoded.flatMap((bytes) => [bytes, Buffer.from('\n')]));
      const resources = page.node.Resources();
      const marked = markUntaggedContent(joined, contentResources(doc, resources, formMarks));
      markForms(marked, resources, 0);
      if (marked.artifacts === 0 && marked.closed === 0) return;
      const stream = context.stream(deflateSync(marked.bytes), { Filter: 'FlateDecode' });
      page.node.set(PDFName.of('Contents'), context.register(stream));
      for (const entry of entries) if (entry instanceof PDFRef && uses.get(String(entry)) === 1) context.delete(entry);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      throw new Error(
        `The content of page ${index + 1} of the printed minutes cannot be made archival safely (${error.message}).`,
        { cause: error },
      );
    }
  });
}

/** A content stream's bytes: unfiltered or FlateDecode without a predictor, and within the budget. */
function decodeContent(stream: PDFRawStream, limit: number): Uint8Array {
  const dict = stream.dict;
  const filter = dict.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  const parms = dict.lookup(PDFName.of('DecodeParms'));
  if (stream.contents.length > limit) throw new ContentError('content larger than this app reads');
  if (filters.length === 0) return stream.contents;
  if (filters.length > 1 || filters[0] !== PDFName.of('FlateDecode') || (parms && parms !== PDFNull))
    throw new ContentError('content compressed in a way this app does not read');
  try {
    return inflateSync(stream.contents, { maxOutputLength: Math.max(1, limit) });
  } catch (error) {
    if (error instanceof RangeError) throw new ContentError('content larger than this app reads');
    throw new ContentError('content whose compression is damaged');
  }
}

/** What content drawn with these resources refers to; `marks` remembers which forms hold marked content. */
function contentResources(
  doc: PDFDocument,
  resources: PDFDict | undefined,
  marks: Map<string, boolean>,
): ContentResources {
  const { context } = doc;
  const lookupIn = (category: string, name: string) =>
    context.lookup(resources?.lookupMaybe(PDFName.of(category), PDFDict)?.get(PDFName.of(name)));
  return {
    xobject(name) {
      const ref = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)?.get(PDFName.of(name));
      const xobject = context.lookup(ref);
      if (!(xobject instanceof PDFRawStream)) return undefined;
      const subtype = xobject.dict.get(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Image')) return 'image';
      if (subtype !== PDFName.of('Form')) return undefined;
      if (xobject.dict.has(PDFName.of('StructParent'))) return 'tagged-form';
      return formHasMarks(context, ref, marks, 0) ? 'marked-form' : 'form';
    },
    propertiesHaveMcid(name) {
      const properties = lookupIn('Properties', name);
      return properties instanceof PDFDict && properties.has(PDFName.of('MCID'));
    },
  };
}

/** Whether a form has marked content of its own (/StructParents), or draws a form that has. */
function formHasMarks(
  context: PDFContext,
  ref: PDFObject | undefined,
  marks: Map<string, boolean>,
  depth: number,
): boolean {
  const form = context.lookup(ref);
  if (!(form instanceof PDFRawStream) || form.dict.get(PDFName.of('Subtype')) !== PDFName.of('Form')) return false;
  const key = String(ref);
  const known = marks.get(key);
  if (known !== undefined) return known;
  if (depth > 16) throw new ContentError('forms nested too deep');
  marks.set(key, false); // a form that draws itself is no deeper for it
  const xobjects = form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict)?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const marked =
    form.dict.has(PDFName.of('StructParents')) ||
    (xobjects?.values() ?? []).some((each) => formHasMarks(context, each, marks, depth + 1));
  marks.set(key, marked);
  return marked;
}

// ---------------------------------------------------------------------------------------------
// The structure tree

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4). */
export const standardStructureTypes = new Set([
  'Document',
  'Part',
  'Art',
  'Sect',
  'Div',
  'BlockQuote',
  'Caption',
  'TOC',
  'TOCI',
  'Index',
  'NonStruct',
  'Private',
  'P',
  'H',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'L',
  'LI',
  'Lbl',
  'LBody',
  'Table',
  'TR',
  'TH',
  'TD',
  'THead',
  'TBody',
  'TFoot',
  'Span',
  'Quote',
  'Note',
  'Reference',
  'BibEntry',
  'Code',
  'Link',
  'Annot',
  'Ruby',
  'RB',
  'RT',
  'RP',
  'Warichu',
  'WT',
  'WP',
  'Figure',
  'Formula',
  'Form',
]);

/** What Chromium's own (HTML-named, PDF 2.0) types mean in PDF 1.7's; anything else becomes a Span. */
const roleFor: Record<string, string> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Sup: 'Span',
  Mark: 'Span',
  Aside: 'Div',
  DocumentFragment: 'Div',
  FENote: 'Note',
  // Title becomes P, not H: PDF/UA-1 does not let H sit beside H1…H6.
  Title: 'P',
};

/** NonStruct entries that say something a reader uses: such a NonStruct is kept, as a Span. */
const meaningfulEntries = ['Alt', 'ActualText', 'E', 'Lang', 'ID'];

/** A kid of a structure element while the tree is rebuilt: with, for an MCID, the page it is on. */
interface Kid {
  object: PDFObject;
  page?: PDFRef;
}

const sameRef = (a: PDFObject | undefined, b: PDFObject | undefined) =>
  a instanceof PDFRef &&
  b instanceof PDFRef &&
  a.objectNumber === b.objectNumber &&
  a.generationNumber === b.generationNumber;

class StructureRepair {
  private readonly context: PDFContext;
  private readonly root: PDFDict;
  private readonly rootRef: PDFRef;
  /** A removed NonStruct, by its reference, and the element that took its kids. */
  private readonly replaced = new Map<string, PDFRef>();
  private readonly removed: PDFRef[] = [];
  private elements = 0;

  constructor(private readonly doc: PDFDocument) {
    this.context = doc.context;
    const rootRef = doc.catalog.get(PDFName.of('StructTreeRoot'));
    const root = this.context.lookup(rootRef);
    if (!(rootRef instanceof PDFRef) || !(root instanceof PDFDict))
      throw new Error('The printed minutes carry no tags (no structure tree), so they cannot be made accessible.');
    this.root = root;
    this.rootRef = rootRef;
  }

  run(): void {
    const oldParentTree = this.readParentTree();
    this.flatten();
    this.addListBodies();
    this.rebuildParentTree(oldParentTree);
    this.fixOutline();
    this.mapRoles();
    for (const ref of this.removed) this.context.delete(ref);
  }

  private fail(what: string): never {
    throw new Error(`The tags of the printed minutes cannot be repaired safely (${what}).`);
  }

  private kids(dict: PDFDict): PDFObject[] {
    const k = dict.get(PDFName.of('K'));
    const resolved = k instanceof PDFRef ? this.context.lookup(k) : k;
    if (resolved instanceof PDFArray) return resolved.asArray();
    return k === undefined || k === PDFNull ? [] : [k];
  }

  /** A structure element a kid refers to, or undefined for content (MCIDs, MCR, OBJR). */
  private element(kid: PDFObject): { ref: PDFRef; dict: PDFDict } | undefined {
    const dict = this.context.lookup(kid);
    if (!(dict instanceof PDFDict)) return undefined;
    const type = dict.get(PDFName.of('Type'));
    if (type === PDFName.of('MCR') || type === PDFName.of('OBJR')) return undefined;
    if (!dict.has(PDFName.of('S'))) return undefined;
    if (!(kid instanceof PDFRef)) this.fail('a structure element that is not an indirect object');
    return { ref: kid, dict };
  }

  private typeOf(dict: PDFDict): string {
    const s = dict.get(PDFName.of('S'));
    return s instanceof PDFName ? s.decodeText() : '';
  }

  private roleMap(): PDFDict | undefined {
    return this.root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  }

  /** A type as the role map resolves it, to a standard type where it can. */
  private roleOf(type: string): string {
    const map = this.roleMap();
    let role = type;
    for (let step = 0; step < 16 && !standardStructureTypes.has(role); step++) {
      const next = map?.get(PDFName.of(role));
      if (!(next instanceof PDFName)) break;
      role = next.decodeText();
    }
    return role;
  }

  private pageOf(dict: PDFDict, inherited: PDFRef | undefined): PDFRef | undefined {
    const page = dict.get(PDFName.of('Pg'));
    return page instanceof PDFRef ? page : inherited;
  }

  /** Every structure element once, depth first, with its parent and the page its MCIDs are on. */
  private walk(visit: (element: { ref: PDFRef; dict: PDFDict }, page: PDFRef | undefined) => void): void {
    const seen = new Set<string>();
    const go = (parent: PDFDict, page: PDFRef | undefined, depth: number) => {
      if (depth > budget.structureDepth) this.fail('a structure tree too deep');
      for (const kid of this.kids(parent)) {
        const element = this.element(kid);
        if (!element) continue;
        if (seen.has(String(element.ref))) this.fail('a structure tree with a loop');
        seen.add(String(element.ref));
        if (seen.size > budget.structureElements) this.fail('too many structure elements');
        const here = this.pageOf(element.dict, page);
        visit(element, here);
        go(element.dict, here, depth + 1);
      }
    };
    go(this.root, undefined, 0);
  }

  /**
   * Chromium wraps every run of text in a NonStruct leaf (and some groups of elements in a
   * NonStruct): each one's kids move up into its parent, in order. A NonStruct that says something
   * (Alt, ActualText, Lang, an ID) is kept, as a Span; one holding content at the very top (where
   * only elements may be) is kept as a Div.
   */
  private flatten(): void {
    const seen = new Set<string>();
    const rebuild = (element: { ref: PDFRef; dict: PDFDict }, page: PDFRef | undefined, depth: number): Kid[] => {
      if (depth > budget.structureDepth) this.fail('a structure tree too deep');
      if (++this.elements > budget.structureElements) this.fail('too many structure elements');
      const atRoot = element.ref === this.rootRef;
      const kids: Kid[] = [];
      for (const kid of this.kids(element.dict)) {
        const child = this.element(kid);
        if (!child) {
          kids.push({ object: kid, page });
          continue;
        }
        if (seen.has(String(child.ref))) this.fail('a structure tree with a loop');
        seen.add(String(child.ref));
        const childPage = this.pageOf(child.dict, page);
        const grandchildren = rebuild(child, childPage, depth + 1);
        if (this.typeOf(child.dict) !== 'NonStruct') {
          this.setKids(child, grandchildren);
          kids.push({ object: child.ref });
          continue;
        }
        const holdsContent = grandchildren.some((each) => !this.element(each.object));
        const meaningful = meaningfulEntries.some((key) => child.dict.has(PDFName.of(key)));
        const keepAs = atRoot && holdsContent ? 'Div' : meaningful ? 'Span' : null;
        if (keepAs) {
          child.dict.set(PDFName.of('S'), PDFName.of(keepAs));
          this.setKids(child, grandchildren);
          kids.push({ object: child.ref });
        } else {
          kids.push(...grandchildren);
          this.replaced.set(String(child.ref), element.ref);
          this.removed.push(child.ref);
        }
      }
      return kids;
    };
    const rootKids = rebuild({ ref: this.rootRef, dict: this.root }, undefined, 0);
    for (const kid of rootKids)
      if (!this.element(kid.object)) this.fail('content directly under the structure tree root');
    this.root.set(PDFName.of('K'), this.context.obj(rootKids.map((kid) => kid.object)));
  }

  /**
   * An element's new kids: elements get it as their parent; an MCID on the element's own page stays
   * a number, one from another page becomes a marked-content reference naming its page.
   */
  private setKids(element: { ref: PDFRef; dict: PDFDict }, kids: Kid[]): void {
    let own = element.dict.get(PDFName.of('Pg'));
    if (!own) {
      // An element without a page takes that of its first MCID, which then stays a plain number.
      own = kids.find((kid) => kid.page && this.context.lookup(kid.object) instanceof PDFNumber)?.page;
      if (own) element.dict.set(PDFName.of('Pg'), own);
    }
    const objects = kids.map(({ object, page }) => {
      const child = this.element(object);
      if (child) {
        child.dict.set(PDFName.of('P'), element.ref);
        return object;
      }
      const content = this.context.lookup(object);
      if (content instanceof PDFNumber) {
        if (sameRef(own, page) || !page) return object;
        return this.context.obj({ Type: 'MCR', Pg: page, MCID: content });
      }
      // A marked-content or object reference: it names its page, if it did not, so it can move.
      if (content instanceof PDFDict && !content.has(PDFName.of('Pg')) && page && !content.has(PDFName.of('Stm')))
        content.set(PDFName.of('Pg'), page);
      return object;
    });
    element.dict.set(PDFName.of('K'), objects.length === 1 ? objects[0]! : this.context.obj(objects));
  }

  /** PDF/UA: a list item holds a label and a body. Everything but the labels goes into a new LBody. */
  private addListBodies(): void {
    const items: { ref: PDFRef; dict: PDFDict; page: PDFRef | undefined }[] = [];
    this.walk((element, page) => {
      if (this.roleOf(this.typeOf(element.dict)) === 'LI') items.push({ ...element, page });
    });
    for (const item of items) {
      const kids = this.kids(item.dict);
      const roles = kids.map((kid) => {
        const element = this.element(kid);
        return element ? this.roleOf(this.typeOf(element.dict)) : null;
      });
      if (roles.includes('LBody')) continue;
      const labels = kids.filter((_, i) => roles[i] === 'Lbl');
      const rest = kids.filter((_, i) => roles[i] !== 'Lbl');
      if (rest.length === 0) continue;
      const bodyRef = this.context.nextRef();
      const body = this.context.obj({ Type: 'StructElem', S: 'LBody', P: item.ref });
      const own = item.dict.get(PDFName.of('Pg'));
      if (own instanceof PDFRef) body.set(PDFName.of('Pg'), own);
      this.context.assign(bodyRef, body);
      this.setKids(
        { ref: bodyRef, dict: body },
        rest.map((object) => ({ object, page: item.page })),
      );
      item.dict.set(PDFName.of('K'), this.context.obj([...labels, bodyRef]));
    }
  }

  /** The parent tree as it was: key to a page's array of elements by MCID, or to one element. */
  private readParentTree(): { entries: Map<number, PDFObject>; nodes: PDFRef[] } {
    const entries = new Map<number, PDFObject>();
    const nodes: PDFRef[] = [];
    const read = (node: PDFObject | undefined, depth: number) => {
      if (depth > 32 || nodes.length > budget.treeNodes) this.fail('a parent tree too deep');
      if (node instanceof PDFRef) nodes.push(node);
      const dict = this.context.lookup(node);
      if (!(dict instanceof PDFDict)) return;
      const nums = dict.lookupMaybe(PDFName.of('Nums'), PDFArray)?.asArray() ?? [];
      for (let i = 0; i + 1 < nums.length; i += 2) {
        const key = nums[i];
        if (key instanceof PDFNumber) entries.set(key.asNumber(), nums[i + 1]!);
      }
      for (const kid of dict.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) read(kid, depth + 1);
    };
    read(this.root.get(PDFName.of('ParentTree')), 0);
    return { entries, nodes };
  }

  /**
   * The parent tree written again, flat: every MCID and object reference in the tree now maps to
   * the element that holds it (the NonStructs it named are gone). Keys nothing in the tree uses
   * keep their old value.
   */
  private rebuildParentTree(old: { entries: Map<number, PDFObject>; nodes: PDFRef[] }): void {
    const { context } = this;
    const tree = new Map<number, PDFObject[] | PDFObject>();
    for (const [key, value] of old.entries) {
      const resolved = context.lookup(value);
      tree.set(key, resolved instanceof PDFArray ? [...resolved.asArray()] : value);
      if (value instanceof PDFRef && resolved instanceof PDFArray) old.nodes.push(value);
    }
    let nextKey = Math.max(
      context.lookupMaybe(this.root.get(PDFName.of('ParentTreeNextKey')), PDFNumber)?.asNumber() ?? 0,
      ...[...tree.keys()].map((key) => key + 1),
    );
    const keyOf = (holder: PDFDict, entry: 'StructParents' | 'StructParent') => {
      const key = holder.get(PDFName.of(entry));
      if (key instanceof PDFNumber) return key.asNumber();
      holder.set(PDFName.of(entry), PDFNumber.of(nextKey));
      return nextKey++;
    };
    const mark = (key: number, mcid: number, element: PDFRef) => {
      const list = tree.get(key) ?? [];
      if (!Array.isArray(list)) this.fail('a parent tree entry that is not a list');
      if (!Number.isSafeInteger(mcid) || mcid < 0 || mcid > budget.structureElements) this.fail('an MCID out of range');
      list[mcid] = element;
      tree.set(key, list);
    };
    const pageKey = (page: PDFRef | undefined) => {
      const dict = context.lookup(page);
      if (!(dict instanceof PDFDict)) this.fail('marked content on no page');
      return keyOf(dict, 'StructParents');
    };
    this.walk((element, page) => {
      for (const kid of this.kids(element.dict)) {
        const content = context.lookup(kid);
        if (content instanceof PDFNumber) mark(pageKey(page), content.asNumber(), element.ref);
        if (!(content instanceof PDFDict) || this.element(kid)) continue;
        const type = content.get(PDFName.of('Type'));
        if (type === PDFName.of('MCR')) {
          const mcid = content.lookupMaybe(PDFName.of('MCID'), PDFNumber)?.asNumber() ?? -1;
          const stream = context.lookup(content.get(PDFName.of('Stm')));
          if (stream instanceof PDFRawStream) mark(keyOf(stream.dict, 'StructParents'), mcid, element.ref);
          else mark(pageKey(this.pageOf(content, page)), mcid, element.ref);
        } else if (type === PDFName.of('OBJR')) {
          const object = context.lookup(content.get(PDFName.of('Obj')));
          const holder = object instanceof PDFRawStream ? object.dict : object;
          if (holder instanceof PDFDict) tree.set(keyOf(holder, 'StructParent'), element.ref);
        }
      }
    });
    const current = (object: PDFObject | undefined): PDFObject => {
      let value = object ?? PDFNull;
      for (let step = 0; step < 64 && value instanceof PDFRef && this.replaced.has(String(value)); step++)
        value = this.replaced.get(String(value))!;
      return value;
    };
    const nums: PDFObject[] = [];
    for (const key of [...tree.keys()].sort((a, b) => a - b)) {
      const value = tree.get(key)!;
      nums.push(
        PDFNumber.of(key),
        Array.isArray(value)
          ? context.register(context.obj(Array.from(value, (each) => current(each))))
          : current(value),
      );
    }
    for (const node of old.nodes) context.delete(node);
    this.root.set(PDFName.of('ParentTree'), context.register(context.obj({ Nums: nums })));
    this.root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(nextKey));
  }

  /** Outline items that named a removed NonStruct (/SE) name the element that took its place. */
  private fixOutline(): void {
    const outlines = this.doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
    const first = outlines?.get(PDFName.of('First'));
    const queue: PDFObject[] = first ? [first] : [];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const ref = queue.pop()!;
      if (seen.has(String(ref)) || seen.size > budget.outlineItems) continue;
      seen.add(String(ref));
      const item = this.context.lookup(ref);
      if (!(item instanceof PDFDict)) continue;
      let target = item.get(PDFName.of('SE'));
      for (let step = 0; step < 64 && target instanceof PDFRef && this.replaced.has(String(target)); step++)
        target = this.replaced.get(String(target));
      if (target) item.set(PDFName.of('SE'), target);
      for (const key of ['First', 'Next']) {
        const next = item.get(PDFName.of(key));
        if (next) queue.push(next);
      }
    }
  }

  /** A role map entry for every type in the tree that is not a PDF 1.7 standard one (nor mapped to one). */
  private mapRoles(): void {
    const types = new Set<string>();
    this.walk((element) => types.add(this.typeOf(element.dict)));
    const map = this.roleMap() ?? this.context.obj({});
    for (const type of types) {
      if (standardStructureTypes.has(this.roleOf(type))) continue;
      map.set(PDFName.of(type), PDFName.of(roleFor[type] ?? 'Span'));
    }
    if (map.entries().length > 0) this.root.set(PDFName.of('RoleMap'), map);
  }
}
