import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@shared/api/errors';
import { readAttachment } from '@core/signing/attachment';
import { parseCertificate } from '@core/signing/certificate';
import { createIdentity, importIdentity } from '@core/signing/identity';
import { checkPdfOffThread } from '@core/signing/off-thread';
import { PdfFile } from '@core/signing/pdf-reader';
import { countersignPdf, sealPdf } from '@core/signing/seal';
import type { SigningIdentity } from '@core/signing/types';
import { checkPdf } from '@core/signing/verify';
import { withMacIterations } from './attacks/genuine';
import { callError, callOk, tempDir, testCore } from './helpers';

const hasTool = (tool: string, flag: string) => !spawnSync(tool, [flag]).error;
const hasPoppler = hasTool('pdfsig', '-v') && hasTool('pdfdetach', '-v') && hasTool('qpdf', '--version');
const hasOpenssl = hasTool('openssl', 'version');
const hasMutool = hasTool('mutool', '-v');
const popplerSkip = 'needs pdfsig and pdfdetach (poppler-utils) and qpdf on the PATH';

/** Runs a tool and returns its exit code and everything it printed: pdfsig exits 0 even on a mismatch. */
function run(tool: string, args: string[]) {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const minutesJson = Buffer.from(
  JSON.stringify({
    title: 'Joint review of Oakwood House',
    fingerprint: 'ab'.repeat(32),
    note: 'Café, “quotes” – dash',
  }),
  'utf8',
);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const signedAt = new Date('2026-12-03T11:30:00Z');
const details = {
  reason: 'Joint review minutes, version 1',
  location: 'Northshire County Council',
  name: 'Northshire County Council seal',
  signedAt,
};

/** A small PDF with text on each page and minutes.json attached, saved as pdf-lib does by default. */
async function makePdf(pages = 3, attachment: Buffer | null = minutesJson): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Joint review minutes, page ${n} of ${pages}`, { x: 50, y: 780, size: 14, font });
    page.drawText('What was discovered: the home keeps a shared diary with the placing authority.', {
      x: 50,
      y: 750,
      size: 10,
      font,
    });
  }
  if (attachment)
    await doc.attach(attachment, 'minutes.json', {
      mimeType: 'application/json',
      description: 'The canonical content',
    });
  return doc.save();
}

/** The signature's hole, from the (only) /ByteRange of a sealed file. */
function signatureHole(pdf: Buffer) {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('no /ByteRange');
  return { start: Number(match[2]), end: Number(match[3]) };
}

function changeByteAt(pdf: Buffer, at: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

function expectApiError(action: () => unknown, message: RegExp) {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid_input');
    expect((error as ApiError).message).toMatch(message);
    return;
  }
  throw new Error('expected an ApiError');
}

function writePdf(bytes: Uint8Array, name = 'minutes.pdf'): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

/** The CMS of signature `index` (0-based, in file order) and the bytes it signs, as files for openssl. */
function extractSignature(pdf: Buffer, index: number): { cms: string; data: string } {
  const ranges = [...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const [a, b, c, d] = ranges[index]!.slice(1).map(Number) as [number, number, number, number];
  const dir = tempDir();
  const cms = path.join(dir, 'signature.der');
  const data = path.join(dir, 'signed.bin');
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  writeFileSync(cms, Buffer.from(hex.replace(/(00)+$/, ''), 'hex'));
  writeFileSync(data, Buffer.concat([pdf.subarray(a, b), pdf.subarray(c, c + d)]));
  return { cms, data };
}

/** openssl's own verdict on a signature, with the certificate it carries trusted and checked at the signing time. */
function opensslVerify(pdf: Buffer, index: number, certificate: Buffer, at: Date) {
  const { cms, data } = extractSignature(pdf, index);
  const pem = path.join(path.dirname(cms), 'signer.pem');
  writeFileSync(
    pem,
    `-----BEGIN CERTIFICATE-----\n${certificate.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`,
  );
  return run('openssl', [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    cms,
    '-content',
    data,
    '-CAfile',
    pem,
    '-purpose',
    'any',
    '-attime',
    String(Math.floor(at.getTime() / 1000)),
    '-out',
    '/dev/null',
  ]);
}

let identity: SigningIdentity;
let sealed: Buffer;

beforeAll(async () => {
  identity = createIdentity({ organisation: 'Northshire County Council', now: new Date('2026-12-03T10:00:00Z') });
  sealed = await sealPdf(await makePdf(), identity, details);
});

describe('createIdentity', () => {
  it('makes an ECDSA P-256 certificate named for the organisation and the app, for signing, valid for ten years', () => {
    expect(identity.subject).toEqual({
      commonName: 'Northshire County Council (Relational Review seal)',
      organisation: 'Northshire County Council',
    });
    expect(identity.validFrom).toBe('2026-12-03T10:00:00.000Z');
    expect(identity.validTo).toBe('2036-12-03T10:00:00.000Z');
    expect(identity.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const certificate = parseCertificate(identity.certificates[0]!);
    expect(certificate.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(certificate.keyUsage).toEqual({ digitalSignature: true, nonRepudiation: true });
  });

  it.skipIf(!hasOpenssl)(
    'makes a certificate openssl reads as self-signed, with the computer’s name nowhere in it (needs openssl)',
    () => {
      const file = path.join(tempDir(), 'cert.der');
      writeFileSync(file, identity.certificates[0]!);
      const text = run('openssl', ['x509', '-inform', 'DER', '-in', file, '-noout', '-text']).output;
      expect(text).toContain('ecdsa-with-SHA256');
      expect(text).toMatch(/Digital Signature, Non Repudiation/);
      expect(text).not.toContain(hostname());
      const pem = path.join(tempDir(), 'cert.pem');
      writeFileSync(pem, run('openssl', ['x509', '-inform', 'DER', '-in', file]).output);
      expect(
        run('openssl', [
          'verify',
          '-CAfile',
          pem,
          '-purpose',
          'any',
          '-attime',
          String(Date.parse('2027-01-01') / 1000),
          pem,
        ]).output,
      ).toContain('OK');
    },
  );

  it('makes RSA 3072 when asked, and keeps an organisation name that is not plain ASCII', () => {
    const rsa = createIdentity({ organisation: 'Cyngor Sir Ceredigion – Gwasanaethau Plant', algorithm: 'rsa-3072' });
    expect(rsa.subject.organisation).toBe('Cyngor Sir Ceredigion – Gwasanaethau Plant');
    expect(parseCertificate(rsa.certificates[0]!).publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
  });
});

describe('sealPdf and checkPdf', () => {
  it('seals a PDF with a certification signature (PAdES B-B, DocMDP P=2) that checks, naming the certificate', () => {
    const check = checkPdf(sealed);
    expect(check).toMatchObject({ valid: true, problem: null });
    expect(check.signatures).toEqual([
      {
        index: 1,
        kind: 'certification',
        permissions: 2,
        subFilter: 'ETSI.CAdES.detached',
        signer: identity.subject,
        fingerprint: identity.fingerprint,
        signedAt: signedAt.toISOString(),
        algorithm: 'ECDSA P-256 with SHA-256',
        signingCertificateV2: true,
        revisionEnd: sealed.length,
        problem: null,
        changedAfter: [],
      },
    ]);
    expect(sha256(check.attachment!)).toBe(sha256(minutesJson));
  });

  it.skipIf(!hasPoppler)(`is accepted by pdfsig as ETSI.CAdES.detached, and by qpdf (${popplerSkip})`, () => {
    const file = writePdf(sealed);
    const pdfsig = run('pdfsig', [file]);
    expect(pdfsig.output).toContain('Signature is Valid.');
    expect(pdfsig.output).toContain('Signature Type: ETSI.CAdES.detached');
    expect(pdfsig.output).toContain(
      'Signer Certificate Common Name: Northshire County Council (Relational Review seal)',
    );
    expect(pdfsig.output).toContain('Total document signed');
    const qpdf = run('qpdf', ['--check', file]);
    expect(qpdf.status, qpdf.output).toBe(0);
  });

  it.skipIf(!hasPoppler)(`keeps the attached minutes.json, byte for byte (${popplerSkip})`, () => {
    const file = writePdf(sealed);
    expect(run('pdfdetach', ['-list', file]).output).toContain('minutes.json');
    // By number: this poppler's -savefile refuses every name ("Invalid file name").
    const saved = path.join(path.dirname(file), 'detached.json');
    expect(run('pdfdetach', ['-save', '1', '-o', saved, file]).status).toBe(0);
    expect(sha256(readFileSync(saved))).toBe(sha256(minutesJson));
  });

  it.skipIf(!hasOpenssl)(
    'is a CMS openssl verifies with the embedded certificate at the signing time, with signing-certificate-v2 and no signingTime (needs openssl)',
    () => {
      const verified = opensslVerify(sealed, 0, identity.certificates[0]!, signedAt);
      expect(verified.output).toContain('Verification successful');
      // Before the certificate existed, it is refused: the time is checked.
      expect(
        opensslVerify(sealed, 0, identity.certificates[0]!, new Date('2026-12-01T00:00:00Z')).output,
      ).not.toContain('Verification successful');
      const printed = run('openssl', [
        'cms',
        '-cmsout',
        '-print',
        '-inform',
        'DER',
        '-in',
        extractSignature(sealed, 0).cms,
      ]).output;
      expect(printed).toContain('signingCertificateV2');
      expect(printed).not.toContain('signingTime');
    },
  );

  it.skipIf(!hasMutool)('is valid and unchanged for mutool, a second independent checker (needs mutool)', () => {
    const output = run('mutool', ['sign', '-v', writePdf(sealed)]).output;
    expect(output).toContain('The document is unchanged since signing.');
    expect(output).not.toMatch(/not valid|failed|mismatch/i);
  });

  it('reports a changed byte in the attached JSON, a page, the header or the signature as not valid', () => {
    const embedded = sealed.indexOf('/Type /EmbeddedFile');
    const inAttachment = changeByteAt(sealed, sealed.indexOf('stream', embedded) + 12);
    const pageContent = changeByteAt(sealed, sealed.indexOf('stream', sealed.indexOf('/Filter /FlateDecode')) + 12);
    const header = changeByteAt(sealed, 5);
    for (const [name, file] of Object.entries({ inAttachment, pageContent, header })) {
      const check = checkPdf(file);
      expect(check.valid, name).toBe(false);
      expect(check.attachment, name).toBeNull();
    }
    expect(checkPdf(pageContent).signatures[0]!.problem).toBe('digest_mismatch');
    const hole = signatureHole(sealed);
    const der = Buffer.from(sealed.subarray(hole.start + 1, hole.end - 1).toString('latin1'), 'hex');
    const length = 2 + (der[1]! & 0x7f) + der.readUIntBE(2, der[1]! & 0x7f);
    // The ECDSA signature is the last thing in the DER; the certificate sits in the middle.
    for (const at of [length - 6, 300]) {
      const tampered = Buffer.from(sealed);
      const position = hole.start + 1 + at * 2;
      tampered[position] = tampered[position] === 0x30 ? 0x31 : 0x30;
      expect(checkPdf(tampered).valid, `byte ${at} of the signature`).toBe(false);
    }
  });

  it('refuses bytes added after the seal that are not a revision a reader would read', () => {
    const update = Buffer.from('\n99 0 obj\n<< /Changed true >>\nendobj\ntrailer\n<< /Size 100 >>\n%%EOF\n', 'latin1');
    expect(checkPdf(Buffer.concat([sealed, update]))).toMatchObject({ valid: false, problem: 'damaged' });
    expect(checkPdf(Buffer.concat([sealed, Buffer.from('garbage')]))).toMatchObject({
      valid: false,
      problem: 'damaged',
    });
  });

  it('refuses to seal a file that is not a PDF', async () => {
    await expect(sealPdf(Buffer.from('not a pdf'), identity, details)).rejects.toThrow(/not a PDF/);
  });
});

describe('countersignPdf', () => {
  const counterAt = new Date('2026-12-04T09:15:00Z');
  const counterDetails = {
    reason: 'Countersigned',
    location: 'Brightwater Care Ltd',
    name: 'Brightwater Care Ltd seal',
    signedAt: counterAt,
  };

  for (const algorithm of ['ecdsa-p256', 'rsa-3072'] as const) {
    it(`adds a ${algorithm} countersignature as an incremental update that leaves the seal valid`, async () => {
      const other = createIdentity({
        organisation: 'Brightwater Care Ltd',
        now: new Date('2026-12-04T09:00:00Z'),
        algorithm,
      });
      const countersigned = await countersignPdf(sealed, other, counterDetails);
      expect(countersigned.subarray(0, sealed.length).equals(sealed)).toBe(true);
      const check = checkPdf(countersigned);
      expect(check.valid).toBe(true);
      expect(
        check.signatures.map((s) => [
          s.kind,
          s.signer.organisation,
          s.fingerprint,
          s.revisionEnd,
          s.problem,
          s.changedAfter,
        ]),
      ).toEqual([
        ['certification', 'Northshire County Council', identity.fingerprint, sealed.length, null, []],
        ['approval', 'Brightwater Care Ltd', other.fingerprint, countersigned.length, null, []],
      ]);
      expect(check.signatures[1]!.algorithm).toBe(
        algorithm === 'rsa-3072' ? 'RSA 3072 with SHA-256' : 'ECDSA P-256 with SHA-256',
      );
      expect(sha256(check.attachment!)).toBe(sha256(minutesJson));

      if (hasPoppler) {
        const pdfsig = run('pdfsig', [writePdf(countersigned)]).output;
        expect(pdfsig.match(/Signature is Valid\./g)).toHaveLength(2);
        expect(pdfsig).not.toContain('Digest Mismatch');
        expect(pdfsig).toContain('Signer Certificate Common Name: Brightwater Care Ltd (Relational Review seal)');
        expect(run('qpdf', ['--check', writePdf(countersigned)]).status).toBe(0);
      }
      if (hasOpenssl) {
        expect(opensslVerify(countersigned, 0, identity.certificates[0]!, signedAt).output).toContain(
          'Verification successful',
        );
        expect(opensslVerify(countersigned, 1, other.certificates[0]!, counterAt).output).toContain(
          'Verification successful',
        );
      }
      if (hasMutool) {
        const mutool = run('mutool', ['sign', '-v', writePdf(countersigned)]).output;
        expect(mutool).not.toMatch(/not valid|failed|mismatch/i);
        expect(mutool).toContain('The document is unchanged since signing.');
      }
    });
  }

  it('is refused when a signed byte is then changed, whichever signature covers it', async () => {
    const other = createIdentity({ organisation: 'Brightwater Care Ltd' });
    const countersigned = await countersignPdf(sealed, other, { ...counterDetails, signedAt: new Date() });
    const inFirstRevision = changeByteAt(
      countersigned,
      sealed.indexOf('stream', sealed.indexOf('/Filter /FlateDecode')) + 12,
    );
    const check = checkPdf(inFirstRevision);
    expect(check.valid).toBe(false);
    expect(check.signatures.map((s) => s.problem)).toEqual(['digest_mismatch', 'digest_mismatch']);
  });
});

describe('importIdentity', () => {
  function pkcs12(key: forge.pki.rsa.PrivateKey, cert: forge.pki.Certificate, password: string): Buffer {
    return Buffer.from(
      forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: '3des' })).getBytes(),
      'binary',
    );
  }
  function rsaCertificate(notBefore: Date, notAfter: Date, bits = 2048) {
    const keys = forge.pki.rsa.generateKeyPair({ bits });
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = '01';
    cert.validity.notBefore = notBefore;
    cert.validity.notAfter = notAfter;
    const name = [
      { shortName: 'CN', value: 'Old Council' },
      { shortName: 'O', value: 'Old Council' },
    ];
    cert.setSubject(name);
    cert.setIssuer(name);
    cert.sign(keys.privateKey, forge.md.sha256.create());
    return { key: keys.privateKey, cert };
  }

  it('refuses a wrong password, a file that is not PKCS#12, and garbage, in plain words', () => {
    const { key, cert } = rsaCertificate(new Date('2026-01-01'), new Date('2030-01-01'));
    const p12 = pkcs12(key, cert, 'secret');
    expectApiError(() => importIdentity(p12, 'not the password'), /could not be opened: the password may be wrong/);
    expectApiError(() => importIdentity(randomBytes(600), 'x'), /not a certificate file \(PKCS#12/);
    expectApiError(() => importIdentity(Buffer.alloc(0), 'x'), /not a certificate file/);
    expectApiError(() => importIdentity(identity.certificates[0]!, 'x'), /not a certificate file/);
  });

  it('refuses an expired certificate, saying when it expired', () => {
    const { key, cert } = rsaCertificate(new Date('2015-01-01T00:00:00Z'), new Date('2016-03-31T12:00:00Z'));
    expectApiError(() => importIdentity(pkcs12(key, cert, 'secret'), 'secret'), /expired on 31 March 2016/);
  });

  it('refuses a file asking for more MAC iterations than any genuine one, at once, without trying them', () => {
    const { key, cert } = rsaCertificate(new Date('2026-01-01'), new Date('2030-01-01'));
    const hostile = withMacIterations(pkcs12(key, cert, 'secret'));
    expectApiError(() => importIdentity(hostile, 'secret'), /more work to open than any genuine one/);
  });

  /**
   * A key and a self-signed certificate made by OpenSSL, and a PKCS#12 of them: RSA 2048 unless
   * given other `req` key options, exported with the PKCS#12 options given.
   */
  function opensslPkcs12({
    subject = '/CN=Seal/O=Brightwater Care Ltd',
    password = 'pw',
    key: keyOptions = ['-newkey', 'rsa:2048'],
    export: exportOptions = [],
  }: { subject?: string; password?: string; key?: string[]; export?: string[] } = {}): Buffer {
    const dir = tempDir();
    const [key, crt, p12] = ['key.pem', 'cert.pem', 'org.p12'].map((name) => path.join(dir, name)) as [
      string,
      string,
      string,
    ];
    const made = run(
      'openssl',
      ['req', '-x509', ...keyOptions, '-nodes', '-keyout', key, '-out', crt].concat(['-days', '30', '-subj', subject]),
    );
    expect(made.status, made.output).toBe(0);
    const exported = run(
      'openssl',
      ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', p12].concat([
        '-passout',
        `pass:${password}`,
        ...exportOptions,
      ]),
    );
    expect(exported.status, exported.output).toBe(0);
    return readFileSync(p12);
  }

  it.skipIf(!hasOpenssl)(
    'opens a PKCS#12 made by OpenSSL with its default ciphers, and seals with it (needs openssl)',
    async () => {
      const p12 = opensslPkcs12({
        subject: '/CN=Brightwater Care Ltd seal/O=Brightwater Care Ltd',
        password: 'org secret',
      });
      const imported = importIdentity(p12, 'org secret');
      expect(imported.subject).toEqual({
        commonName: 'Brightwater Care Ltd seal',
        organisation: 'Brightwater Care Ltd',
      });
      const sealedWithIt = await sealPdf(await makePdf(1), imported, { ...details, signedAt: new Date() });
      expect(checkPdf(sealedWithIt).signatures[0]).toMatchObject({
        fingerprint: imported.fingerprint,
        algorithm: 'RSA 2048 with SHA-256',
        problem: null,
      });
    },
  );

  it.skipIf(!hasOpenssl)('refuses a certificate with an elliptic-curve key, saying why (needs openssl)', () => {
    const p12 = opensslPkcs12({
      subject: '/CN=EC seal',
      key: ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
    });
    expectApiError(() => importIdentity(p12, 'pw'), /cannot import. Use a certificate with an RSA key/);
  });

  it.skipIf(!hasOpenssl)(
    'refuses at once a file whose encryptions (not only its MAC) ask for too many rounds: PBES2 and PKCS#12 PBE alike',
    () => {
      // PBES2 with PBKDF2 for the key and certificates (OpenSSL 3's default), far past the budget, MAC modest.
      const pbes2 = opensslPkcs12({ export: ['-iter', '2100000', '-maciter'] });
      expectApiError(() => importIdentity(pbes2, 'pw'), /more work to open than any genuine one/);
      // The legacy PKCS#12 PBE (3DES, RC2) that older Windows exports use.
      const legacy = opensslPkcs12({ export: ['-legacy', '-iter', '2100000', '-nomaciter'] });
      expectApiError(() => importIdentity(legacy, 'pw'), /more work to open than any genuine one/);
      // Within the budget, each part modest: opened.
      expect(importIdentity(opensslPkcs12({ export: ['-iter', '4096'] }), 'pw').subject.organisation).toBe(
        'Brightwater Care Ltd',
      );
    },
  );

  it.skipIf(!hasOpenssl)(
    'opens a certificate file in a worker: other calls are answered while its key is derived, and an iteration bomb is refused as such',
    { timeout: 60_000 },
    async () => {
      const core = testCore();
      // 3 × 60,000 rounds: a few seconds of node-forge's key derivation.
      const slow = opensslPkcs12({ export: ['-iter', '60000'] }).toString('base64');
      let finished = false;
      const imported = callOk(core, 'signing.importIdentity', {
        organisation: 'Brightwater Care Ltd',
        p12: slow,
        password: 'pw',
      }).finally(() => (finished = true));
      let answeredMeanwhile = 0;
      for (let i = 0; i < 5; i++) {
        await callOk(core, 'organisations.list', {});
        if (!finished) answeredMeanwhile++;
      }
      await imported;
      expect(answeredMeanwhile).toBe(5);

      const refused = await callError(core, 'signing.importIdentity', {
        organisation: 'Northshire County Council',
        p12: withMacIterations(Buffer.from(slow, 'base64')).toString('base64'),
        password: 'pw',
      });
      expect(refused.message).toMatch(/more work to open than any genuine one/);
      expect(await callOk<unknown[]>(core, 'signing.identities', {})).toHaveLength(1);
    },
  );
});

describe('readAttachment', () => {
  const attachmentOf = (pdf: Uint8Array) => readAttachment(new PdfFile(Buffer.from(pdf)).revision(), 'minutes.json');

  it('reads an attachment through the cross-reference table, from pdf-lib output with or without object streams', async () => {
    const packed = await makePdf(1);
    expect(sha256(attachmentOf(packed)!)).toBe(sha256(minutesJson));
    const doc = await PDFDocument.load(packed);
    const plain = await doc.save({ useObjectStreams: false });
    expect(sha256(attachmentOf(plain)!)).toBe(sha256(minutesJson));
  });

  it('finds an attachment below Kids in the name tree', async () => {
    const doc = await PDFDocument.load(await makePdf(1));
    const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict);
    const embedded = names.lookup(PDFName.of('EmbeddedFiles'), PDFDict);
    const leaf = doc.context.obj({
      Names: embedded.lookup(PDFName.of('Names'), PDFArray),
      Limits: ['minutes.json', 'minutes.json'],
    });
    names.set(PDFName.of('EmbeddedFiles'), doc.context.obj({ Kids: [doc.context.register(leaf)] }));
    const tree = await doc.save({ useObjectStreams: false });
    expect(sha256(attachmentOf(tree)!)).toBe(sha256(minutesJson));
  });
});

describe('hostile input', () => {
  const hostile = async () => {
    const unsigned = await makePdf(1, null);
    const fakeRange = Buffer.from(
      '%PDF-1.7\n1 0 obj\n<< /ByteRange [0 10 20 999999999] /Contents <abcd> >>\nendobj\n%%EOF\n',
      'latin1',
    );
    return {
      empty: new Uint8Array(),
      random: randomBytes(4096),
      randomWithHeader: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)]),
      truncated: sealed.subarray(0, Math.floor(sealed.length / 2)),
      truncatedEnd: sealed.subarray(0, sealed.length - 100),
      unsigned,
      fakeRange,
      negative: Buffer.from('%PDF-1.7\n/ByteRange [0 -5 10 20]\n%%EOF', 'latin1'),
    };
  };

  it('checkPdf always answers with a result, and never with an attachment for an invalid file', async () => {
    const inputs = await hostile();
    for (const [name, bytes] of Object.entries(inputs)) {
      const result = checkPdf(bytes);
      expect(result.valid, name).toBe(false);
      expect(result.attachment, name).toBeNull();
    }
    expect(checkPdf(inputs.empty).problem).toBe('not_pdf');
    expect(checkPdf(inputs.random).problem).toBe('not_pdf');
    expect(checkPdf(inputs.unsigned).problem).toBe('unsigned');
    expect(checkPdf(inputs.fakeRange).problem).toBe('damaged');
    expect(checkPdf(inputs.truncated).problem).toBe('damaged');
  });

  it('checks off the core’s thread with the same answer, and refuses a check that runs past its time', async () => {
    const offThread = await checkPdfOffThread(sealed);
    const here = checkPdf(sealed);
    expect({ ...offThread, attachment: null }).toEqual({ ...here, attachment: null });
    expect(offThread.attachment!.equals(here.attachment!)).toBe(true);
    // Starting a worker alone takes longer than a millisecond: the time limit is what answers.
    expect(await checkPdfOffThread(sealed, 1)).toEqual({
      problem: 'too_slow',
      signatures: [],
      valid: false,
      attachment: null,
    });
  });
});
