import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIdentity } from '@core/signing/identity';
import { countersignPdf, sealPdf } from '@core/signing/seal';
import type { PdfCheck, SealDetails, SigningIdentity } from '@core/signing/types';
import { checkPdf } from '@core/signing/verify';
import * as attacks from './attacks';
import { mutoolText, pdfdetachFile, pdfsig, qpdfCheck, qpdfPageCount, tools } from './attacks/tools';

/**
 * Hostile PDFs against checkPdf: every one is refused, and never with an exception. Where an
 * independent tool can say so, the test also shows that the file is the attack it claims to be
 * (a seal that still verifies, a page that now reads otherwise), so a refusal is not just a
 * broken file being refused.
 */

const now = new Date('2026-12-03T10:00:00Z');
const sealDetails: SealDetails = {
  reason: 'Joint review minutes',
  location: 'Northshire County Council',
  name: 'Sam Patel',
  signedAt: new Date('2026-12-03T11:30:00Z'),
};
const countersignDetails: SealDetails = {
  reason: 'Countersigned',
  location: 'Brightwater Care Ltd',
  name: 'Jo Reid',
  signedAt: new Date('2026-12-04T10:00:00Z'),
};
const pdfsigSkip = 'needs pdfsig (poppler-utils) on the PATH';
const qpdfSkip = 'needs qpdf on the PATH';
const mutoolSkip = 'needs mutool (mupdf-tools) on the PATH';
const pdfdetachSkip = 'needs pdfdetach (poppler-utils) on the PATH';

let sealer: SigningIdentity;
let sealerEc: SigningIdentity;
let countersigner: SigningIdentity;
let countersignerRsa: SigningIdentity;
let impostor: SigningIdentity;
let sealed: Buffer;
let sealedEc: Buffer;
let countersigned: Buffer;
let countersignedEc: Buffer;

beforeAll(async () => {
  sealer = createIdentity({ organisation: 'Northshire County Council', now, algorithm: 'rsa-3072' });
  sealerEc = createIdentity({ organisation: 'Northshire County Council', now, algorithm: 'ecdsa-p256' });
  countersigner = createIdentity({ organisation: 'Brightwater Care Ltd', now, algorithm: 'ecdsa-p256' });
  countersignerRsa = createIdentity({ organisation: 'Brightwater Care Ltd', now, algorithm: 'rsa-3072' });
  const unsigned = await attacks.minutesPdf();
  sealed = await sealPdf(unsigned, sealer, sealDetails);
  sealedEc = await sealPdf(unsigned, sealerEc, sealDetails);
  countersigned = await countersignPdf(sealed, countersigner, countersignDetails);
  countersignedEc = await countersignPdf(sealedEc, countersignerRsa, countersignDetails);
  impostor = attacks.lookAlikeIdentity(attacks.sealerCertificate(sealed), 'rsa-3072');
});

/** checkPdf; an exception fails the test instead of escaping it. */
function check(file: Uint8Array): PdfCheck {
  let result: PdfCheck | undefined;
  expect(() => (result = checkPdf(file))).not.toThrow();
  return result!;
}

const summary = (result: PdfCheck) =>
  JSON.stringify({ ...result, attachment: result.attachment && `${result.attachment.length} bytes` });

/** Not valid, no minutes handed back, and a reason given: the file's, or a signature's. */
function expectRefused(result: PdfCheck): void {
  expect(result.valid, summary(result)).toBe(false);
  expect(result.attachment).toBeNull();
  const reason =
    result.problem !== null ||
    result.signatures.some((signature) => signature.problem !== null || signature.changedAfter.length > 0);
  expect(reason, `refused without a reason: ${summary(result)}`).toBe(true);
}

/** The seal is intact, and what came after it is named. */
function expectSealIntactButChanged(result: PdfCheck, words?: RegExp): void {
  expectRefused(result);
  const [seal] = result.signatures;
  expect(seal, summary(result)).toBeDefined();
  expect(seal!.problem, summary(result)).toBeNull();
  expect(seal!.changedAfter.length, summary(result)).toBeGreaterThan(0);
  if (words) expect(seal!.changedAfter.join('; ')).toMatch(words);
}

const onPage = /page/i;
const inMinutes = /minutes\.json|attach/i;

describe('genuine minutes', () => {
  it('a seal with RSA 3072, and one with ECDSA P-256, are valid and name the sealer', () => {
    for (const [file, identity, algorithm] of [
      [sealed, sealer, 'RSA 3072 with SHA-256'],
      [sealedEc, sealerEc, 'ECDSA P-256 with SHA-256'],
    ] as const) {
      const result = check(file);
      expect(result, summary(result)).toMatchObject({ valid: true, problem: null });
      expect(result.signatures).toHaveLength(1);
      expect(result.signatures[0]).toMatchObject({
        kind: 'certification',
        permissions: 2,
        signer: identity.subject,
        fingerprint: identity.fingerprint,
        algorithm,
        problem: null,
        changedAfter: [],
      });
      expect(result.attachment?.equals(attacks.minutesJson())).toBe(true);
    }
  });

  it('sealed and countersigned (RSA then ECDSA, ECDSA then RSA) are valid with both signers named', () => {
    for (const [file, first, second] of [
      [countersigned, sealer, countersigner],
      [countersignedEc, sealerEc, countersignerRsa],
    ] as const) {
      const result = check(file);
      expect(result, summary(result)).toMatchObject({ valid: true, problem: null });
      expect(
        result.signatures.map((signature) => [
          signature.kind,
          signature.signer,
          signature.fingerprint,
          signature.problem,
        ]),
      ).toEqual([
        ['certification', first.subject, first.fingerprint, null],
        ['approval', second.subject, second.fingerprint, null],
      ]);
      expect(result.attachment?.equals(attacks.minutesJson())).toBe(true);
    }
  });

  it.skipIf(!tools.pdfsig)(
    `pdfsig finds every genuine signature valid, the last covering the whole file (${pdfsigSkip})`,
    () => {
      for (const file of [sealed, sealedEc, countersigned, countersignedEc]) {
        const { signatures, output } = pdfsig(file);
        expect(
          signatures.every((signature) => signature.validation === 'Signature is Valid.'),
          output,
        ).toBe(true);
        expect(
          signatures.filter((signature) => signature.totalDocument),
          output,
        ).toHaveLength(1);
      }
    },
  );

  it('a countersignature written by hand, the way the attacks write theirs, is valid too: the attacks are refused for what they change', async () => {
    const result = check(await attacks.plainCountersignature(sealed, countersigner));
    expect(result, summary(result)).toMatchObject({ valid: true, problem: null });
    expect(result.signatures.map((signature) => signature.fingerprint)).toEqual([
      sealer.fingerprint,
      countersigner.fingerprint,
    ]);
  });
});

const bases = [
  ['the RSA seal', () => sealed],
  ['the ECDSA seal', () => sealedEc],
  ['sealed and countersigned', () => countersigned],
] as const;

describe.each(bases)('1. an incremental update after %s', (_, base) => {
  const wordsFor: Partial<Record<attacks.TamperName, RegExp>> = {
    appendPage: onPage,
    replacePageContents: onPage,
    rewritePageContents: onPage,
    addFreeTextAnnotation: onPage,
    addSquareAnnotation: onPage,
    addUnusedObjects: /object\(s\) that nothing in the document uses/,
    retitle: /catalog or information/,
    replaceMinutesStream: inMinutes,
    replaceMinutesFileSpec: inMinutes,
    replaceMinutesNameTree: inMinutes,
  };
  const hidesSeal = new Set<attacks.TamperName>(['removeSealField', 'hideSeal']);

  it.each(Object.keys(attacks.incrementalAttacks) as attacks.TamperName[])(
    '%s is refused, naming what changed',
    async (name) => {
      const result = check(await attacks.incrementalAttacks[name](base()));
      if (hidesSeal.has(name)) return expectRefused(result);
      expectSealIntactButChanged(result, wordsFor[name]);
      // Every signature before the update is intact, and each says what came after it.
      for (const signature of result.signatures)
        expect(signature, summary(result)).toMatchObject({
          problem: null,
          changedAfter: expect.arrayContaining([expect.any(String)]),
        });
    },
  );
});

describe('1. the incremental updates are real', () => {
  it.skipIf(!tools.pdfsig)(
    `pdfsig: the seal still verifies but no longer covers the whole file; with the seal hidden it finds none (${pdfsigSkip})`,
    async () => {
      for (const [name, build] of Object.entries(attacks.incrementalAttacks)) {
        const { signatures, output } = pdfsig(await build(sealed));
        if (name === 'hideSeal') expect(signatures, output).toHaveLength(0);
        else
          expect(signatures[0], `${name}: ${output}`).toMatchObject({
            validation: 'Signature is Valid.',
            totalDocument: false,
          });
      }
    },
  );

  it.skipIf(!tools.qpdf)(`qpdf finds each file sound, and counts the added page (${qpdfSkip})`, async () => {
    for (const [name, build] of Object.entries(attacks.incrementalAttacks)) {
      const checked = qpdfCheck(await build(sealed));
      expect(checked.status, `${name}: ${checked.output}`).toBe(0);
    }
    expect(qpdfPageCount(await attacks.incrementalAttacks.appendPage(sealed))).toBe(4);
    expect(qpdfPageCount(await attacks.incrementalAttacks.swapPageTree(sealed))).toBe(1);
  });

  it.skipIf(!tools.mutool)(`mutool reads the new text on page 1 (${mutoolSkip})`, async () => {
    for (const build of [
      attacks.incrementalAttacks.replacePageContents,
      attacks.incrementalAttacks.rewritePageContents,
      attacks.incrementalAttacks.swapPageTree,
    ]) {
      expect(mutoolText(await build(sealed), 1)).toContain(attacks.replacementLines[0]);
    }
  });

  it.skipIf(!tools.pdfdetach)(`pdfdetach reads the replaced minutes.json (${pdfdetachSkip})`, async () => {
    for (const build of [
      attacks.incrementalAttacks.replaceMinutesStream,
      attacks.incrementalAttacks.replaceMinutesFileSpec,
      attacks.incrementalAttacks.replaceMinutesNameTree,
    ]) {
      expect(pdfdetachFile(await build(sealed), 'minutes.json')?.toString()).toBe(
        attacks.replacementMinutes.toString(),
      );
    }
  });
});

describe('2. tampered, then signed again with a look-alike key', () => {
  const inPlace = new Set(['pageChangedInPlaceThenSigned', 'minutesChangedInPlaceThenSigned']);

  it('the impostor copies the sealer’s certificate but for its key', () => {
    expect(impostor.subject).toEqual(sealer.subject);
    expect(impostor.fingerprint).not.toBe(sealer.fingerprint);
  });

  it.each(Object.keys(attacks.reSignAttacks) as (keyof typeof attacks.reSignAttacks)[])(
    '%s is refused',
    async (name) => {
      const result = check(await attacks.reSignAttacks[name](sealed, impostor));
      expectRefused(result);
      const last = result.signatures[result.signatures.length - 1];
      // The impostor's signature is sound; only its key tells it apart.
      expect(last, summary(result)).toMatchObject({
        signer: sealer.subject,
        fingerprint: impostor.fingerprint,
        problem: null,
      });
      if (name === 'sealHiddenThenSigned') return;
      expect(result.signatures, summary(result)).toHaveLength(2);
      expect(result.signatures[0]!.fingerprint).toBe(sealer.fingerprint);
      if (inPlace.has(name)) expect(result.signatures[0]!.problem, summary(result)).toBe('digest_mismatch');
      else expectSealIntactButChanged(result, name.startsWith('page') ? onPage : inMinutes);
    },
  );

  it.skipIf(!tools.pdfsig)(
    `pdfsig: the seal verifies but no longer covers the file, the impostor's signature covers it all (${pdfsigSkip})`,
    async () => {
      for (const [name, build] of Object.entries(attacks.reSignAttacks)) {
        const { signatures, output } = pdfsig(await build(sealed, impostor));
        const label = `${name}: ${output}`;
        const impostorSignature = {
          commonName: sealer.subject.commonName,
          validation: 'Signature is Valid.',
          totalDocument: true,
        };
        if (name === 'sealHiddenThenSigned') {
          // poppler lists form fields only: it sees one signature, the impostor's, over the whole file.
          expect(signatures, label).toEqual([expect.objectContaining(impostorSignature)]);
          continue;
        }
        const seal = {
          commonName: sealer.subject.commonName,
          validation: inPlace.has(name) ? 'Digest Mismatch.' : 'Signature is Valid.',
        };
        expect(signatures, label).toEqual([expect.objectContaining(seal), expect.objectContaining(impostorSignature)]);
        expect(signatures[0]!.totalDocument, label).toBe(false);
      }
    },
  );
});

describe('3. a countersignature that also changes the document', () => {
  it.each(Object.keys(attacks.countersignAttacks) as (keyof typeof attacks.countersignAttacks)[])(
    '%s is refused',
    async (name) => {
      const result = check(await attacks.countersignAttacks[name](sealed, countersigner));
      expectRefused(result);
      const last = result.signatures[result.signatures.length - 1];
      expect(last, summary(result)).toMatchObject({ fingerprint: countersigner.fingerprint, problem: null });
      if (name === 'sealHidden') return;
      expect(result.signatures.map((signature) => signature.fingerprint)).toEqual([
        sealer.fingerprint,
        countersigner.fingerprint,
      ]);
      expectSealIntactButChanged(result, name === 'minutesReplaced' ? inMinutes : onPage);
    },
  );

  it.skipIf(!tools.pdfsig)(
    `pdfsig: both signatures verify, only the countersignature covers the whole file (${pdfsigSkip})`,
    async () => {
      for (const [name, build] of Object.entries(attacks.countersignAttacks)) {
        const { signatures, output } = pdfsig(await build(sealed, countersigner));
        const label = `${name}: ${output}`;
        expect(
          signatures.every((signature) => signature.validation === 'Signature is Valid.'),
          label,
        ).toBe(true);
        expect(signatures.find((signature) => signature.totalDocument)?.commonName, label).toBe(
          countersigner.subject.commonName,
        );
        if (name !== 'sealHidden')
          expect(
            signatures.find((signature) => signature.commonName === sealer.subject.commonName)?.totalDocument,
            label,
          ).toBe(false);
      }
    },
  );
});

describe('4. forged minutes, validly signed with another key', () => {
  it('sealed by the app with a new identity for the same organisation: reported as signed by that key', async () => {
    const forger = createIdentity({ organisation: sealer.subject.organisation, now, algorithm: 'ecdsa-p256' });
    const result = check(await attacks.forgedDocument((pdf) => sealPdf(pdf, forger, sealDetails)));
    expect(result.signatures[0]).toMatchObject({ signer: forger.subject, fingerprint: forger.fingerprint });
    expect(forger.subject).toEqual(sealer.subject);
    expect(result.signatures[0]!.fingerprint).not.toBe(sealer.fingerprint);
    expect(result.attachment?.equals(attacks.madeUpMinutes) ?? true).toBe(true);
  });

  it('sealed by the app with the look-alike identity: the sealer’s name, another fingerprint', async () => {
    const result = check(await attacks.forgedDocument((pdf) => sealPdf(pdf, impostor, sealDetails)));
    expect(result.signatures[0]).toMatchObject({ signer: sealer.subject, fingerprint: impostor.fingerprint });
    expect(result.signatures[0]!.fingerprint).not.toBe(sealer.fingerprint);
  });

  it('signed by hand (an approval signature, no DocMDP) with a fresh key naming the sealer', async () => {
    const forger = attacks.freshIdentity(sealer.subject.commonName, sealer.subject.organisation);
    const result = check(await attacks.forgedApproval(forger));
    expect(result.signatures[0]).toMatchObject({ signer: sealer.subject, fingerprint: forger.fingerprint });
    expect(result.signatures[0]!.fingerprint).not.toBe(sealer.fingerprint);
  });
});

describe('5. damaged files', () => {
  const digestMismatch = [
    'pageByteChanged',
    'pageRewrittenInPlace',
    'minutesRewrittenInPlace',
    'headerByteChanged',
    'signingTimeChanged',
    'messageDigestChanged',
  ];

  it.each(Object.keys(attacks.damageAttacks))('%s is refused', async (name) => {
    const result = check(await attacks.damageAttacks[name]!(sealed));
    expectRefused(result);
    if (name === 'empty' || name === 'randomBytes') expect(result.problem).toBe('not_pdf');
    if (name === 'unsigned') expect(result.problem).toBe('unsigned');
    if (digestMismatch.includes(name)) expect(result.signatures[0]?.problem, summary(result)).toBe('digest_mismatch');
    if (name === 'signatureValueChanged') expect(result.signatures[0]?.problem, summary(result)).toBe('bad_signature');
  });

  it('a file cut short anywhere is refused', () => {
    for (const file of Object.values(attacks.truncations(sealed))) expectRefused(check(file));
  });

  it('damage to the countersigned file, and to the ECDSA seal, is refused too', async () => {
    for (const base of [countersigned, sealedEc]) {
      for (const name of [
        'pageRewrittenInPlace',
        'signatureValueChanged',
        'certificateNameChanged',
        'byteRangeOverlapping',
        'contentsNotHexInside',
      ]) {
        expectRefused(check(await attacks.damageAttacks[name]!(base)));
      }
      for (const file of Object.values(attacks.truncations(base))) expectRefused(check(file));
    }
  });

  it.skipIf(!tools.pdfsig)(
    `pdfsig: a digest mismatch for bytes changed under the seal; a changed certificate name it does not notice (${pdfsigSkip})`,
    async () => {
      for (const name of digestMismatch) {
        const { signatures, output } = pdfsig(await attacks.damageAttacks[name]!(sealed));
        expect(signatures[0]?.validation, `${name}: ${output}`).toBe('Digest Mismatch.');
      }
      expect(pdfsig(await attacks.damageAttacks.signatureValueChanged!(sealed)).signatures[0]?.validation).toBe(
        'Signature is Invalid.',
      );
      // The CMS signature still verifies with the certificate's key, so pdfsig calls it valid, under a name nobody sealed with.
      const renamed = pdfsig(await attacks.damageAttacks.certificateNameChanged!(sealed));
      expect(renamed.signatures[0], renamed.output).toMatchObject({
        validation: 'Signature is Valid.',
        totalDocument: true,
      });
      expect(renamed.signatures[0]!.commonName).not.toBe(sealer.subject.commonName);
    },
  );
});

describe('6. over budget', () => {
  const bombSize = 4 * 1024 ** 3;
  let big: Record<string, Buffer>;

  beforeAll(async () => {
    big = {
      xrefStreamBomb: await attacks.bombs.xrefStreamBomb(sealed, bombSize),
      objectStreamBomb: await attacks.bombs.objectStreamBomb(sealed, bombSize),
      minutesBomb: await attacks.bombs.minutesBomb(sealed, bombSize),
      sealedMinutesBomb: await attacks.sealedMinutesBomb((pdf) => sealPdf(pdf, sealer, sealDetails), bombSize),
      manyObjectStreams: await attacks.manyObjectStreams(sealed),
    };
  }, 60_000);

  it('the bomb is well-formed zlib and inflates past any budget', () => {
    const small = attacks.deflateBomb(100 * 1024 * 1024, Buffer.from('{"title":"'));
    expect(inflateSync(small).length).toBe(100 * 1024 * 1024 + 10);
    expect(() => inflateSync(attacks.deflateBomb(bombSize), { maxOutputLength: 256 * 1024 * 1024 })).toThrow(
      RangeError,
    );
  });

  it('decompression bombs in the xref stream, in an object stream and in minutes.json are refused', () => {
    for (const name of ['xrefStreamBomb', 'objectStreamBomb', 'minutesBomb', 'sealedMinutesBomb']) {
      const result = check(big[name]!);
      expectRefused(result);
      // The appended minutes.json bomb is a change after the seal; the rest cannot be read within budget.
      if (name !== 'minutesBomb') expect(result.problem, `${name}: ${summary(result)}`).toBe('too_large');
    }
  });

  it('50 MB of compressed object streams is refused', () => {
    expect(big.manyObjectStreams!.length).toBeGreaterThan(50 * 1024 * 1024);
    const result = check(big.manyObjectStreams!);
    expectRefused(result);
    expect(result.problem, summary(result)).toBe('too_large');
  });

  it.each(Object.keys(attacks.nesting) as (keyof typeof attacks.nesting)[])('%s is refused', async (name) => {
    expectRefused(check(await attacks.nesting[name](sealed)));
  });

  it.each(Object.keys(attacks.xrefLoops) as (keyof typeof attacks.xrefLoops)[])('%s is refused', async (name) => {
    const result = check(await attacks.xrefLoops[name](sealed));
    expectRefused(result);
    expect(result.problem, summary(result)).toBe('damaged');
  });

  it.each(Object.keys(attacks.xrefPastEnd) as (keyof typeof attacks.xrefPastEnd)[])('%s is refused', async (name) => {
    expectRefused(check(await attacks.xrefPastEnd[name](sealed)));
  });

  it.skipIf(!tools.qpdf)(
    `qpdf has to repair the loops and the offsets past the end, but reads the xref that points into a later revision as sound (${qpdfSkip})`,
    async () => {
      for (const build of [
        ...Object.values(attacks.xrefLoops),
        attacks.xrefPastEnd.entryPastEndOfFile,
        attacks.xrefPastEnd.prevPastEndOfFile,
        attacks.xrefPastEnd.startxrefPastEndOfFile,
      ]) {
        expect(qpdfCheck(await build(sealed)).status).toBe(3);
      }
      expect(qpdfCheck(await attacks.xrefPastEnd.entryPastEndOfRevision(sealed)).status).toBe(0);
    },
  );
});
