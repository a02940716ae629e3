import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors';
import { createIdentity, importIdentity, readAttachment, sealPdf, verifyPdf, type SigningIdentity } from '../../electron/core/signing';
import { tempDir } from './helpers';

const hasTool = (tool: string, flag: string) => !spawnSync(tool, [flag]).error;
const hasPoppler = hasTool('pdfsig', '-v') && hasTool('pdfdetach', '-v') && hasTool('qpdf', '--version');
const popplerSkip = 'needs pdfsig and pdfdetach (poppler-utils) and qpdf on the PATH';

/** Runs a tool and returns its exit code and everything it printed: pdfsig exits 0 even on a mismatch. */
function run(tool: string, args: string[]) {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const minutesJson = Buffer.from(JSON.stringify({ title: 'Joint review of Oakwood House', fingerprint: 'ab'.repeat(32), note: 'Café, “quotes” – dash' }), 'utf8');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const details = { reason: 'Joint review minutes, version 1', location: 'Northshire County Council', name: 'Relational Review on test-laptop' };

/** A small PDF with text on each page and minutes.json attached, saved as pdf-lib does by default. */
async function makePdf(pages = 3, attachment: Buffer | null = minutesJson): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Joint review minutes, page ${n} of ${pages}`, { x: 50, y: 780, size: 14, font });
    page.drawText('What was discovered: the home keeps a shared diary with the placing authority.', { x: 50, y: 750, size: 10, font });
  }
  if (attachment) await doc.attach(attachment, 'minutes.json', { mimeType: 'application/json', description: 'The canonical content' });
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

let identity: SigningIdentity;
let sealed: Buffer;

beforeAll(async () => {
  identity = createIdentity({ organisation: 'Northshire County Council', device: 'test-laptop', now: new Date('2026-12-03T10:00:00Z') });
  sealed = await sealPdf(await makePdf(), identity, { ...details, signedAt: new Date('2026-12-03T11:30:00Z') });
});

describe('createIdentity', () => {
  it('makes a self-signed certificate naming the device and the organisation, valid for ten years', () => {
    expect(identity.subject).toEqual({ commonName: 'Relational Review on test-laptop', organisation: 'Northshire County Council' });
    expect(identity.validFrom).toBe('2026-12-03T10:00:00.000Z');
    expect(identity.validTo).toBe('2036-12-03T10:00:00.000Z');
    expect(identity.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(identity.password.length).toBeGreaterThanOrEqual(24);
    const cert = forge.pki.certificateFromPem(identity.certificatePem);
    expect(cert.subject.getField('OU')?.value).toBe('Relational Review minutes');
    expect(cert.verify(cert)).toBe(true);
    expect(cert.getExtension('keyUsage')).toMatchObject({ digitalSignature: true, nonRepudiation: true });
    expect((cert.publicKey as forge.pki.rsa.PublicKey).n.bitLength()).toBe(2048);
  });

  it('keeps an organisation name that is not plain ASCII', () => {
    const welsh = createIdentity({ organisation: 'Cyngor Sir Ceredigion – Gwasanaethau Plant', device: 'gliniadur' });
    expect(welsh.subject.organisation).toBe('Cyngor Sir Ceredigion – Gwasanaethau Plant');
  });
});

describe('sealPdf and verifyPdf', () => {
  it('seals a PDF that verifies, naming the certificate that sealed it', () => {
    expect(verifyPdf(sealed)).toEqual({
      valid: true,
      signer: { commonName: 'Relational Review on test-laptop', organisation: 'Northshire County Council' },
      signedAt: '2026-12-03T11:30:00.000Z',
      certificateFingerprint: identity.fingerprint,
      coversWholeFile: true,
    });
  });

  it.skipIf(!hasPoppler)(`is accepted by pdfsig and qpdf (${popplerSkip})`, () => {
    const file = writePdf(sealed);
    const pdfsig = run('pdfsig', [file]);
    expect(pdfsig.output).toContain('Signature is Valid.');
    expect(pdfsig.output).toContain('Signer Certificate Common Name: Relational Review on test-laptop');
    expect(pdfsig.output).toContain('Total document signed');
    // It may also say "Certificate issuer is unknown": the certificate is self-signed, as expected.
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

  it('reads the attached minutes.json back with the same SHA-256', () => {
    const attached = readAttachment(sealed, 'minutes.json');
    expect(attached && sha256(attached)).toBe(sha256(minutesJson));
    expect(readAttachment(sealed, 'other.json')).toBeNull();
  });

  it.skipIf(!hasPoppler)(`reports a changed byte in the attached JSON as not valid, as pdfsig does (${popplerSkip})`, () => {
    const embedded = sealed.indexOf('/Type /EmbeddedFile');
    const tampered = changeByteAt(sealed, sealed.indexOf('stream', embedded) + 12);
    expect(run('pdfsig', [writePdf(tampered)]).output).toContain('Digest Mismatch');
    expect(verifyPdf(tampered)).toEqual({
      valid: false,
      problem: 'changed',
      reason: 'This file has been changed since it was sealed: its contents no longer match its signature.',
    });
  });

  it('reports a changed byte in a page, or in the header, as not valid', () => {
    const pageContent = sealed.indexOf('stream', sealed.indexOf('/Filter /FlateDecode')) + 12;
    expect(verifyPdf(changeByteAt(sealed, pageContent))).toMatchObject({ valid: false, problem: 'changed' });
    expect(verifyPdf(changeByteAt(sealed, 5))).toMatchObject({ valid: false, problem: 'changed' });
    expect(verifyPdf(changeByteAt(sealed, sealed.length - 3))).toMatchObject({ valid: false });
  });

  it('reports a changed signature as not valid', () => {
    const hole = signatureHole(sealed);
    const der = Buffer.from(sealed.subarray(hole.start + 1, hole.end - 1).toString('latin1'), 'hex');
    const derLength = 4 + der.readUInt16BE(2); // a long SEQUENCE: 30 82 xx xx
    // The RSA signature is the last thing in the DER.
    const inSignature = hole.start + 1 + (derLength - 10) * 2;
    const tampered = Buffer.from(sealed);
    tampered[inSignature] = tampered[inSignature] === 0x30 ? 0x31 : 0x30;
    expect(verifyPdf(tampered)).toMatchObject({ valid: false, problem: 'changed' });
    // A change in the middle of the PKCS#7 (the certificate) cannot pass either.
    const inCertificate = hole.start + 1 + 800;
    const tampered2 = Buffer.from(sealed);
    tampered2[inCertificate] = tampered2[inCertificate] === 0x30 ? 0x31 : 0x30;
    expect(verifyPdf(tampered2).valid).toBe(false);
  });

  it('reports bytes added after the seal (an incremental update) as not covered by the signature', () => {
    const update = Buffer.from('\n99 0 obj\n<< /Changed true >>\nendobj\ntrailer\n<< /Size 100 >>\n%%EOF\n', 'latin1');
    const result = verifyPdf(Buffer.concat([sealed, update]));
    expect(result).toMatchObject({ valid: false, problem: 'not_whole_file' });
    expect(!result.valid && result.reason).toMatch(/does not cover the whole file/);
  });

  it('seals again with the same identity, and with an imported one', async () => {
    const second = await sealPdf(await makePdf(2), identity, details);
    expect(verifyPdf(second)).toMatchObject({ valid: true, certificateFingerprint: identity.fingerprint });
    const third = await sealPdf(await makePdf(1), identity, details);
    expect(verifyPdf(third).valid).toBe(true);
    const imported = importIdentity(identity.p12, identity.password);
    const fourth = await sealPdf(await makePdf(1), imported, { ...details, contactInfo: 'minutes@northshire.example' });
    expect(verifyPdf(fourth)).toMatchObject({ valid: true, certificateFingerprint: identity.fingerprint });
  });

  it.skipIf(!hasPoppler)(`seals a 20-page PDF (${popplerSkip})`, async () => {
    const long = await sealPdf(await makePdf(20), identity, details);
    expect(verifyPdf(long).valid).toBe(true);
    const file = writePdf(long);
    expect(run('pdfsig', [file]).output).toContain('Signature is Valid.');
    expect(run('qpdf', ['--show-npages', file]).output.trim()).toBe('20');
  });

  it('refuses to seal a file that is not a PDF', async () => {
    await expect(sealPdf(Buffer.from('not a pdf'), identity, details)).rejects.toThrow(/not a PDF/);
  });
});

describe('importIdentity', () => {
  it('opens a PKCS#12 made by createIdentity', () => {
    const imported = importIdentity(identity.p12, identity.password);
    expect(imported.subject).toEqual(identity.subject);
    expect(imported.fingerprint).toBe(identity.fingerprint);
    expect(imported.validTo).toBe(identity.validTo);
  });

  it('refuses a wrong password, a file that is not PKCS#12, and garbage, in plain words', () => {
    expectApiError(() => importIdentity(identity.p12, 'not the password'), /could not be opened: the password may be wrong/);
    expectApiError(() => importIdentity(randomBytes(600), 'x'), /not a certificate file \(PKCS#12/);
    expectApiError(() => importIdentity(Buffer.alloc(0), 'x'), /not a certificate file/);
    expectApiError(() => importIdentity(Buffer.from(identity.certificatePem), 'x'), /not a certificate file/);
    const certificateDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(identity.certificatePem))).getBytes(), 'binary');
    expectApiError(() => importIdentity(certificateDer, 'x'), /not a certificate file/);
  });

  it('refuses an expired certificate, saying when it expired', () => {
    const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = '01';
    cert.validity.notBefore = new Date('2015-01-01T00:00:00Z');
    cert.validity.notAfter = new Date('2016-03-31T12:00:00Z');
    const name = [{ shortName: 'CN', value: 'Old Council' }];
    cert.setSubject(name);
    cert.setIssuer(name);
    cert.sign(keys.privateKey, forge.md.sha256.create());
    const p12 = Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], 'secret', { algorithm: '3des' })).getBytes(), 'binary');
    expectApiError(() => importIdentity(p12, 'secret'), /expired on 31 March 2016/);
  });

  it.skipIf(!hasTool('openssl', 'version'))('opens a PKCS#12 made by OpenSSL with its default ciphers (needs openssl)', () => {
    const dir = tempDir();
    const [key, crt, p12] = ['key.pem', 'cert.pem', 'org.p12'].map((name) => path.join(dir, name)) as [string, string, string];
    const made = run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt, '-days', '30', '-subj', '/CN=Brightwater Care Ltd seal/O=Brightwater Care Ltd']);
    expect(made.status, made.output).toBe(0);
    const exported = run('openssl', ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', p12, '-passout', 'pass:org secret']);
    expect(exported.status, exported.output).toBe(0);
    const imported = importIdentity(readFileSync(p12), 'org secret');
    expect(imported.subject).toEqual({ commonName: 'Brightwater Care Ltd seal', organisation: 'Brightwater Care Ltd' });
  });

  it.skipIf(!hasTool('openssl', 'version'))('refuses a certificate with an elliptic-curve key, saying why (needs openssl)', () => {
    const dir = tempDir();
    const [key, crt, p12] = ['key.pem', 'cert.pem', 'ec.p12'].map((name) => path.join(dir, name)) as [string, string, string];
    const made = run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', crt, '-days', '30', '-subj', '/CN=EC seal']);
    expect(made.status, made.output).toBe(0);
    expect(run('openssl', ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', p12, '-passout', 'pass:pw']).status).toBe(0);
    expectApiError(() => importIdentity(readFileSync(p12), 'pw'), /cannot seal with. Use a certificate with an RSA key/);
  });
});

describe('readAttachment', () => {
  it('reads an attachment from pdf-lib output, with or without object streams', async () => {
    const packed = await makePdf(1);
    expect(sha256(readAttachment(packed, 'minutes.json')!)).toBe(sha256(minutesJson));
    const doc = await PDFDocument.load(packed);
    const plain = await doc.save({ useObjectStreams: false });
    expect(sha256(readAttachment(plain, 'minutes.json')!)).toBe(sha256(minutesJson));
  });

  it('finds an attachment below Kids in the name tree', async () => {
    const doc = await PDFDocument.load(await makePdf(1));
    const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict);
    const embedded = names.lookup(PDFName.of('EmbeddedFiles'), PDFDict);
    const leaf = doc.context.obj({ Names: embedded.lookup(PDFName.of('Names'), PDFArray), Limits: ['minutes.json', 'minutes.json'] });
    names.set(PDFName.of('EmbeddedFiles'), doc.context.obj({ Kids: [doc.context.register(leaf)] }));
    const tree = await doc.save({ useObjectStreams: false });
    expect(sha256(readAttachment(tree, 'minutes.json')!)).toBe(sha256(minutesJson));
  });
});

describe('hostile input', () => {
  const hostile = async () => {
    const unsigned = await makePdf(1, null);
    const fakeRange = Buffer.from('%PDF-1.7\n1 0 obj\n<< /ByteRange [0 10 20 999999999] /Contents <abcd> >>\nendobj\n%%EOF\n', 'latin1');
    // A /ByteRange that fits a 2 MB /Contents of nonsense exactly.
    const head = (range: number[]) => `%PDF-1.7\n1 0 obj\n<< /Type /Sig /ByteRange [${range.map((n) => String(n).padEnd(10)).join(' ')}] /Contents `;
    const tail = ' >>\nendobj\n%%EOF';
    const holeStart = head([0, 0, 0, 0]).length;
    const holeEnd = holeStart + 4_000_002;
    const hugeContents = Buffer.from(`${head([0, holeStart, holeEnd, tail.length])}<${'30'.repeat(2_000_000)}>${tail}`, 'latin1');
    return {
      empty: new Uint8Array(),
      random: randomBytes(4096),
      randomWithHeader: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)]),
      truncated: sealed.subarray(0, Math.floor(sealed.length / 2)),
      truncatedEnd: sealed.subarray(0, sealed.length - 100),
      unsigned,
      fakeRange,
      hugeContents,
      negative: Buffer.from('%PDF-1.7\n/ByteRange [0 -5 10 20]\n%%EOF', 'latin1'),
    };
  };

  it('verifyPdf always answers with a result', async () => {
    const inputs = await hostile();
    for (const [name, bytes] of Object.entries(inputs)) {
      const result = verifyPdf(bytes);
      expect(result.valid, name).toBe(false);
      expect(!result.valid && result.reason, name).toMatch(/^(This|The) /);
    }
    expect(verifyPdf(inputs.empty)).toMatchObject({ problem: 'not_pdf', reason: 'This file is not a PDF.' });
    expect(verifyPdf(inputs.random)).toMatchObject({ problem: 'not_pdf' });
    expect(verifyPdf(inputs.unsigned)).toMatchObject({ problem: 'unsigned', reason: 'This file has no digital signature.' });
    expect(verifyPdf(inputs.fakeRange)).toMatchObject({ problem: 'damaged', reason: 'The signature in this file is damaged.' });
    expect(verifyPdf(inputs.hugeContents)).toMatchObject({ problem: 'damaged' });
  });

  it('readAttachment returns null, never throws', async () => {
    const inputs = await hostile();
    for (const [name, bytes] of Object.entries(inputs)) {
      const attached = readAttachment(bytes, 'minutes.json');
      // A truncated file may still hold the whole attachment: then it must be exact.
      if (name.startsWith('truncated') && attached) expect(sha256(attached), name).toBe(sha256(minutesJson));
      else expect(attached, name).toBeNull();
    }
  });
});
