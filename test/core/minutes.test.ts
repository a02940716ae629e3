import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MinutesExport, MinutesVersion, ReceivedMinutes, VerifyReport } from '../../shared/domain/minutes';
import { canonicalJson } from '../../shared/format/canonical';
import { readAttachment } from '../../electron/core/signing/attachment';
import { createIdentity } from '../../electron/core/signing/identity';
import { createChromiumPrinter } from '../../electron/web/chromium-printer';
import { callError, callOk, seedCaseBook, tempDir, testCore, type TestCore } from './helpers';

const hasChromium = existsSync('/usr/bin/chromium');
const hasPoppler = existsSync('/usr/bin/pdfsig');
const printer = createChromiumPrinter();
afterAll(() => printer.close());
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const GOLDEN = '15c1028eb1be39a01bd2f360cc3520ebec83d58f83203fa10b160094e8a4632e';
const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A review run to its end: people present with emails, notes, a concern answered by an action. */
async function concludedReview(core: TestCore) {
  const seeded = await seedCaseBook(core);
  const { review } = seeded;
  const commissioner = await callOk<{ id: string }>(core, 'people.create', { name: 'Sam Okoro', role: 'Commissioning officer', organisationId: seeded.council.id, email: 'sam.okoro@northshire.example' });
  await callOk(core, 'sessions.addParticipant', { reviewId: review.id, personId: commissioner.id, name: 'Sam Okoro', role: 'Commissioning officer', organisation: 'Northshire County Council', side: 'commissioner', attendance: 'present' });
  await callOk(core, 'sessions.addParticipant', { reviewId: review.id, personId: seeded.person.id, name: 'Priya Shah', role: 'Registered manager', organisation: 'Brightwater Care Ltd', side: 'provider', attendance: 'present' });
  await callOk(core, 'sessions.draw', { reviewId: review.id, cardId: 'sellick-1-senior-relationships' });
  const note = { reviewId: review.id, stage: 'discover', side: 'provider', kind: 'story' };
  await callOk(core, 'notes.save', { ...note, id: crypto.randomUUID(), text: 'AB12 cooked for everyone on Sunday.' });
  const concern = crypto.randomUUID();
  await callOk(core, 'notes.save', { ...note, id: concern, kind: 'concern', text: 'AB12 has missed two contact visits.' });
  await callOk(core, 'actions.save', { reviewId: review.id, text: 'Arrange contact at a new venue', ownerSide: 'commissioner', dueDate: '2026-12-17', noteId: concern });
  await callOk(core, 'sessions.conclude', { reviewId: review.id });
  const [draft] = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId: review.id });
  return { ...seeded, draft: draft! };
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
    expect(canonicalJson({ when: '2026-12-03T10:00:00.000Z', n: 1.5, none: null })).toBe('{"n":1.5,"none":null,"when":"2026-12-03T10:00:00.000Z"}');
    // A golden fingerprint: if canonicalisation ever changes, minutes sealed before would no longer match.
    expect(sha256(canonicalJson(b))).toBe(GOLDEN);
  });

  it('drafts minutes at conclusion, lets the words change, then locks them with a stable fingerprint', async () => {
    const core = testCore();
    const { draft } = await concludedReview(core);
    expect(draft).toMatchObject({ version: 1, status: 'draft', fingerprint: null, awaiting: ['commissioner', 'provider'] });
    expect(draft.content.present.map((p) => p.name)).toEqual(['Sam Okoro', 'Priya Shah']);
    expect(draft.content.concerns).toEqual([{ text: 'AB12 has missed two contact visits.', side: 'provider', actions: ['Arrange contact at a new venue'], noActionReason: null }]);
    expect(draft.content.stages.find((s) => s.stage === 'discover')!.notes).toEqual([{ side: 'provider', kind: 'story', text: 'AB12 cooked for everyone on Sunday.' }]);
    await callOk(core, 'minutes.saveProse', { minutesId: draft.id, summary: 'A warm and honest review.', discover: 'Cooking has become AB12’s way in.' });
    const locked = await callOk<MinutesVersion>(core, 'minutes.lock', { minutesId: draft.id });
    expect(locked.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(locked.content.summary).toBe('A warm and honest review.');
    const refused = await callError(core, 'minutes.saveProse', { minutesId: draft.id, summary: 'Changed after locking' });
    expect(refused.code).toBe('conflict');
    await callOk(core, 'minutes.unlock', { minutesId: draft.id });
    const again = await callOk<MinutesVersion>(core, 'minutes.lock', { minutesId: draft.id });
    expect(again.fingerprint).toBe(locked.fingerprint);
  });
});

describe('signing on the laptop', () => {
  it('needs the locked fingerprint, a drawn or typed signature and agreement; each side once', async () => {
    const core = testCore();
    const { draft } = await concludedReview(core);
    expect((await callError(core, 'minutes.sign', { minutesId: draft.id, side: 'provider', name: 'Priya Shah', image: null, agreed: true, fingerprint: 'a'.repeat(64) })).message).toBe(
      'Lock the minutes before signing them.',
    );
    const locked = await callOk<MinutesVersion>(core, 'minutes.lock', { minutesId: draft.id });
    const base = { minutesId: locked.id, side: 'provider', name: 'Priya Shah', image: null, agreed: true, fingerprint: locked.fingerprint };
    expect((await callError(core, 'minutes.sign', { ...base, fingerprint: 'b'.repeat(64) })).message).toMatch(/changed since you read them/);
    expect((await callError(core, 'minutes.sign', { ...base, agreed: false })).fields).toEqual({ agreed: 'Tick to agree that these minutes are an accurate record of the meeting.' });
    expect((await callError(core, 'minutes.sign', { ...base, image: 'data:text/html;base64,PHNjcmlwdD4=' })).fields?.image).toMatch(/could not be read/);
    const signed = await signBoth(core, locked);
    expect(signed.awaiting).toEqual([]);
    expect(signed.signatures.map((s) => [s.side, s.name, s.image === null, s.fingerprint])).toEqual([
      ['commissioner', 'Sam Okoro', false, locked.fingerprint],
      ['provider', 'Priya Shah', true, locked.fingerprint],
    ]);
    expect((await callError(core, 'minutes.sign', base)).message).toBe('The provider has already signed these minutes.');
    expect(signed.audit.map((entry) => entry.action)).toEqual(['minutes.locked', 'minutes.signed', 'minutes.signed']);
  });
});

describe.skipIf(!hasChromium || !hasPoppler)('sealing, exporting, verifying, importing and amending', () => {
  it('seals a PDF that pdfsig and qpdf accept, carrying the canonical JSON whose SHA-256 is the fingerprint; a changed byte shows', { timeout: 60_000 }, async () => {
    const core = testCore(undefined, undefined, printer);
    const { draft, home } = await concludedReview(core);
    const locked = await callOk<MinutesVersion>(core, 'minutes.lock', { minutesId: draft.id });
    const early = await callError(core, 'minutes.seal', { minutesId: locked.id, organisation: 'Brightwater Care Ltd' });
    expect(early.message).toMatch(/still need the commissioner and the provider’s signature/);
    await signBoth(core, locked);
    const sealed = await callOk<MinutesVersion>(core, 'minutes.seal', { minutesId: locked.id, organisation: 'Brightwater Care Ltd' });
    expect(sealed).toMatchObject({ status: 'sealed', sealedBy: expect.stringMatching(/^Relational Review on .+, Brightwater Care Ltd$/) });

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
    const attached = readAttachment(pdf, 'minutes.json')!;
    expect(sha256(attached)).toBe(sealed.fingerprint);

    const report = await callOk<VerifyReport>(core, 'minutes.verify', { pdf: pdf.toString('base64') });
    expect(report).toMatchObject({ valid: true, fingerprint: sealed.fingerprint, matches: { reviewId: sealed.reviewId, version: 1 } });

    // One byte changed inside the signed part: pdfsig and the app both say so.
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('Oakwood');
    tampered[at] = 'X'.charCodeAt(0);
    const tamperedFile = path.join(dir, 'tampered.pdf');
    writeFileSync(tamperedFile, tampered);
    expect(execFileSync('pdfsig', [tamperedFile]).toString()).toContain('Digest Mismatch');
    const bad = await callOk<VerifyReport>(core, 'minutes.verify', { pdf: tampered.toString('base64') });
    expect(bad.valid).toBe(false);
    expect(bad.reason).toMatch(/changed since it was sealed/);

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
    expect(parsed).toEqual({ unsent: '1', to: 'sam.okoro@northshire.example, priya.shah@brightwater.example', defects: 0, sha: [sha256(pdf)] });

    // The other side imports the sealed minutes into its own case book, linked by the Ofsted URN.
    const other = testCore();
    const otherProvider = await callOk<{ id: string }>(other, 'organisations.create', { name: 'Brightwater Care Ltd', kind: 'provider' });
    const otherHome = await callOk<{ id: string }>(other, 'homes.create', { providerId: otherProvider.id, name: 'Oakwood House', ofstedUrn: 'SC123456' });
    const received = await callOk<ReceivedMinutes>(other, 'minutes.import', { pdf: pdf.toString('base64'), fileName: 'minutes.pdf' });
    expect(received).toMatchObject({ title: 'Placement review: AB12 at Oakwood House', fingerprint: sealed.fingerprint, homeId: otherHome.id });
    expect((await callError(other, 'minutes.import', { pdf: tampered.toString('base64'), fileName: 'tampered.pdf' })).message).toMatch(/^These minutes were not imported: This file has been changed/);
    expect(home.id).not.toBe(otherHome.id);

    // A correction makes version 2; version 1 stays sealed.
    const amended = await callOk<MinutesVersion>(core, 'minutes.amend', { minutesId: sealed.id });
    expect(amended).toMatchObject({ version: 2, status: 'draft', content: { amends: { version: 1, fingerprint: sealed.fingerprint } } });
    const versions = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId: sealed.reviewId });
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'sealed'],
      [2, 'draft'],
    ]);
  });
});

describe('an organisation’s own certificate', () => {
  it('is used for its seals once imported; a wrong password is refused and nothing is kept', async () => {
    const core = testCore();
    const own = createIdentity({ organisation: 'Brightwater Care Ltd', device: 'head office' });
    const wrong = await callError(core, 'signing.importIdentity', { organisation: 'Brightwater Care Ltd', p12: own.p12.toString('base64'), password: 'not it' });
    expect(wrong.message).toMatch(/password may be wrong/);
    expect(await callOk(core, 'signing.identities', {})).toEqual([]);
    const list = await callOk<{ organisation: string; kind: string; certificateFingerprint: string }[]>(core, 'signing.importIdentity', {
      organisation: 'Brightwater Care Ltd',
      p12: own.p12.toString('base64'),
      password: own.password,
    });
    expect(list).toMatchObject([{ organisation: 'Brightwater Care Ltd', kind: 'imported', certificateFingerprint: own.fingerprint }]);
  });
});
