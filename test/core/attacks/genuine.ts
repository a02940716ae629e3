import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import signpdf from '@signpdf/signpdf';
import forge from 'node-forge';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** The minutes as the app attaches them: canonical JSON. */
export function minutesJson(title = 'Joint review of Oakwood House'): Buffer {
  const minutes = {
    title,
    held: '2026-12-03',
    attendees: ['Sam Patel (social worker)', 'Jo Reid (registered manager)'],
    actions: ['Share the diary weekly'],
  };
  return Buffer.from(JSON.stringify(minutes), 'utf8');
}

/** A few pages of text with minutes.json attached, as the app makes them before sealing. */
export async function minutesPdf(
  options: { pages?: number; title?: string; attachment?: Buffer | null; objectStreams?: boolean } = {},
): Promise<Uint8Array> {
  const {
    pages = 3,
    title = 'Joint review of Oakwood House',
    attachment = minutesJson(title),
    objectStreams = true,
  } = options;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${title}: minutes, page ${n} of ${pages}`, { x: 50, y: 780, size: 14, font });
    page.drawText('What was discovered: the home keeps a shared diary with the placing authority.', {
      x: 50,
      y: 750,
      size: 10,
      font,
    });
  }
  if (attachment)
    await doc.attach(attachment, 'minutes.json', { mimeType: 'application/json', description: 'The minutes as data' });
  return doc.save({ useObjectStreams: objectStreams });
}

/** A PKCS#12 with a fresh RSA key and a self-signed certificate, for @signpdf's P12Signer. */
export function standInP12(commonName: string, organisation: string, bits = 2048): Buffer {
  const keys = forge.pki.rsa.generateKeyPair({ bits });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01' + forge.util.bytesToHex(forge.random.getBytesSync(8));
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2036-01-01T00:00:00Z');
  const name = [
    { shortName: 'CN', value: commonName },
    { shortName: 'O', value: organisation },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([{ name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], 'stand-in', { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/**
 * Seals with @signpdf directly: a stand-in for the app's sealPdf, so the builders can be checked
 * against a file no code under test made.
 */
export async function standInSeal(
  pdf: Uint8Array,
  p12: Buffer,
  options: { objectStreams?: boolean } = {},
): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const signedAt = new Date('2026-12-03T11:30:00Z');
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'Joint review minutes',
    location: 'Northshire',
    contactInfo: '',
    name: 'Stand-in sealer',
    signingTime: signedAt,
    signatureLength: 8192,
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: options.objectStreams ?? false }));
  return signpdf.sign(prepared, new P12Signer(p12, { passphrase: 'stand-in' }), signedAt);
}

/** The same PKCS#12 asking for this many MAC iterations (2^31 − 1 unless told): an iteration bomb. */
export function withMacIterations(p12: Buffer, iterations = 2 ** 31 - 1): Buffer {
  const pfx = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  const macData = (pfx.value as forge.asn1.Asn1[])[2]!;
  (macData.value as forge.asn1.Asn1[])[2] = forge.asn1.create(
    forge.asn1.Class.UNIVERSAL,
    forge.asn1.Type.INTEGER,
    false,
    forge.asn1.integerToDer(iterations).getBytes(),
  );
  return Buffer.from(forge.asn1.toDer(pfx).getBytes(), 'binary');
}
