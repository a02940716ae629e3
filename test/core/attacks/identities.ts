import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import type { SigningIdentity } from '@core/signing/types';
import { bytesOf, children, context, integer, octets, oid, readTlv, sequence, set, sortedSet, tlv, utf8 } from './der';

/**
 * Keys and certificates an attacker can make, and CMS signatures made with them. Built in plain
 * Node (crypto and hand-written DER), so nothing here depends on the code under test.
 */

export type KeyAlgorithm = 'ecdsa-p256' | 'rsa-3072';

const oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  keyUsage: '2.5.29.15',
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();

/** The fields of a certificate an impostor copies, as their exact DER. */
interface CertificateFields {
  serial: Buffer;
  issuer: Buffer;
  validity: Buffer;
  subject: Buffer;
  extensions: Buffer | null;
}

function certificateFields(certificate: Buffer): CertificateFields {
  const [tbs] = children(certificate, readTlv(certificate));
  const fields = children(certificate, tbs!);
  // The version is an optional [0] before the serial number.
  const first = fields[0]!.tag === 0xa0 ? 1 : 0;
  const at = (n: number) => bytesOf(certificate, fields[first + n]!);
  const extensions = fields.find((field) => field.tag === 0xa3);
  return {
    serial: at(0),
    issuer: at(2),
    validity: at(3),
    subject: at(4),
    extensions: extensions ? bytesOf(certificate, extensions) : null,
  };
}

function newKeyPair(algorithm: KeyAlgorithm) {
  return algorithm === 'ecdsa-p256'
    ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('rsa', { modulusLength: 3072 });
}

/** The AlgorithmIdentifier of a SHA-256 signature made with this key. */
function signatureAlgorithm(key: KeyObject, forCms: boolean): Buffer {
  if (key.asymmetricKeyType === 'ec') return sequence(oid(oids.ecdsaWithSha256));
  return sequence(oid(forCms ? oids.rsaEncryption : oids.sha256WithRsa), tlv(0x05));
}

function selfSigned(fields: CertificateFields, keys: { privateKey: KeyObject; publicKey: KeyObject }): Buffer {
  const algorithm = signatureAlgorithm(keys.privateKey, false);
  const publicKey = keys.publicKey.export({ type: 'spki', format: 'der' });
  const tbs = sequence(
    context(0, integer(2)),
    fields.serial,
    algorithm,
    fields.issuer,
    fields.validity,
    fields.subject,
    publicKey,
    fields.extensions ?? Buffer.alloc(0),
  );
  const signature = sign('sha256', tbs, keys.privateKey);
  return sequence(tbs, algorithm, tlv(0x03, Buffer.from([0]), signature));
}

function identityOf(certificate: Buffer, privateKey: KeyObject): SigningIdentity {
  const x509 = new X509Certificate(certificate);
  const field = (name: string) =>
    x509.subject
      .split('\n')
      .find((line) => line.startsWith(`${name}=`))
      ?.slice(name.length + 1) ?? '';
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }),
    certificates: [certificate],
    subject: { commonName: field('CN'), organisation: field('O') },
    fingerprint: sha256(certificate).toString('hex'),
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
  };
}

/**
 * A new key with a certificate that copies the genuine one field for field (serial number, issuer,
 * validity, subject, extensions): only the key, and so the fingerprint, differ.
 */
export function lookAlikeIdentity(genuineCertificate: Buffer, algorithm: KeyAlgorithm = 'ecdsa-p256'): SigningIdentity {
  const keys = newKeyPair(algorithm);
  return identityOf(selfSigned(certificateFields(genuineCertificate), keys), keys.privateKey);
}

function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
  return tlv(0x17, Buffer.from(text, 'latin1'));
}

/** A new key and self-signed certificate naming whoever the attacker likes. */
export function freshIdentity(
  commonName: string,
  organisation: string,
  algorithm: KeyAlgorithm = 'ecdsa-p256',
  now = new Date('2026-12-01T09:00:00Z'),
): SigningIdentity {
  const name = sequence(
    set(sequence(oid(oids.commonName), utf8(commonName))),
    set(sequence(oid(oids.organisation), utf8(organisation))),
  );
  const later = new Date(now);
  later.setUTCFullYear(later.getUTCFullYear() + 10);
  // digitalSignature and nonRepudiation: the first two bits.
  const keyUsage = sequence(
    oid(oids.keyUsage),
    tlv(0x01, Buffer.from([0xff])),
    octets(tlv(0x03, Buffer.from([0x06, 0xc0]))),
  );
  const serial = tlv(0x02, Buffer.concat([Buffer.from([0x01]), randomBytes(8)]));
  const fields = {
    serial,
    issuer: name,
    validity: sequence(utcTime(now), utcTime(later)),
    subject: name,
    extensions: context(3, sequence(keyUsage)),
  };
  const keys = newKeyPair(algorithm);
  return identityOf(selfSigned(fields, keys), keys.privateKey);
}

/**
 * A detached CMS SignedData over a digest, as a PAdES baseline B signer makes it: content type,
 * message digest and ESS signing-certificate-v2 signed, no signing time (the PDF's /M says when).
 */
export function cmsSignature(digest: Buffer, identity: SigningIdentity): Buffer {
  const certificate = identity.certificates[0]!;
  const fields = certificateFields(certificate);
  const key = createPrivateKey({ key: identity.privateKey, format: 'der', type: 'pkcs8' });
  const attribute = (type: string, value: Buffer) => sequence(oid(type), set(value));
  const signedAttributes = sortedSet([
    attribute(oids.contentType, oid(oids.data)),
    attribute(oids.messageDigest, octets(digest)),
    attribute(oids.signingCertificateV2, sequence(sequence(sequence(octets(sha256(certificate)))))),
  ]);
  // Signed as a SET; carried as [0] IMPLICIT.
  const signature = sign('sha256', signedAttributes, key);
  const carried = Buffer.concat([Buffer.from([0xa0]), signedAttributes.subarray(1)]);
  const sha256Algorithm = sequence(oid(oids.sha256));
  const signerInfo = sequence(
    integer(1),
    sequence(fields.issuer, fields.serial),
    sha256Algorithm,
    carried,
    signatureAlgorithm(key, true),
    octets(signature),
  );
  const signedData = sequence(
    integer(1),
    set(sha256Algorithm),
    sequence(oid(oids.data)),
    context(0, certificate),
    set(signerInfo),
  );
  return sequence(oid(oids.signedData), context(0, signedData));
}

/** The signer's certificate (the first one carried) in a CMS SignedData. */
export function certificateInCms(cms: Buffer): Buffer {
  const [, explicit] = children(cms, readTlv(cms));
  const [signedData] = children(cms, explicit!);
  const certificates = children(cms, signedData!).find((field) => field.tag === 0xa0);
  if (!certificates) throw new Error('the CMS carries no certificate');
  return bytesOf(cms, children(cms, certificates)[0]!);
}
