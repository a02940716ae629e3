import { createHash, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import {
  bitString,
  boolean,
  bytesOf,
  children,
  context,
  DerError,
  fromDer,
  integerFromBytes,
  isContext,
  nullValue,
  octets,
  oid,
  oidOf,
  oids,
  seq,
  set,
  smallInteger,
  time,
  toDer,
  utf8,
  type Asn1,
} from './der';
import type { CertificateSubject } from './types';

/** SHA-256, lower-case hex: the fingerprint of a certificate's DER, of minutes' canonical content, of a file. */
export function fingerprintOf(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What the app reads from an X.509 certificate, RSA or ECDSA alike. */
export interface ParsedCertificate {
  der: Buffer;
  fingerprint: string;
  subject: CertificateSubject;
  /** As in the certificate, for IssuerAndSerialNumber. */
  issuer: Asn1;
  serial: Asn1;
  subjectKeyIdentifier: Buffer | null;
  validFrom: Date;
  validTo: Date;
  publicKey: KeyObject;
  /** Null when the certificate has no keyUsage extension (any use allowed). */
  keyUsage: { digitalSignature: boolean; nonRepudiation: boolean } | null;
}

/** Throws DerError when the bytes are not a certificate. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch {
    throw new DerError('not a certificate');
  }
  const bytes = Buffer.from(der);
  const tbs = children(children(fromDer(bytes))[0]);
  // TBSCertificate: [0] version?, serial, signature, issuer, validity, subject, spki, ..., [3] extensions
  const offset = isContext(tbs[0], 0) ? 1 : 0;
  const [serial, , issuer, , subject] = tbs.slice(offset);
  if (!serial || !issuer || !subject) throw new DerError('incomplete certificate');
  const extensions = new Map<string, Buffer>();
  const extensionsNode = tbs.find((node) => isContext(node, 3));
  for (const extension of extensionsNode ? children(children(extensionsNode)[0]) : []) {
    const parts = children(extension);
    extensions.set(oidOf(parts[0]), bytesOf(parts[parts.length - 1]));
  }
  return {
    der: bytes,
    fingerprint: fingerprintOf(bytes),
    subject: { commonName: nameField(subject, oids.commonName), organisation: nameField(subject, oids.organisation) },
    issuer,
    serial,
    subjectKeyIdentifier: extensions.has(oids.subjectKeyIdentifier)
      ? bytesOf(fromDer(extensions.get(oids.subjectKeyIdentifier)!))
      : null,
    validFrom: new Date(x509.validFrom),
    validTo: new Date(x509.validTo),
    publicKey: x509.publicKey,
    keyUsage: extensions.has(oids.keyUsage) ? readKeyUsage(extensions.get(oids.keyUsage)!) : null,
  };
}

/** The first value of an attribute in a Name, as text (UTF8String, PrintableString, BMPString...). */
function nameField(name: Asn1, wanted: string): string {
  for (const rdn of children(name)) {
    for (const attribute of children(rdn)) {
      const [type, value] = children(attribute);
      if (oidOf(type) !== wanted || !value || typeof value.value !== 'string') continue;
      if (value.type === forge.asn1.Type.BMPSTRING)
        return Buffer.from(value.value, 'binary').swap16().toString('utf16le');
      return Buffer.from(value.value, 'binary').toString(value.type === forge.asn1.Type.UTF8 ? 'utf8' : 'latin1');
    }
  }
  return '';
}

/** KeyUsage ::= BIT STRING; bit 0 digitalSignature, bit 1 nonRepudiation (contentCommitment). */
function readKeyUsage(extensionValue: Buffer): { digitalSignature: boolean; nonRepudiation: boolean } {
  const bits = bytesOf(fromDer(extensionValue));
  const first = bits[1] ?? 0; // bits[0] counts the unused bits
  return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
}

/** What a signer's public key is, in words, or null when this app does not accept it. */
export function describeKey(key: KeyObject): { name: string; acceptable: boolean } | null {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    const bits = details.modulusLength ?? 0;
    return { name: `RSA ${bits}`, acceptable: bits >= 2048 };
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve = { prime256v1: 'P-256', secp384r1: 'P-384' }[details.namedCurve ?? ''];
    return curve
      ? { name: `ECDSA ${curve}`, acceptable: true }
      : { name: `ECDSA ${details.namedCurve ?? ''}`.trim(), acceptable: false };
  }
  return null;
}

/** The AlgorithmIdentifier of a signature with SHA-256 by this key. */
export function signatureAlgorithm(key: KeyObject): Asn1 {
  return key.asymmetricKeyType === 'ec'
    ? seq([oid(oids.ecdsaWithSha256)])
    : seq([oid(oids.sha256WithRsa), nullValue()]);
}

/** A self-signed certificate for a new key, valid from `now` for ten years, for sealing documents only. */
export function selfSignedCertificate(options: {
  subject: { commonName: string; organisation: string };
  publicKey: KeyObject;
  privateKey: KeyObject;
  now: Date;
}): Buffer {
  const name = seq(
    [
      [oids.commonName, options.subject.commonName],
      [oids.organisation, options.subject.organisation],
      [oids.organisationalUnit, 'Relational Review minutes'],
    ].map(([type, value]) => set([seq([oid(type!), utf8(value!)])])),
  );
  const spki = options.publicKey.export({ type: 'spki', format: 'der' });
  const publicKeyBits = bytesOf(children(fromDer(spki))[1]).subarray(1);
  const notAfter = new Date(options.now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10);
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01; // positive, and no leading zero byte
  const algorithm = signatureAlgorithm(options.privateKey);
  const extension = (type: string, critical: boolean, value: Asn1) =>
    seq([oid(type), ...(critical ? [boolean(true)] : []), octets(toDer(value))]);
  const tbs = seq([
    context(0, [smallInteger(2)]),
    integerFromBytes(serial),
    algorithm,
    name,
    seq([time(options.now), time(notAfter)]),
    name,
    fromDer(spki),
    context(3, [
      seq([
        extension(oids.basicConstraints, true, seq([])),
        // digitalSignature and nonRepudiation: 0b11000000, six unused bits.
        extension(oids.keyUsage, true, bitString(Buffer.from([0xc0]), 6)),
        extension(oids.subjectKeyIdentifier, false, octets(createHash('sha1').update(publicKeyBits).digest())),
      ]),
    ]),
  ]);
  const signature = sign('sha256', toDer(tbs), options.privateKey);
  return toDer(seq([tbs, algorithm, bitString(signature)]));
}

/** The signature algorithm OIDs this app checks, with their digest. RSA PKCS#1 v1.5 may be named plainly. */
export const signatureDigests: Record<string, { key: 'rsa' | 'ec'; digest: string | null }> = {
  [oids.rsaEncryption]: { key: 'rsa', digest: null },
  [oids.sha256WithRsa]: { key: 'rsa', digest: 'sha256' },
  [oids.sha384WithRsa]: { key: 'rsa', digest: 'sha384' },
  [oids.sha512WithRsa]: { key: 'rsa', digest: 'sha512' },
  [oids.ecPublicKey]: { key: 'ec', digest: null },
  [oids.ecdsaWithSha256]: { key: 'ec', digest: 'sha256' },
  [oids.ecdsaWithSha384]: { key: 'ec', digest: 'sha384' },
  [oids.ecdsaWithSha512]: { key: 'ec', digest: 'sha512' },
};
