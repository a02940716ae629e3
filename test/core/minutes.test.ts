import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type {
  ImportResult,
  MinutesExport,
  MinutesVersion,
  OrganisationKey,
  ReceivedMinutes,
  VerifyReport,
} from '@shared/domain/minutes';
import { signaturesRecordSchema } from '@shared/domain/minutes';
import { sql } from '@core/db/sql';
import { canonicalJson } from '@shared/format/canonical';
import forge from 'node-forge';
import { minutesHtml } from '@core/minutes/print';
import { checkPdf } from '@core/signing/verify';
import { createPdfPrinter } from '../../electron/web/platform/pdf-printer';
import { QpdfJson, run, unmarkedDrawing } from './archival-tools';
import { callError, callOk, seedCaseBook, tempDir, testCore, type TestCore } from './helpers';

const hasChromium = existsSync('/usr/bin/chromium');
const hasPoppler = existsSync('/usr/bin/pdfsig');
const printer = createPdfPrinter();
afterAll(() => printer.close());
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const GOLDEN = '15c1028eb1be39a01bd2f360cc3520ebec83d58f83203fa10b160094e8a4632e';
const pixel =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A review run to its end: people present with emails, notes, a concern answered by an action. */
async function concludedReview(core: TestCore) {
  const seeded = await seedCaseBook(core);
  const { review } = seeded;
  const commissioner = await callOk<{ id: string }>(core, 'people.create', {
    name: 'Sam Okoro',
    role: 'Commissioning officer',
    organisationId: seeded.council.id,
    email: 'sam.okoro@northshire.example',
  });
  await callOk(core, 'sessions.addParticipant', {
    reviewId: review.id,
    personId: commissioner.id,
    name: 'Sam Okoro',
    role: 'Commissioning officer',
    organisation: 'Northshire County Council',
    side: 'commissioner',
    attendance: 'present',
  });
  await callOk(core, 'sessions.addParticipant', {
    reviewId: review.id,
    personId: seeded.person.id,
    name: 'Priya Shah',
    role: 'Registered manager',
    organisation: 'Brightwater Care Ltd',
    side: 'provider',
    attendance: 'present',
  });
  await callOk(core, 'sessions.draw', { reviewId: review.id, cardId: 'sellick-1-senior-relationships' });
  const note = { reviewId: review.id, stage: 'discover', side: 'provider', kind: 'story' };
  await callOk(core, 'notes.save', { ...note, id: crypto.randomUUID(), text: 'AB12 cooked for everyone on Sunday.' });
  const concern = crypto.randomUUID();
  await callOk(core, 'notes.save', {
    ...note,
    id: concern,
    kind: 'concern',
    text: 'AB12 has missed two contact visits.',
  });
  await callOk(core, 'actions.save', {
    reviewId: review.id,
    text: 'Arrange contact at a new venue',
    ownerSide: 'commissioner',
    dueDate: '2026-12-17',
    noteId: concern,
  });
  await callOk(core, 'sessions.conclude', { reviewId: review.id });
  const [draft] = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId: review.id });
  return { ...seeded, draft: draft! };
}

/**
 * What the issue asks of a sealed file, read by qpdf, poppler and mupdf: PDF/A-3 and PDF/UA-1
 * identification in XMP, an sRGB output intent, a trailer /ID, every attached file related to the
 * document, the language and marked flag, standard structure types (or role-mapped), list items as
 * Lbl and LBody, nothing drawn outside marked content or an artifact, and every font embedded with
 * a true italic among them.
 */
function expectArchival(file: string) {
  const pdf = new QpdfJson(file);
  const xmp = pdf.data(pdf.catalog['/Metadata']).toString('utf8');
  expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
  expect(xmp).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
  expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
  expect(xmp).toMatch(/<dc:title>/);
  expect(xmp).toMatch(/<xmp:CreatorTool>Relational Review 0\.0\.0-test<\/xmp:CreatorTool>/);
  const intents = pdf.array(pdf.catalog['/OutputIntents']);
  expect(intents).toHaveLength(1);
  expect(pdf.dict(pdf.dict(intents[0])!['/DestOutputProfile'])!['/N']).toBe(3);
  expect(pdf.array(pdf.trailer['/ID'])).toHaveLength(2);
  expect(QpdfJson.text(pdf.catalog['/Lang'])).toBe('en-GB');
  expect(pdf.dict(pdf.catalog['/MarkInfo'])!['/Marked']).toBe(true);
  const specs = pdf.array(pdf.catalog['/AF']).map((spec) => pdf.dict(spec)!);
  expect(specs.map((spec) => QpdfJson.text(spec['/F'])).sort()).toEqual(['minutes.json', 'signatures.json']);
  for (const spec of specs) expect(spec['/AFRelationship']).toBe('/Data');

  const structure = run('pdfinfo', ['-struct', file]);
  expect(structure.stderr, 'poppler reads every structure type').not.toMatch(/wrong type/);
  const lines = structure.stdout.split('\n');
  expect(lines.some((line) => /^\s*NonStruct\b/.test(line))).toBe(false);
  expect(lines.filter((line) => /^\s*LI\b/.test(line)).length).toBeGreaterThan(3);
  lines.forEach((line, index) => {
    if (!/^\s*LI\b/.test(line)) return;
    const indent = line.search(/\S/);
    // Its own elements (one indent deeper; attribute lines start with a slash): a Lbl, if it has a
    // bullet, and its LBody.
    const after = lines.slice(index + 1);
    const end = after.findIndex((next) => next.trim() && next.search(/\S/) <= indent);
    const kids = after
      .slice(0, end < 0 ? undefined : end)
      .filter((kid) => /^\s*[A-Z]/.test(kid) && kid.search(/\S/) === indent + 2)
      .map((kid) => kid.trim().split(/\s/)[0]);
    expect([['Lbl', 'LBody'], ['LBody']], `list item at line ${index}`).toContainEqual(kids);
  });
  expect(unmarkedDrawing(run('mutool', ['trace', file]).stdout).unmarked).toEqual([]);
  const fonts = run('pdffonts', [file])
    .stdout.split('\n')
    .slice(2)
    .filter((line) => line.trim());
  for (const font of fonts) expect(font).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
  expect(fonts.some((font) => /Italic/.test(font))).toBe(true);
}

async function signBoth(core: TestCore, minutes: MinutesVersion) {
  const sign = { minutesId: minutes.id, agreed: true, fingerprint: minutes.fingerprint };
  await callOk(core, 'minutes.sign', { ...sign, side: 'commissioner', name: 'Sam Okoro', image: pixel });
  return callOk<MinutesVersion>(core, 'minutes.sign', { ...sign, side: 'provider', name: 'Priya Shah', image: null });
}

describe('canonical content and its fingerprint', () => {
  it('gives the same bytes whatever the order of keys or the Unicode form of the text', () => {
    const a = { b: 'Zoë', a: [1, { y: 2, x: 'é' }], c: undefined };
    const b = { a: [1, { x: 'e\u0301', y: 2 }], b: 'Zoe\u0308' };
    expect(canonicalJson(a)).toBe('{"a":[1,{"x":"é","y":2}],"b":"Zoë"}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(canonicalJson({ when: '2026-12-03T10:00:00.000Z', n: 1.5, none: null })).toBe(
      '{"n":1.5,"none":null,"when":"2026-12-03T10:00:00.000Z"}',
    );
    // A golden fingerprint: if canonicalisation ever changes, minutes sealed before would no longer match.
    expect(sha256(canonicalJson(b))).toBe(GOLDEN);
  });

  it('keeps every note, whatever stage it was taken in: Define, Check-in, Matters arising and Close too', async () => {
    const core = testCore();
    const { review } = await seedCaseBook(core);
    const note = { reviewId: review.id, side: 'commissioner', kind: 'story' };
    await callOk(core, 'notes.save', {
      ...note,
      id: crypto.randomUUID(),
      stage: 'define',
      text: 'We agreed to listen first.',
    });
    await callOk(core, 'notes.save', {
      ...note,
      id: crypto.randomUUID(),
      stage: 'checkin',
      text: 'Both felt the calls have improved.',
    });
    await callOk(core, 'notes.save', {
      ...note,
      id: crypto.randomUUID(),
      stage: 'close',
      text: 'Thanks to the staff who cooked.',
    });
    await callOk(core, 'sessions.conclude', { reviewId: review.id });
    const [draft] = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId: review.id });
    expect(draft!.content.stages.map((stage) => [stage.stage, stage.notes.map((n) => n.text)])).toEqual([
      ['define', ['We agreed to listen first.']],
      ['checkin', ['Both felt the calls have improved.']],
      ['discover', []],
      ['dream', []],
      ['design', []],
      ['deliver', []],
      ['close', ['Thanks to the staff who cooked.']],
    ]);
    // The same content is what the PDF is printed from, and what is attached as minutes.json.
    const html = minutesHtml(draft!);
    for (const text of [
      'We agreed to listen first.',
      'Both felt the calls have improved.',
      'Thanks to the staff who cooked.',
    ])
      expect(html, text).toContain(text);
    const locked = await callOk<MinutesVersion>(core, 'minutes.lock', { minutesId: draft!.id });
    expect(locked.content.stages.find((stage) => stage.stage === 'checkin')?.notes).toHaveLength(1);
  });

  it('drafts minutes at conclusion, lets the words change, then locks them with a stable fingerprint', async () => {
    const core = testCore();
    const { draft } = await concludedReview(core);
    expect(draft).toMatchObject({
      version: 1,
      status: 'draft',
      fingerprint: null,
      awaiting: ['commissioner', 'provider'],
    });
    expect(draft.content.present.map((p) => p.name)).toEqual(['Sam Okoro', 'Priya Shah']);
    expect(draft.content.concerns).toEqual([
      {
        text: 'AB12 has missed two contact visits.',
        side: 'provider',
        actions: ['Arrange contact at a new venue'],
        noActionReason: null,
      },
    ]);
    expect(draft.content.stages.find((s) => s.stage === 'discover')!.notes).toEqual([
      { side: 'provider', kind: 'story', text: 'AB12 cooked for everyone on Sunday.', card: null, fromVisit: null },
    ]);
    expect(draft.content.disagreements).toEqual([]);
    expect(draft.content.visits).toEqual([]);
    await callOk(core, 'minutes.saveProse', {
      minutesId: draft.id,
      summary: 'A warm and honest review.',
      discover: 'Cooking has become AB12’s way in.',
    });
    const locked = await callOk<MinutesVersion>(core, 'minutes.lock', { minutesId: draft.id });
    expect(locked.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(locked.content.summary).toBe('A warm and honest review.');
    const refused = await callError(core, 'minutes.saveProse', {
      minutesId: draft.id,
      summary: 'Changed after locking',
    });
    expect(refused.code).toBe('conflict');
    await callOk(core, 'minutes.unlock', { minutesId: draft.id });
    const again = await callOk<MinutesVersion>(core, 'minutes.lock', { minutesId: draft.id });
    expect(again.fingerprint).toBe(locked.fingerprint);
  });
});

describe('signing on the laptop', () => {
  it('tells every window when minutes change, and not when they are only read', async () => {
    const core = testCore();
    const { draft } = await concludedReview(core);
    const heard: string[] = [];
    core.events.subscribe((event) => heard.push(event.name));
    await callOk(core, 'minutes.get', { minutesId: draft.id });
    expect(heard).toEqual([]);
    await callOk(core, 'minutes.lock', { minutesId: draft.id });
    expect(heard).toEqual(['minutes.changed']);
  });

  it('needs the locked fingerprint, a drawn or typed signature and agreement; each side once', async () => {
    const core = testCore();
    const { draft } = await concludedReview(core);
    expect(
      (
        await callError(core, 'minutes.sign', {
          minutesId: draft.id,
          side: 'provider',
          name: 'Priya Shah',
          image: null,
          agreed: true,
          fingerprint: 'a'.repeat(64),
        })
      ).message,
    ).toBe('Lock the minutes before signing them.');
    const locked = await callOk<MinutesVersion>(core, 'minutes.lock', { minutesId: draft.id });
    const base = {
      minutesId: locked.id,
      side: 'provider',
      name: 'Priya Shah',
      image: null,
      agreed: true,
      fingerprint: locked.fingerprint,
    };
    expect((await callError(core, 'minutes.sign', { ...base, fingerprint: 'b'.repeat(64) })).message).toMatch(
      /changed since you read them/,
    );
    expect((await callError(core, 'minutes.sign', { ...base, agreed: false })).fields).toEqual({
      agreed: 'Tick to agree that these minutes are an accurate record of the meeting.',
    });
    expect(
      (await callError(core, 'minutes.sign', { ...base, image: 'data:text/html;base64,PHNjcmlwdD4=' })).fields?.image,
    ).toMatch(/could not be read/);
    const signed = await signBoth(core, locked);
    expect(signed.awaiting).toEqual([]);
    expect(signed.signatures.map((s) => [s.side, s.name, s.image === null, s.fingerprint])).toEqual([
      ['commissioner', 'Sam Okoro', false, locked.fingerprint],
      ['provider', 'Priya Shah', true, locked.fingerprint],
    ]);
    expect((await callError(core, 'minutes.sign', base)).message).toBe(
      'The provider has already signed these minutes.',
    );
    expect(signed.audit.map((entry) => entry.action)).toEqual(['minutes.locked', 'minutes.signed', 'minutes.signed']);
  });
});

describe.skipIf(!hasChromium || !hasPoppler)('sealing, exporting, verifying, importing and amending', () => {
  it(
    'seals a PDF that pdfsig and qpdf accept, carrying the canonical JSON whose SHA-256 is the fingerprint; a changed byte shows',
    { timeout: 60_000 },
    async () => {
      const core = testCore(undefined, undefined, printer);
      const { draft, home } = await concludedReview(core);
      const locked = await callOk<MinutesVersion>(core, 'minutes.lock', { minutesId: draft.id });
      const early = await callError(core, 'minutes.seal', {
        minutesId: locked.id,
        organisation: 'Brightwater Care Ltd',
      });
      expect(early.message).toMatch(/still need the commissioner and the provider’s signature/);
      await signBoth(core, locked);
      const sealed = await callOk<MinutesVersion>(core, 'minutes.seal', {
        minutesId: locked.id,
        organisation: 'Brightwater Care Ltd',
      });
      expect(sealed).toMatchObject({
        status: 'sealed',
        sealedBy: 'Brightwater Care Ltd (Relational Review seal), Brightwater Care Ltd',
        sealKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      });

      const exported = await callOk<MinutesExport>(core, 'minutes.export', { minutesId: sealed.id });
      expect(exported.savedTo).toBeNull();
      const pdf = Buffer.from(exported.files.find((f) => f.mediaType === 'application/pdf')!.base64, 'base64');
      const dir = tempDir();
      const file = path.join(dir, 'minutes.pdf');
      writeFileSync(file, pdf);
      expect(execFileSync('pdfsig', [file]).toString()).toContain('Signature is Valid.');
      execFileSync('qpdf', ['--check', file]);
      expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Tagged:\s+yes/);
      expect(execFileSync('pdftotext', [file, '-']).toString()).toContain(`Fingerprint ${sealed.fingerprint}`);
      // The signature page names the sealing organisation and its key, inside what the seal covers.
      expect(execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ')).toContain(
        `Sealed for Brightwater Care Ltd with the key whose fingerprint is ${sealed.sealKey!.match(/.{4}/g)!.join(' ')}`,
      );
      const attached = checkPdf(pdf).attachment!;
      expect(sha256(attached)).toBe(sealed.fingerprint);
      expectArchival(file);
      // signatures.json says who agreed to what, who sealed, and where the audit trail stood.
      const detached = tempDir();
      expect(run('pdfdetach', ['-saveall', '-o', detached, file]).status).toBe(0);
      const record = signaturesRecordSchema.parse(
        JSON.parse(readFileSync(path.join(detached, 'signatures.json'), 'utf8')),
      );
      expect(record.signatures.map((s) => [s.name, s.side, s.method])).toEqual([
        ['Sam Okoro', 'commissioner', 'drawn'],
        ['Priya Shah', 'provider', 'typed'],
      ]);
      expect(record.signatures.every((s) => s.signedFingerprint === sealed.fingerprint)).toBe(true);
      expect(record.minutes).toEqual({ reviewId: sealed.reviewId, version: 1, fingerprint: sealed.fingerprint });
      expect(record.seal).toMatchObject({ organisation: 'Brightwater Care Ltd', keyFingerprint: sealed.sealKey });
      expect(
        core.context.db.get<{ hash: string }>(sql`SELECT hash FROM audit_log WHERE seq = ${record.auditHead!.seq}`),
      ).toEqual({ hash: record.auditHead!.hash });

      const report = await callOk<VerifyReport>(core, 'minutes.verify', { pdf: pdf.toString('base64') });
      expect(report).toMatchObject({
        valid: true,
        fingerprint: sealed.fingerprint,
        matches: { reviewId: sealed.reviewId, version: 1 },
        keysToConfirm: [],
      });
      expect(report.signatures).toMatchObject([
        {
          index: 1,
          kind: 'certification',
          organisation: 'Brightwater Care Ltd',
          fingerprint: sealed.sealKey,
          key: 'known',
          valid: true,
        },
      ]);

      // One byte changed inside the signed part: pdfsig and the app both say so.
      const tampered = Buffer.from(pdf);
      const at = tampered.indexOf('Oakwood');
      tampered[at] = 'X'.charCodeAt(0);
      const tamperedFile = path.join(dir, 'tampered.pdf');
      writeFileSync(tamperedFile, tampered);
      expect(execFileSync('pdfsig', [tamperedFile]).toString()).toContain('Digest Mismatch');
      const bad = await callOk<VerifyReport>(core, 'minutes.verify', { pdf: tampered.toString('base64') });
      expect(bad).toMatchObject({ valid: false, fingerprint: null, matches: null });
      expect(bad.reason).toMatch(/changed since this signature was made/);

      // The email draft carries the same PDF.
      const eml = path.join(dir, 'minutes.eml');
      writeFileSync(eml, Buffer.from(exported.files.find((f) => f.mediaType === 'message/rfc822')!.base64, 'base64'));
      const parsed = JSON.parse(
        execFileSync('python3', [
          '-c',
          `import email, email.policy, hashlib, json, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
parts = [p for p in m.iter_attachments()]
print(json.dumps({"unsent": m["X-Unsent"], "to": m["To"], "defects": len(m.defects), "sha": [hashlib.sha256(p.get_content()).hexdigest() for p in parts]}))`,
          eml,
        ]).toString(),
      ) as { unsent: string; to: string; defects: number; sha: string[] };
      expect(parsed).toEqual({
        unsent: '1',
        to: 'sam.okoro@northshire.example, priya.shah@brightwater.example',
        defects: 0,
        sha: [sha256(pdf)],
      });
      const body = execFileSync('python3', [
        '-c',
        "import email, email.policy, sys; m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default); print(m.get_body(('plain',)).get_content())",
        eml,
      ]).toString();
      expect(body.replace(/\s+/g, ' ')).toContain(
        `sealed with the key whose fingerprint begins ${sealed.sealKey!.slice(0, 20).match(/.{4}/g)!.join(' ')}`,
      );
      // Who, what and which version, closed with a name; no child reference where mail shows it.
      expect(body.replace(/\s+/g, ' ')).toContain(
        'of the joint review between Northshire County Council and Brightwater Care Ltd about Oakwood House on',
      );
      expect(body).toContain('version 1.');
      expect(body).toContain('They were signed by Sam Okoro (commissioner) and Priya Shah (provider).');
      expect(body.trimEnd().endsWith('With thanks,\nBrightwater Care Ltd')).toBe(true);
      const raw = readFileSync(eml, 'latin1');
      expect(raw, 'no bare line feeds anywhere in the message').not.toMatch(/[^\r]\n/);
      const names = exported.files.map((f) => f.fileName);
      expect(
        names.every((name) => !/AB12/i.test(name)),
        names.join(', '),
      ).toBe(true);
      expect(raw).toMatch(/^Subject: Joint review minutes: Oakwood House, .* \(version 1\)\r$/m);
      // (Not the whole message: the attached PDF's base64 could spell anything.)
      expect(raw.slice(0, raw.indexOf('\r\n\r\n'))).not.toMatch(/AB12/i);
      expect(body).not.toMatch(/AB12/i);

      // Chosen in the sharing preferences: the reference in the Subject and file names, and a name to sign off.
      expect(await callOk(core, 'minutes.sharing', {})).toEqual({ senderName: '', childReferenceInEmail: false });
      await callOk(core, 'minutes.setSharing', { senderName: 'Priya Shah', childReferenceInEmail: true });
      const named = await callOk<MinutesExport>(core, 'minutes.export', { minutesId: sealed.id });
      expect(named.files.map((f) => f.fileName)).toEqual([
        expect.stringMatching(/^minutes-Oakwood-House-child-AB12-.*-v1\.pdf$/),
        expect.stringMatching(/^minutes-Oakwood-House-child-AB12-.*-v1\.eml$/),
      ]);
      const namedRaw = Buffer.from(named.files[1]!.base64, 'base64').toString('latin1');
      expect(namedRaw.replace(/\r\n[ \t]+/g, ' ')).toMatch(
        /^Subject: Joint review minutes: Oakwood House, child AB12, .* \(version 1\)\r$/m,
      );
      expect(namedRaw).toContain('With thanks,\r\nPriya Shah\r\nBrightwater Care Ltd\r\n');

      // The other side imports the sealed minutes into its own case book, linked by the Ofsted URN:
      // first it is asked to confirm a key it has never seen, fingerprint shown.
      const other = testCore(undefined, undefined, printer);
      const otherProvider = await callOk<{ id: string }>(other, 'organisations.create', {
        name: 'Brightwater Care Ltd',
        kind: 'provider',
      });
      const otherHome = await callOk<{ id: string }>(other, 'homes.create', {
        providerId: otherProvider.id,
        name: 'Oakwood House',
        ofstedUrn: 'SC123456',
      });
      const unconfirmed = await callError(other, 'minutes.import', {
        pdf: pdf.toString('base64'),
        fileName: 'minutes.pdf',
      });
      expect(unconfirmed.code).toBe('conflict');
      expect(unconfirmed.message).toContain(
        `a key this case book has never seen, for Brightwater Care Ltd (fingerprint ${sealed.sealKey!.slice(0, 20).match(/.{4}/g)!.join(' ')})`,
      );
      expect(await callOk(other, 'minutes.received', {})).toEqual([]);
      const imported = await callOk<ImportResult>(other, 'minutes.import', {
        pdf: pdf.toString('base64'),
        fileName: 'minutes.pdf',
        acceptKeys: [sealed.sealKey],
      });
      expect(imported.received).toMatchObject({
        title: 'Placement review: AB12 at Oakwood House',
        fingerprint: sealed.fingerprint,
        homeId: otherHome.id,
        commissioner: 'Northshire County Council',
        provider: 'Brightwater Care Ltd',
      });
      expect(
        await callOk<OrganisationKey[]>(other, 'signing.keys', { organisation: 'Brightwater Care Ltd' }),
      ).toMatchObject([{ fingerprint: sealed.sealKey, source: 'received' }]);
      expect(
        (await callError(other, 'minutes.import', { pdf: tampered.toString('base64'), fileName: 'tampered.pdf' }))
          .message,
      ).toMatch(/^These minutes were not imported: This file is not valid/);
      expect(home.id).not.toBe(otherHome.id);

      // The other organisation countersigns on its own laptop, and sends the file back.
      const refused = await callError(other, 'minutes.countersign', {
        receivedId: imported.received!.id,
        organisation: 'Brightwater Care Ltd',
      });
      expect(refused.message).toMatch(/Brightwater Care Ltd has already signed these minutes/);
      const countersigned = await callOk<ReceivedMinutes>(other, 'minutes.countersign', {
        receivedId: imported.received!.id,
        organisation: 'Northshire County Council',
      });
      expect(countersigned.signatures.map((s) => s.organisation)).toEqual([
        'Brightwater Care Ltd',
        'Northshire County Council',
      ]);
      expect(countersigned.countersignedAt).not.toBeNull();
      const sentBack = await callOk<MinutesExport>(other, 'minutes.exportReceived', {
        receivedId: imported.received!.id,
      });
      const countersignedPdf = Buffer.from(
        sentBack.files.find((f) => f.mediaType === 'application/pdf')!.base64,
        'base64',
      );
      const countersignedFile = path.join(dir, 'countersigned.pdf');
      writeFileSync(countersignedFile, countersignedPdf);
      expect(
        execFileSync('pdfsig', [countersignedFile])
          .toString()
          .match(/Signature is Valid\./g),
      ).toHaveLength(2);

      // Back home: the countersignature's key is new, so it is confirmed, then recorded on the minutes.
      const counterKey = countersigned.signatures[1]!.fingerprint;
      const back = await callError(core, 'minutes.import', {
        pdf: countersignedPdf.toString('base64'),
        fileName: 'countersigned.pdf',
      });
      expect(back.message).toContain('a key this case book has never seen, for Northshire County Council');
      const recorded = await callOk<ImportResult>(core, 'minutes.import', {
        pdf: countersignedPdf.toString('base64'),
        fileName: 'countersigned.pdf',
        acceptKeys: [counterKey],
      });
      expect(recorded).toMatchObject({ received: null, countersigned: { minutesId: sealed.id, version: 1 } });
      const withCountersignature = await callOk<MinutesVersion>(core, 'minutes.get', { minutesId: sealed.id });
      expect(withCountersignature.countersignatures).toMatchObject([
        { organisation: 'Northshire County Council', fingerprint: counterKey },
      ]);
      expect(withCountersignature.audit.map((entry) => entry.action)).toContain('minutes.countersignatureImported');
      expect(
        (await callError(core, 'minutes.import', { pdf: countersignedPdf.toString('base64'), fileName: 'again.pdf' }))
          .message,
      ).toMatch(/already recorded/);
      const both = await callOk<VerifyReport>(core, 'minutes.verify', { pdf: countersignedPdf.toString('base64') });
      expect(both.signatures.map((s) => [s.organisation, s.key, s.valid])).toEqual([
        ['Brightwater Care Ltd', 'known', true],
        ['Northshire County Council', 'known', true],
      ]);
      // From now on the countersigned file is the one exported.
      const reexported = await callOk<MinutesExport>(core, 'minutes.export', { minutesId: sealed.id });
      expect(Buffer.from(reexported.files[0]!.base64, 'base64').equals(countersignedPdf)).toBe(true);

      // A correction makes version 2; version 1 stays sealed.
      const amended = await callOk<MinutesVersion>(core, 'minutes.amend', { minutesId: sealed.id });
      expect(amended).toMatchObject({
        version: 2,
        status: 'draft',
        content: { amends: { version: 1, fingerprint: sealed.fingerprint } },
      });
      const versions = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId: sealed.reviewId });
      expect(versions.map((v) => [v.version, v.status])).toEqual([
        [1, 'sealed'],
        [2, 'draft'],
      ]);
    },
  );
});

describe('an organisation’s own certificate', () => {
  it('is used for its seals once imported, and its key becomes known; a wrong password is refused and nothing is kept', async () => {
    const core = testCore();
    const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = '01';
    cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
    cert.validity.notAfter = new Date('2031-01-01T00:00:00Z');
    cert.setSubject([
      { shortName: 'CN', value: 'Brightwater seal' },
      { shortName: 'O', value: 'Brightwater Care Ltd' },
    ]);
    cert.setIssuer(cert.subject.attributes);
    cert.sign(keys.privateKey, forge.md.sha256.create());
    const p12 = Buffer.from(
      forge.asn1
        .toDer(forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], 'head office', { algorithm: '3des' }))
        .getBytes(),
      'binary',
    ).toString('base64');
    const fingerprint = sha256(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'));
    const wrong = await callError(core, 'signing.importIdentity', {
      organisation: 'Brightwater Care Ltd',
      p12,
      password: 'not it',
    });
    expect(wrong.message).toMatch(/password may be wrong/);
    expect(await callOk(core, 'signing.identities', {})).toEqual([]);
    const list = await callOk<{ organisation: string; kind: string; certificateFingerprint: string }[]>(
      core,
      'signing.importIdentity',
      { organisation: 'Brightwater Care Ltd', p12, password: 'head office' },
    );
    expect(list).toMatchObject([
      { organisation: 'Brightwater Care Ltd', kind: 'imported', certificateFingerprint: fingerprint },
    ]);
    expect(await callOk<OrganisationKey[]>(core, 'signing.keys', {})).toMatchObject([
      { organisation: 'Brightwater Care Ltd', fingerprint, source: 'imported_certificate' },
    ]);
  });

  it('knows a key by the fingerprint read out at the meeting, typed with spaces or not, and refuses one that is not a fingerprint', async () => {
    const core = testCore();
    const fingerprint = sha256('a key');
    const spaced = fingerprint.toUpperCase().match(/.{4}/g)!.join(' ');
    expect(
      await callOk<OrganisationKey[]>(core, 'signing.confirmKey', {
        organisation: 'Northshire County Council',
        fingerprint: spaced,
      }),
    ).toMatchObject([{ organisation: 'Northshire County Council', fingerprint, source: 'confirmed' }]);
    const bad = await callError(core, 'signing.confirmKey', {
      organisation: 'Northshire County Council',
      fingerprint: 'abcd 1234',
    });
    expect(bad.fields?.fingerprint).toMatch(/64 letters/);
  });
});

describe.skipIf(!hasChromium)('a child’s name before sealing', () => {
  it(
    'is asked about: sealing is refused until someone confirms the flagged words are not a child’s name',
    { timeout: 60_000 },
    async () => {
      const core = testCore(undefined, undefined, printer);
      const seeded = await seedCaseBook(core);
      const note = { reviewId: seeded.review.id, stage: 'discover', side: 'provider', kind: 'story' };
      await callOk(core, 'notes.save', { ...note, id: crypto.randomUUID(), text: 'Jayden cooked tea for Priya.' });
      await callOk(core, 'sessions.conclude', { reviewId: seeded.review.id });
      const [draft] = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId: seeded.review.id });
      // Priya Shah is in the case book but not in this review (she only signs, by her whole name).
      expect(draft!.possibleNames).toEqual([
        { word: 'Jayden', where: ['a note in Discover'] },
        { word: 'Priya', where: ['a note in Discover'] },
      ]);
      const locked = await callOk<MinutesVersion>(core, 'minutes.lock', { minutesId: draft!.id });
      await signBoth(core, locked);
      const refused = await callError(core, 'minutes.seal', {
        minutesId: locked.id,
        organisation: 'Brightwater Care Ltd',
      });
      expect(refused.message).toMatch(
        /These words may be a child’s name: “Jayden” \(a note in Discover\); “Priya” \(a note in Discover\)/,
      );
      expect(refused.fields).toEqual({ notChildNames: 'Confirm that none of these words is a child’s name.' });
      expect((await callOk<MinutesVersion>(core, 'minutes.get', { minutesId: locked.id })).status).toBe('locked');

      const sealed = await callOk<MinutesVersion>(core, 'minutes.seal', {
        minutesId: locked.id,
        organisation: 'Brightwater Care Ltd',
        notChildNames: ['Jayden', 'Priya'],
      });
      expect(sealed.status).toBe('sealed');
      expect(sealed.possibleNames).toEqual([]);
      expect(sealed.audit.find((entry) => entry.action === 'minutes.sealed')?.detail).toMatchObject({
        confirmedNotChildNames: ['Jayden', 'Priya'],
      });
    },
  );
});
