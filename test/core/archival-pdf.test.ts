import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFontFaceCss } from '@core/platform/fonts';
import {
  markUntaggedContent,
  standardStructureTypes,
  toArchivalPdf,
  type ArchivalOptions,
  type ContentResources,
} from '@core/signing/archival';
import { createIdentity } from '@core/signing/identity';
import { countersignPdf, sealPdf } from '@core/signing/seal';
import { checkPdf } from '@core/signing/verify';
import * as attacks from './attacks';
import srgbProfile from '../../resources/color/srgb.icc.json';
import { createPdfPrinter } from '../../electron/web/platform/pdf-printer';
import {
  hasTool,
  QpdfJson,
  run,
  taggedPdf,
  taggedPdfWithForm,
  unmarkedDrawing,
  type QpdfValue,
} from './archival-tools';

const hasChromium = existsSync('/usr/bin/chromium');
/** qpdf, mutool (mupdf-tools) and poppler-utils: the judges here, none of them written for this app. */
const toolsSkip = ![
  ['qpdf', '--version'],
  ['mutool', '-v'],
  ['pdfinfo', '-v'],
  ['pdfsig', '-v'],
  ['pdftotext', '-v'],
  ['pdfdetach', '-v'],
].every(([tool, flag]) => hasTool(tool!, flag));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Folders for the files the tools read, removed when the file's tests end. */
const folders: string[] = [];
const tempDir = () => {
  folders.push(mkdtempSync(path.join(tmpdir(), 'rr-archival-')));
  return folders.at(-1)!;
};
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

// A 1×1 PNG, so the printed page draws an image with an alternative text.
const png =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const title = 'Joint review of Oakwood House';
const footerText = 'Fingerprint 3f5a 9c01 77be 2d4e';

/** A document shaped like the minutes: headings, emphasis, lists, a table, a figure, a link, and the app's font (the footer needs it loaded to draw). */
const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>${appFontFaceCss()}
  body { font-family: 'Atkinson Hyperlegible', sans-serif; font-size: 11pt; }
  table { border-collapse: collapse; } th, td { border: 1px solid #333; padding: 3pt 6pt; }
  .concerns { border-left: 4pt solid #8a5a00; padding-left: 8pt; } .box { border: 1px solid #d8d4cb; padding: 8pt; }
</style></head><body><main>
<h1>Joint review of Oakwood House</h1>
<p>The review met on <strong>3 December 2026</strong> and <em>everyone</em> was there: (EMC) BT \\ ET (nested (brackets)).</p>
<h2>What was discovered</h2>
<ul><li>The home keeps a <strong>shared diary</strong> with the placing authority.</li><li>Contact visits were <em>missed</em> twice.</li></ul>
<h3>Actions agreed</h3>
<ol><li>Arrange contact at a new venue</li><li>Review again in <em>six</em> weeks</li></ol>
<table><caption>Who was there</caption><thead><tr><th>Name</th><th>Role</th></tr></thead>
<tbody><tr><td>Sam Okoro</td><td>Commissioning officer</td></tr><tr><td>Priya Shah</td><td>Registered manager</td></tr></tbody></table>
<div class="concerns"><p>A concern, set apart with a border.</p></div>
<p style="opacity: .7">A faded note: Chromium draws it in a form with marked content of its own.</p>
<div class="box"><p><img alt="Signature of Sam Okoro" src="${png}" width="120" height="60"></p></div>
<p><a href="https://example.org/minutes">How minutes are checked</a></p>
<h2>Notes from the room</h2>
<ul>${Array.from({ length: 30 }, (_, i) => `<li>Note ${i + 1}: the home and the council <em>agreed</em> to talk monthly.</li>`).join('')}</ul>
<p>${'A long paragraph that runs over the end of the page, so one element holds text on two pages. '.repeat(90)}</p>
</main></body></html>`;

const minutesJson = Buffer.from(JSON.stringify({ title, fingerprint: 'ab'.repeat(32), note: 'Café' }), 'utf8');
const signaturesJson = Buffer.from(JSON.stringify([{ side: 'commissioner', name: 'Sam Okoro' }]), 'utf8');
const createdAt = new Date('2026-12-03T11:30:00Z');
const options: ArchivalOptions = {
  title,
  language: 'en-GB',
  creatorTool: 'Relational Review 1.2.3',
  createdAt,
  attachments: [
    {
      name: 'minutes.json',
      bytes: minutesJson,
      mimeType: 'application/json',
      description: 'The canonical content of these minutes',
      relationship: 'Source',
    },
    {
      name: 'signatures.json',
      bytes: signaturesJson,
      mimeType: 'application/json',
      description: 'Who signed, and how',
      relationship: 'Supplement',
    },
  ],
};

describe('the sRGB output intent profile', () => {
  const bytes = Buffer.from(srgbProfile.base64, 'base64');

  it('is the icc-profiles-free sRGB profile, byte for byte, under the Zlib licence', () => {
    expect(bytes.length).toBe(6922);
    expect(sha256(bytes)).toBe('2a92d4bae450b76d8b0aa42193df974d75f62738ecebf74f01c5e75b12a95796');
    expect(srgbProfile.sha256).toBe(sha256(bytes));
    expect(srgbProfile.licence).toBe('Zlib');
    expect(srgbProfile.licenceText).toContain('This notice may not be removed or altered');
    expect(srgbProfile.source).toContain('icc-profiles-free');
  });

  it('parses as an ICC version 2 RGB display profile with a matrix and tone curves', () => {
    const tag = (at: number) => bytes.subarray(at, at + 4).toString('latin1');
    expect(bytes.readUInt32BE(0)).toBe(bytes.length);
    expect(bytes[8]).toBe(2); // major version
    expect(tag(12)).toBe('mntr'); // a display device profile
    expect(tag(16)).toBe('RGB ');
    expect(tag(20)).toBe('XYZ ');
    expect(tag(36)).toBe('acsp');
    const count = bytes.readUInt32BE(128);
    const tags = new Map<string, { offset: number; size: number }>();
    for (let i = 0; i < count; i++) {
      const at = 132 + 12 * i;
      const entry = { offset: bytes.readUInt32BE(at + 4), size: bytes.readUInt32BE(at + 8) };
      expect(entry.offset + entry.size).toBeLessThanOrEqual(bytes.length);
      tags.set(tag(at), entry);
    }
    for (const needed of ['desc', 'wtpt', 'rXYZ', 'gXYZ', 'bXYZ', 'rTRC', 'gTRC', 'bTRC', 'cprt'])
      expect(tags.has(needed), needed).toBe(true);
    expect(tag(tags.get('desc')!.offset)).toBe('desc');
    expect(tag(tags.get('rTRC')!.offset)).toBe('curv');
  });
});

describe.skipIf(!hasChromium || toolsSkip)(
  'archival minutes: printed by Chromium, made PDF/A-3a and PDF/UA-1, sealed',
  () => {
    const printer = createPdfPrinter();
    const files = { printed: '', archival: '', sealed: '', countersigned: '' };
    let printed: Uint8Array;
    let archival: Uint8Array;
    let sealed: Buffer;
    let organisation: string;

    const dir = tempDir();

    beforeAll(async () => {
      printed = await printer.print(html, { footerText, title });
      archival = await toArchivalPdf(printed, options);
      organisation = 'Northshire County Council';
      const identity = createIdentity({ organisation });
      sealed = await sealPdf(archival, identity, {
        reason: 'Joint review minutes, version 1',
        location: organisation,
        name: identity.subject.commonName,
        signedAt: new Date(),
      });
      const other = createIdentity({ organisation: 'Brightwater Care Ltd' });
      const countersigned = await countersignPdf(sealed, other, {
        reason: 'Countersigned',
        location: 'Brightwater Care Ltd',
        name: other.subject.commonName,
        signedAt: new Date(),
      });
      for (const [name, bytes] of Object.entries({ printed, archival, sealed, countersigned })) {
        files[name as keyof typeof files] = path.join(dir, `${name}.pdf`);
        writeFileSync(files[name as keyof typeof files], bytes);
      }
    }, 60_000);
    afterAll(() => printer.close());

    it('starts from what Chromium prints: drawing outside marked content, NonStruct wrappers, unmapped Strong and Em', () => {
      // The problems this module exists for, measured on the printed file, so the checks below mean something.
      expect(run('pdftotext', [files.printed, '-']).stdout).toContain(footerText);
      expect(unmarkedDrawing(run('mutool', ['trace', files.printed]).stdout).unmarked.length).toBeGreaterThan(0);
      const struct = run('pdfinfo', ['-struct', files.printed]);
      expect(struct.stdout).toContain('NonStruct');
      expect(struct.stderr).toMatch(/wrong type \((Strong|Em)\)/);
      // The faded paragraph: a form with its own MCIDs, drawn outside any marked content.
      const pdf = new QpdfJson(files.printed);
      const markedForms = Object.values(pdf.objects).filter(
        (object) => object.stream?.dict['/Subtype'] === '/Form' && object.stream.dict['/StructParents'] !== undefined,
      );
      expect(markedForms.length).toBeGreaterThan(0);
    });

    it('passes qpdf --check and keeps every page', () => {
      for (const file of [files.archival, files.sealed, files.countersigned]) {
        const check = run('qpdf', ['--check', file]);
        expect(check.status, check.stdout + check.stderr).toBe(0);
        expect(check.stdout).toContain('No syntax or stream encoding errors found');
      }
      const pages = (file: string) => Number(run('qpdf', ['--show-npages', file]).stdout.trim());
      expect(pages(files.printed)).toBeGreaterThan(0);
      expect(pages(files.sealed)).toBe(pages(files.printed));
      expect(run('qpdf', ['--show-npages', files.sealed]).status).toBe(0);
    });

    it('keeps every word: pdftotext reads the same text before and after', () => {
      const before = run('pdftotext', ['-layout', files.printed, '-']).stdout;
      expect(before).toContain('everyone was there');
      expect(run('pdftotext', ['-layout', files.archival, '-']).stdout).toBe(before);
      expect(run('pdftotext', ['-layout', files.sealed, '-']).stdout).toBe(before);
    });

    it('draws nothing outside marked content: mutool trace shows every mark inside a layer, the footer among the artifacts', () => {
      const trace = run('mutool', ['trace', files.sealed]);
      expect(trace.status).toBe(0);
      const { unmarked, layers, drawn } = unmarkedDrawing(trace.stdout);
      expect(drawn).toBeGreaterThan(20);
      expect(unmarked).toEqual([]);
      expect(layers.get('Artifact')).toBeGreaterThan(0);
      // The footer is one of them: an /Artifact holds its text.
      const footer = trace.stdout.split('<layer name="Artifact"/>').slice(1);
      expect(footer.some((part) => /<fill_text[\s\S]*?<\/fill_text>/.test(part.split('<end_layer/>')[0]!))).toBe(true);
    });

    // pdfinfo -struct-text draws the page once per MCID, and with an ICC output intent each drawing
    // sets up a colour transform: seconds, not milliseconds, hence the longer timeout.
    it(
      'has a structure tree poppler reads without errors, with all the text and the tags a reader needs',
      { timeout: 90_000 },
      () => {
        const structText = run('pdfinfo', ['-struct-text', files.sealed]);
        expect(structText.status).toBe(0);
        expect(structText.stderr).not.toMatch(/wrong type|error/i);
        for (const words of [
          'Joint review of Oakwood House',
          '3 December 2026',
          'everyone',
          'shared diary',
          'Arrange contact at a new venue',
          'Commissioning officer',
          'A concern, set apart with a border.',
          'A faded note',
          'How minutes are checked',
        ])
          expect(structText.stdout).toContain(words);
        const struct = run('pdfinfo', ['-struct', files.sealed]).stdout;
        expect(struct).not.toContain('NonStruct');
        for (const type of 'H1 H2 H3 P L LI Lbl LBody Table TH TD Figure Link Form'.split(' '))
          expect(struct).toMatch(new RegExp(`^\\s*${type}\\b`, 'm'));
      },
    );

    it('says it is PDF/A-3a and PDF/UA-1 in XMP metadata that agrees with the information dictionary', () => {
      const pdf = new QpdfJson(files.sealed);
      const metadataRef = pdf.catalog['/Metadata'];
      const metadata = pdf.dict(metadataRef)!;
      expect(metadata['/Type']).toBe('/Metadata');
      expect(metadata['/Subtype']).toBe('/XML');
      expect(metadata['/Filter']).toBeUndefined();
      const xmp = pdf.data(metadataRef).toString('utf8');
      expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
      expect(xmp).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
      expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
      expect(xmp).toContain(`<rdf:li xml:lang="x-default">${title}</rdf:li>`);
      expect(xmp).toContain(`<rdf:li xml:lang="en-GB">${title}</rdf:li>`);
      expect(xmp).toMatch(/<dc:language>\s*<rdf:Bag>\s*<rdf:li>en-GB<\/rdf:li>/);
      expect(xmp).toContain('<dc:format>application/pdf</dc:format>');
      expect(xmp).toContain('<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>');
      expect(xmp).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');

      const info = pdf.dict(pdf.trailer['/Info'])!;
      const xmpValue = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xmp)?.[1];
      expect(QpdfJson.text(info['/Title'])).toBe(title);
      expect(QpdfJson.text(info['/Creator'])).toBe('Relational Review 1.2.3');
      expect(xmpValue('xmp:CreatorTool')).toBe('Relational Review 1.2.3');
      expect(QpdfJson.text(info['/Producer'])).toBe(xmpValue('pdf:Producer'));
      expect(QpdfJson.text(info['/Producer'])).not.toMatch(/Mozilla|HeadlessChrome/);
      expect(QpdfJson.text(info['/CreationDate'])).toBe('D:20261203113000Z');
      expect(QpdfJson.text(info['/ModDate'])).toBe('D:20261203113000Z');
      for (const name of ['xmp:CreateDate', 'xmp:ModifyDate', 'xmp:MetadataDate'])
        expect(xmpValue(name)).toBe('2026-12-03T11:30:00Z');
    });

    it('has one sRGB output intent, a trailer /ID, /Lang, /MarkInfo, /DisplayDocTitle and /Tabs /S', () => {
      const pdf = new QpdfJson(files.sealed);
      const intents = pdf.array(pdf.catalog['/OutputIntents']);
      expect(intents).toHaveLength(1);
      const intent = pdf.dict(intents[0])!;
      expect(intent['/S']).toBe('/GTS_PDFA1');
      expect(QpdfJson.text(intent['/OutputConditionIdentifier'])).toBe('sRGB IEC61966-2.1');
      expect(pdf.dict(intent['/DestOutputProfile'])!['/N']).toBe(3);
      expect(sha256(pdf.data(intent['/DestOutputProfile']))).toBe(srgbProfile.sha256);

      const id = pdf.trailer['/ID'] as string[];
      expect(id).toHaveLength(2);
      expect(id[0]).toBe(id[1]);
      expect(id[0]).toMatch(/^b:[0-9a-f]{32}$/);

      expect(QpdfJson.text(pdf.catalog['/Lang'])).toBe('en-GB');
      expect(pdf.dict(pdf.catalog['/MarkInfo'])!['/Marked']).toBe(true);
      expect(pdf.dict(pdf.catalog['/ViewerPreferences'])!['/DisplayDocTitle']).toBe(true);
      for (const page of pageDicts(pdf)) expect(page['/Tabs']).toBe('/S');
      expect(run('pdfinfo', [files.sealed]).stdout).toMatch(/PDF version:\s+1\.7/);
    });

    it('attaches minutes.json and signatures.json as associated files, each with a relationship, all in the catalog /AF', () => {
      const pdf = new QpdfJson(files.sealed);
      const names = pdf.array(pdf.dict(pdf.dict(pdf.catalog['/Names'])!['/EmbeddedFiles'])!['/Names']);
      const specs = names.filter((_, i) => i % 2 === 1);
      expect(names.filter((_, i) => i % 2 === 0).map((key) => QpdfJson.text(key))).toEqual([
        'minutes.json',
        'signatures.json',
      ]);
      expect(pdf.array(pdf.catalog['/AF'])).toEqual(specs);
      const relationships = specs.map((ref) => {
        const spec = pdf.dict(ref)!;
        expect(spec['/Type']).toBe('/Filespec');
        expect(QpdfJson.text(spec['/F'])).toMatch(/^(minutes|signatures)\.json$/);
        expect(spec['/UF']).toBeDefined();
        expect(spec['/Desc']).toBeDefined();
        const stream = pdf.dict(pdf.dict(spec['/EF'])!['/F'])!;
        expect(stream['/Type']).toBe('/EmbeddedFile');
        expect(stream['/Subtype']).toBe('/application/json'); // qpdf decodes #2F
        expect(QpdfJson.text(pdf.dict(stream['/Params'])!['/ModDate'])).toBe('D:20261203113000Z');
        return spec['/AFRelationship'];
      });
      expect(relationships).toEqual(['/Source', '/Supplement']);

      const dir = tempDir();
      expect(run('pdfdetach', ['-list', files.sealed]).stdout).toMatch(/2 embedded files/);
      expect(run('pdfdetach', ['-saveall', '-o', dir, files.sealed]).status).toBe(0);
      expect(readFileSync(path.join(dir, 'minutes.json'))).toEqual(minutesJson);
      expect(readFileSync(path.join(dir, 'signatures.json'))).toEqual(signaturesJson);
    });

    it('uses only standard structure types or ones the role map maps to them; no NonStruct; every LI is a Lbl and an LBody', () => {
      const pdf = new QpdfJson(files.sealed);
      const root = pdf.dict(pdf.catalog['/StructTreeRoot'])!;
      const roleMap = pdf.dict(root['/RoleMap']) ?? {};
      const { elements } = structureOf(pdf);
      const types = new Set(elements.map((element) => element.type));
      const roleOf = (type: string) => {
        let role = type;
        for (let i = 0; i < 8 && !standardStructureTypes.has(role) && typeof roleMap[`/${role}`] === 'string'; i++)
          role = (roleMap[`/${role}`] as string).slice(1);
        return role;
      };
      // The PDF 1.7 list, written out here rather than trusted from the module under test.
      const pdf17 =
        'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(
          ' ',
        );
      for (const type of types) expect(pdf17, `${type} maps to ${roleOf(type)}`).toContain(roleOf(type));
      // Chromium's own types are mapped, and standard types are never remapped.
      expect(types.has('Strong') || types.has('Em')).toBe(true);
      expect(roleOf('Strong')).toBe('Span');
      for (const key of Object.keys(roleMap)) expect(pdf17).not.toContain(key.slice(1));
      expect(types.has('NonStruct')).toBe(false);

      const items = elements.filter((element) => roleOf(element.type) === 'LI');
      expect(items.length).toBe(34);
      for (const item of items) {
        const kids = item.kids.map((kid) => elements.find((element) => element.ref === kid)?.type ?? 'content');
        expect(kids).toEqual(['Lbl', 'LBody']);
      }
      const figure = elements.find((element) => element.type === 'Figure')!;
      expect(QpdfJson.text(figure.dict['/Alt'])).toBe('Signature of Sam Okoro');
    });

    it('keeps the parent tree true: every MCID and object in the tree maps back to the element that holds it', () => {
      const pdf = new QpdfJson(files.sealed);
      const root = pdf.dict(pdf.catalog['/StructTreeRoot'])!;
      const { contents } = structureOf(pdf);
      const parentTree = new Map<number, QpdfValue>();
      const nums = pdf.array(pdf.dict(root['/ParentTree'])!['/Nums']);
      for (let i = 0; i < nums.length; i += 2) parentTree.set(nums[i] as number, nums[i + 1]!);
      const pages = pageRefs(pdf);
      let mcids = 0;
      let forms = 0;
      for (const content of contents) {
        if (content.kind === 'mcid') {
          const key = pdf.dict(content.stream ?? content.page)!['/StructParents'] as number;
          expect(pdf.array(parentTree.get(key))[content.mcid], `MCID ${content.mcid}`).toBe(content.element);
          if (!content.stream) expect(pages).toContain(content.page);
          else forms++;
          mcids++;
        } else {
          const key = pdf.dict(content.object)!['/StructParent'] as number;
          expect(parentTree.get(key)).toBe(content.element);
        }
      }
      expect(mcids).toBeGreaterThan(30);
      expect(forms).toBeGreaterThan(0); // the faded paragraph's MCIDs, in its form
      // The long paragraph's text is on two pages, held by one element once its NonStructs are gone.
      expect(pages.length).toBeGreaterThan(1);
      const pagesOf = new Map<string, Set<string>>();
      for (const content of contents)
        if (content.kind === 'mcid')
          pagesOf.set(content.element, (pagesOf.get(content.element) ?? new Set()).add(content.page));
      expect([...pagesOf.values()].some((held) => held.size > 1)).toBe(true);
      // And the other way: every element the parent tree names is still in the tree, none a NonStruct.
      const { elements } = structureOf(pdf);
      const inTree = new Set(elements.map((element) => element.ref));
      for (const value of parentTree.values())
        for (const element of QpdfJson.isRef(value) && pdf.dict(value)?.['/S'] ? [value] : pdf.array(value))
          if (element !== null) expect(inTree.has(element as string), JSON.stringify(element)).toBe(true);
      expect(Number(root['/ParentTreeNextKey'])).toBeGreaterThan(Math.max(...parentTree.keys()));
    });

    it('tags the seal’s widget: a Form element with an object reference, its parent tree entry, a description, printable', () => {
      const pdf = new QpdfJson(files.sealed);
      const form = pdf.dict(pdf.catalog['/AcroForm'])!;
      const widgetRef = pdf.array(form['/Fields'])[0] as string;
      const widget = pdf.dict(widgetRef)!;
      expect(QpdfJson.text(widget['/TU'])).toBe(`Seal of ${organisation}`);
      expect(Number(widget['/F']) & 4).toBe(4);
      const { elements, contents } = structureOf(pdf);
      const holder = contents.find((content) => content.kind === 'objr' && content.object === widgetRef);
      expect(holder).toBeDefined();
      expect(elements.find((element) => element.ref === holder!.element)!.type).toBe('Form');
      const root = pdf.dict(pdf.catalog['/StructTreeRoot'])!;
      const nums = pdf.array(pdf.dict(root['/ParentTree'])!['/Nums']);
      expect(nums[nums.indexOf(widget['/StructParent']!) + 1]).toBe(holder!.element);
    });

    it('tags a countersignature’s widget the same way, in the update that adds it', () => {
      const pdf = new QpdfJson(files.countersigned);
      const fields = pdf.array(pdf.dict(pdf.catalog['/AcroForm'])!['/Fields']) as string[];
      expect(fields).toHaveLength(2);
      const { elements, contents } = structureOf(pdf);
      const root = pdf.dict(pdf.catalog['/StructTreeRoot'])!;
      const nums = pdf.array(pdf.dict(root['/ParentTree'])!['/Nums']);
      const descriptions = [`Seal of ${organisation}`, 'Countersignature of Brightwater Care Ltd'];
      fields.forEach((widgetRef, index) => {
        const widget = pdf.dict(widgetRef)!;
        expect(QpdfJson.text(widget['/TU'])).toBe(descriptions[index]);
        const holder = contents.find((content) => content.kind === 'objr' && content.object === widgetRef);
        expect(holder, widgetRef).toBeDefined();
        expect(elements.find((element) => element.ref === holder!.element)!.type).toBe('Form');
        expect(nums[nums.indexOf(widget['/StructParent']!) + 1]).toBe(holder!.element);
      });
      expect(Number(root['/ParentTreeNextKey'])).toBeGreaterThan(
        Math.max(...nums.filter((_, i) => i % 2 === 0).map(Number)),
      );
      // poppler reads the new structure without complaint.
      const struct = run('pdfinfo', ['-struct', files.countersigned]);
      expect(struct.status).toBe(0);
      expect(struct.stderr).not.toMatch(/wrong type|error/i);
      expect(struct.stdout.match(/\bForm\b/g)).toHaveLength(2);
    });

    it('reads any other change to the structure after the seal as a change: what a screen reader says is sealed too', async () => {
      for (const base of [files.sealed, files.countersigned]) {
        for (const [name, tamper] of Object.entries(attacks.structureAttacks)) {
          const tampered = await attacks.appendTamper(readFileSync(base), tamper);
          const result = checkPdf(tampered);
          expect(result.valid, `${name} after ${path.basename(base)}`).toBe(false);
          const [seal] = result.signatures;
          expect(seal!.problem, name).toBeNull();
          expect(seal!.changedAfter.join('; '), name).toMatch(/structure|annotations|form fields/);
          // pdfsig still finds the seal's digest intact: the change is in an update after it.
          const file = path.join(dir, `${name}.pdf`);
          writeFileSync(file, tampered);
          expect(run('pdfsig', [file]).stdout).toContain('Signature Validation: Signature is Valid.');
        }
      }
    });

    it('is a valid seal for pdfsig and for the app’s own check, and so is a countersignature on top', () => {
      for (const file of [files.sealed, files.countersigned]) {
        const pdfsig = run('pdfsig', [file]).stdout;
        const verdicts = pdfsig.match(/Signature Validation: .*/g) ?? [];
        expect(verdicts.length).toBe(file === files.sealed ? 1 : 2);
        for (const verdict of verdicts) expect(verdict).toBe('Signature Validation: Signature is Valid.');
      }
      const sealedCheck = checkPdf(sealed);
      expect(sealedCheck.valid).toBe(true);
      expect(sealedCheck.signatures[0]!.kind).toBe('certification');
      expect(sealedCheck.attachment).toEqual(minutesJson);
      const countersignedCheck = checkPdf(readFileSync(files.countersigned));
      expect(countersignedCheck.valid).toBe(true);
      expect(countersignedCheck.signatures.map((signature) => signature.kind)).toEqual(['certification', 'approval']);
    });

    it('makes the same bytes from the same input', async () => {
      expect(sha256(await toArchivalPdf(printed, options))).toBe(sha256(archival));
    });
  },
);

/** The pages of a PDF, through qpdf: their references, in order. */
function pageRefs(pdf: QpdfJson): string[] {
  const refs: string[] = [];
  const walk = (ref: QpdfValue) => {
    const node = pdf.dict(ref)!;
    if (node['/Type'] === '/Pages') for (const kid of pdf.array(node['/Kids'])) walk(kid);
    else refs.push(ref as string);
  };
  walk(pdf.dict(pdf.trailer['/Root'])!['/Pages']!);
  return refs;
}

function pageDicts(pdf: QpdfJson) {
  return pageRefs(pdf).map((ref) => pdf.dict(ref)!);
}

type Content =
  /** An MCID in a page's content, or (with stream) in a form's. */
  | { kind: 'mcid'; element: string; page: string; stream?: string; mcid: number }
  | { kind: 'objr'; element: string; object: string };

/** Every structure element under the root, and every piece of content an element holds, read through qpdf. */
function structureOf(pdf: QpdfJson) {
  const elements: { ref: string; type: string; dict: Record<string, QpdfValue>; kids: QpdfValue[] }[] = [];
  const contents: Content[] = [];
  const walk = (ref: QpdfValue, page: string | undefined) => {
    const dict = pdf.dict(ref)!;
    const here = (dict['/Pg'] as string | undefined) ?? page;
    const kids = pdf.array(dict['/K']);
    if (dict['/S']) elements.push({ ref: ref as string, type: (dict['/S'] as string).slice(1), dict, kids });
    for (const kid of kids) {
      if (typeof kid === 'number') {
        contents.push({ kind: 'mcid', element: ref as string, page: here!, mcid: kid });
        continue;
      }
      const kidDict = pdf.dict(kid);
      if (kidDict?.['/Type'] === '/MCR')
        contents.push({
          kind: 'mcid',
          element: ref as string,
          page: (kidDict['/Pg'] as string | undefined) ?? here!,
          stream: kidDict['/Stm'] as string | undefined,
          mcid: kidDict['/MCID'] as number,
        });
      else if (kidDict?.['/Type'] === '/OBJR')
        contents.push({ kind: 'objr', element: ref as string, object: kidDict['/Obj'] as string });
      else if (kidDict?.['/S']) walk(kid, here);
    }
  };
  const root = pdf.dict(pdf.catalog['/StructTreeRoot'])!;
  for (const kid of pdf.array(root['/K'])) walk(kid, undefined);
  return { elements, contents };
}

// ---------------------------------------------------------------------------------------------
// The content-stream reader, on its own and on hostile pages

const noResources: ContentResources = {
  xobject: (name) =>
    (({ Im1: 'image', Fm1: 'form', Fm2: 'marked-form', Fm3: 'tagged-form' }) as const)[name] ?? undefined,
  propertiesHaveMcid: (name) => name === 'MC0',
};
const mark = (content: string) => markUntaggedContent(Buffer.from(content, 'latin1'), noResources);
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
/** The output less what was inserted: must be the input, byte for byte. */
const withoutInserts = (bytes: Uint8Array) =>
  text(bytes)
    .replaceAll('\n/Artifact BMC\n', '')
    .replaceAll('\nEMC\n', '')
    .replace(/(\nEMC)+$/, '');

describe('marking untagged content as artifacts', () => {
  it('wraps a text object drawn outside marked content, and leaves tagged content alone', () => {
    const tagged = '/P <</MCID 0>> BDC BT /F1 12 Tf 10 10 Td (Hello) Tj ET EMC';
    expect(mark(tagged)).toEqual({ bytes: Buffer.from(tagged, 'latin1'), artifacts: 0, closed: 0, markedForms: [] });
    const footer = `${tagged}\nBT /F1 8 Tf 10 800 Td (Page 1 of 2) Tj ET`;
    const result = mark(footer);
    expect(result.artifacts).toBe(1);
    expect(text(result.bytes)).toContain('\n/Artifact BMC\nBT /F1 8 Tf 10 800 Td (Page 1 of 2) Tj ET\nEMC\n');
    expect(withoutInserts(result.bytes)).toBe(footer);
  });

  it('reads strings holding EMC, BT, ET, brackets and backslashes as strings', () => {
    const tricky =
      'BT /F1 12 Tf 10 10 Td (EMC \\) BT \\\\ (nested (deeper)) ET \\( EMC) Tj [(a) -20 (EMC) <4554> 3] TJ ET';
    const result = mark(tricky);
    expect(result.artifacts).toBe(1);
    expect(text(result.bytes)).toBe(`\n/Artifact BMC\n${tricky}\nEMC\n`);
  });

  it('reads hex strings, names with escapes, comments and property dictionaries', () => {
    const content = [
      '% a comment with (an unclosed bracket and EMC',
      '/Span <</ActualText <FEFF0066> /Lang (en-GB) /Nested << /A [1 2 (x)] >> >> BDC',
      'BT /F1 12 Tf <48 65 6c 6C 6f> Tj <> Tj ET EMC',
      '/P#20Q <</MCID 3>> BDC 0 0 m 10 10 l S EMC',
      '/OC /MC0 BDC 0 0 10 10 re f EMC',
    ].join('\n');
    const result = mark(content);
    // The ActualText span has no MCID: its text is neither tagged nor an artifact until wrapped.
    expect(result.artifacts).toBe(1);
    expect(text(result.bytes)).toContain('BDC\n\n/Artifact BMC\nBT /F1 12 Tf <48 65 6c 6C 6f> Tj <> Tj ET\nEMC\n');
    expect(withoutInserts(result.bytes)).toBe(content);
  });

  it('wraps whole path objects, clips included, and never inside one; closes each before q or Q', () => {
    const content = 'q 0 0 100 100 re W n 1 0 0 1 5 5 cm 0 0 m 10 0 l 10 10 l h S Q 0 0 5 5 re f';
    const result = mark(content);
    expect(text(result.bytes)).toBe(
      'q \n/Artifact BMC\n0 0 100 100 re W n 1 0 0 1 5 5 cm 0 0 m 10 0 l 10 10 l h S\nEMC\n Q \n/Artifact BMC\n0 0 5 5 re f\nEMC\n',
    );
    expect(result.artifacts).toBe(2);
  });

  it('wraps text shown inside a text object that also holds tagged text, inside the text object', () => {
    const content = 'BT /F1 9 Tf (untagged) Tj /P <</MCID 1>> BDC (tagged) Tj EMC (after) Tj ET';
    const result = mark(content);
    expect(text(result.bytes)).toBe(
      'BT /F1 9 Tf \n/Artifact BMC\n(untagged) Tj\nEMC\n /P <</MCID 1>> BDC (tagged) Tj EMC \n/Artifact BMC\n(after) Tj\nEMC\n ET',
    );
  });

  it('wraps images, forms and shadings drawn outside marked content', () => {
    const result = mark('q 10 0 0 10 0 0 cm /Im1 Do Q /Fm1 Do /Sh1 sh');
    expect(result.artifacts).toBe(2);
    expect(text(result.bytes)).toBe(
      'q 10 0 0 10 0 0 cm \n/Artifact BMC\n/Im1 Do\nEMC\n Q \n/Artifact BMC\n/Fm1 Do /Sh1 sh\nEMC\n',
    );
  });

  it('leaves a form with marked content of its own to be marked inside, saying where it was drawn', () => {
    const result = mark('/Fm2 Do /P <</MCID 0>> BDC /Fm2 Do EMC /Fm3 Do');
    expect(result.artifacts).toBe(0);
    expect(result.markedForms).toEqual([
      { name: 'Fm2', inside: false },
      { name: 'Fm2', inside: true },
    ]);
  });

  it('reads inline images whose data holds EI, EMC and brackets, by their size', () => {
    // 4×1 RGB, 8 bits: 12 bytes of data that would fool a scanner looking for "EI".
    const data = ' EI EMC ) (';
    expect(data.length + 1).toBe(12);
    const content = `BI /W 4 /H 1 /CS /RGB /BPC 8 ID  ${data} EI /P <</MCID 0>> BDC EMC`;
    const result = mark(content);
    expect(result.artifacts).toBe(1);
    expect(text(result.bytes)).toBe(
      `\n/Artifact BMC\nBI /W 4 /H 1 /CS /RGB /BPC 8 ID  ${data} EI\nEMC\n /P <</MCID 0>> BDC EMC`,
    );
    const hex = mark('BI /W 2 /H 1 /CS /G /BPC 8 /F /AHx ID 4549 3E> EI');
    expect(hex.artifacts).toBe(1);
    const stated = mark('BI /W 2 /H 1 /CS /G /BPC 8 /F /Fl /L 5 ID xxEIx EI');
    expect(stated.artifacts).toBe(1);
  });

  it('refuses what it cannot read or that is malformed, saying where', () => {
    const refused: [string, RegExp][] = [
      ['BI /W 2 /H 1 /CS /G /BPC 8 /F /Fl ID xxxx EI', /compressed without a stated length/],
      ['BI /W 4 /H 1 /CS /RGB /BPC 8 ID abc EI', /does not end where its size says|cut short/],
      ['BI /W 1 /H 1 /CS /Cs1 /BPC 8 ID x EI', /colour space/],
      ['/P <</MCID 0>> BDC EMC EMC', /an EMC with no marked content to end/],
      ['BT /P <</MCID 0>> BDC (x) Tj ET EMC', /not closed before the end of its text object/],
      ['/P <</MCID 0>> BDC BT (x) Tj EMC ET', /crosses a text object/],
      ['BT (unterminated Tj ET', /a string with no end/],
      ['BT <4G> Tj ET', /hexadecimal string with other characters/],
      ['{ 1 } pop', /unexpected "\{"/],
      ['0 0 m 1 1 l', /a path with no end/],
      ['0 0 m q 1 1 l S', /inside a path/],
      ['(x) Tj', /text shown outside a text object/],
      ['BT (x) Tj', /a text object with no end/],
      ['1 0 0 1 0 0 xyz', /unknown operator "xyz"/],
      ['/Missing Do', /XObject the page does not have/],
      ['10 10 Td 5', /operands with no operator/],
      ['[1 [2 [3', /an array with no end/],
    ];
    for (const [content, message] of refused) expect(() => mark(content), content).toThrow(message);
    // Unknown operators are allowed where the content says to ignore them.
    expect(mark('BX 1 2 newop EX').artifacts).toBe(0);
    expect(() => mark(`${'0 0 1 1 re f\n'.repeat(700_000)}`)).toThrow(/larger than this app reads/);
  });

  it('closes marked content Chromium leaves open at the end of a page', () => {
    const result = mark('/NonStruct <</MCID 27>> BDC BT (last line) Tj ET Q');
    expect(result.closed).toBe(1);
    expect(text(result.bytes)).toBe('/NonStruct <</MCID 27>> BDC BT (last line) Tj ET Q\nEMC');
  });
});

describe.skipIf(toolsSkip)('toArchivalPdf on hostile pages', () => {
  const archivalOptions = { ...options, attachments: [] };

  it('keeps the text of a page whose strings look like operators, and marks what was untagged', async () => {
    const content = [
      '/P <</MCID 0>> BDC BT /F1 12 Tf 50 700 Td (Tagged: \\(EMC\\) BT ET \\\\ done) Tj ET EMC',
      'BT /F1 10 Tf 50 50 Td (Footer \\) EMC \\( BT) Tj ET',
      'BT /F1 10 Tf 50 30 Td <48657820455420454d43> Tj ET',
    ].join('\n');
    const before = await taggedPdf(content);
    const after = await toArchivalPdf(before, archivalOptions);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'before.pdf'), before);
    writeFileSync(path.join(dir, 'after.pdf'), after);
    const words = (file: string) => run('pdftotext', [path.join(dir, file), '-']).stdout;
    expect(words('before.pdf')).toContain('Footer ) EMC ( BT');
    expect(words('before.pdf')).toContain('Hex ET EMC');
    expect(words('after.pdf')).toBe(words('before.pdf'));
    expect(unmarkedDrawing(run('mutool', ['trace', path.join(dir, 'before.pdf')]).stdout).unmarked).toHaveLength(2);
    expect(unmarkedDrawing(run('mutool', ['trace', path.join(dir, 'after.pdf')]).stdout).unmarked).toEqual([]);
    expect(run('qpdf', ['--check', path.join(dir, 'after.pdf')]).status).toBe(0);
  });

  it('marks what a form with marked content of its own draws outside its tags, and keeps its tagged text', async () => {
    const form =
      'BT /F1 12 Tf 50 600 Td (Untagged in a form) Tj ET /P <</MCID 0>> BDC BT /F1 12 Tf 50 580 Td (Tagged in a form) Tj ET EMC';
    const before = await taggedPdfWithForm(
      '/P <</MCID 0>> BDC BT /F1 12 Tf 50 700 Td (On the page) Tj ET EMC /Fm1 Do',
      form,
    );
    const after = await toArchivalPdf(before, archivalOptions);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'before.pdf'), before);
    writeFileSync(path.join(dir, 'after.pdf'), after);
    const words = (file: string) => run('pdftotext', [path.join(dir, file), '-']).stdout;
    expect(words('after.pdf')).toBe(words('before.pdf'));
    expect(words('after.pdf')).toContain('Untagged in a form');
    expect(unmarkedDrawing(run('mutool', ['trace', path.join(dir, 'before.pdf')]).stdout).unmarked).toHaveLength(1);
    expect(unmarkedDrawing(run('mutool', ['trace', path.join(dir, 'after.pdf')]).stdout).unmarked).toEqual([]);
    const struct = run('pdfinfo', ['-struct-text', path.join(dir, 'after.pdf')]);
    expect(struct.stdout).toContain('Tagged in a form');
    expect(struct.stdout).not.toContain('Untagged in a form');
    // Drawn once outside its tags and once inside, it cannot be marked for both: refused.
    const both = await taggedPdfWithForm('/Fm1 Do /P <</MCID 0>> BDC /Fm1 Do EMC', form);
    await expect(toArchivalPdf(both, archivalOptions)).rejects.toThrow(
      /a form drawn both inside and outside tagged content/,
    );
  });

  it('refuses a page with an unbalanced EMC, an oversized content stream, and a PDF with no tags', async () => {
    await expect(toArchivalPdf(await taggedPdf('/P <</MCID 0>> BDC EMC EMC'), archivalOptions)).rejects.toThrow(
      /page 1 of the printed minutes cannot be made archival safely \(an EMC with no marked content to end/,
    );
    await expect(toArchivalPdf(await taggedPdf(`${'% padding\n'.repeat(900_000)}`), archivalOptions)).rejects.toThrow(
      /page 1 .*larger than this app reads/,
    );
    const { PDFDocument } = await import('pdf-lib');
    const untagged = await PDFDocument.create();
    untagged.addPage();
    await expect(toArchivalPdf(await untagged.save(), archivalOptions)).rejects.toThrow(/carry no tags/);
  });

  it('writes a title with markup characters and a control character the same in XMP and the information dictionary', async () => {
    const title = 'Review of <Oak & Ash> "House"\u0007 café';
    const dir = tempDir();
    const file = path.join(dir, 'title.pdf');
    writeFileSync(file, await toArchivalPdf(await taggedPdf('/P <</MCID 0>> BDC EMC'), { ...archivalOptions, title }));
    const pdf = new QpdfJson(file);
    const xmp = pdf.data(pdf.catalog['/Metadata']).toString('utf8');
    const xmpTitle = /<rdf:li xml:lang="x-default">([^<]*)<\/rdf:li>/
      .exec(xmp)![1]!
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    expect(xmpTitle).toBe('Review of <Oak & Ash> "House"  café');
    expect(QpdfJson.text(pdf.dict(pdf.trailer['/Info'])!['/Title'])).toBe(xmpTitle);
  });

  it('refuses options that would make a PDF/A lie', async () => {
    const pdf = await taggedPdf('/P <</MCID 0>> BDC EMC');
    await expect(toArchivalPdf(pdf, { ...archivalOptions, language: 'English (UK)' })).rejects.toThrow(/language tag/);
    await expect(toArchivalPdf(pdf, { ...archivalOptions, title: ' ' })).rejects.toThrow(/title/);
    const twice = { ...options, attachments: [options.attachments[0]!, options.attachments[0]!] };
    await expect(toArchivalPdf(pdf, twice)).rejects.toThrow(/a name of its own/);
  });
});
