import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { ApiError } from '../../../shared/api/errors';
import { formatDate } from '../../../shared/format/dates';
import { certificateDer, fingerprintOf, subjectOf } from './certificate';
import type { SigningIdentity } from './types';

const { pki, asn1 } = forge;

// PKCS#12 bag types (forge's pki.oids is typed as possibly undefined).
const bagTypes = { key: '1.2.840.113549.1.12.10.1.1', shroudedKey: '1.2.840.113549.1.12.10.1.2', cert: '1.2.840.113549.1.12.10.1.3' };

/** This installation's own key and self-signed certificate, made at first use. */
export function createIdentity({ organisation, device, now = new Date() }: { organisation: string; device: string; now?: Date }): SigningIdentity {
  // forge hands this to Node's native key generator when there is one: fast.
  const keys = pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = now;
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10);
  cert.validity.notAfter = notAfter;
  // UTF8String, not forge's default PrintableString, so any organisation name fits
  // (@types/node-forge calls valueTagClass a Class; it is a Type).
  const name = [
    { shortName: 'CN', value: `Relational Review on ${device}` },
    { shortName: 'O', value: organisation },
    { shortName: 'OU', value: 'Relational Review minutes' },
  ].map((field) => ({ ...field, valueTagClass: asn1.Type.UTF8 as unknown as forge.asn1.Class }));
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return packageIdentity(keys.privateKey, [cert]);
}

/** An organisation's own certificate and key, from a PKCS#12 (.p12 or .pfx) file. */
export function importIdentity(p12: Buffer, password: string, now = new Date()): SigningIdentity {
  const pfx = openPkcs12(p12, password);
  const keyBags = [bagTypes.shroudedKey, bagTypes.key].flatMap((bagType) => pfx.getBags({ bagType })[bagType] ?? []);
  if (keyBags.length === 0) throw new ApiError('invalid_input', 'That certificate file has no private key, so it cannot be used to seal minutes.');
  // forge leaves a key it cannot read (not RSA) empty.
  const key = keyBags.find((bag) => bag.key)?.key;
  if (!key) throw notRsa();
  const certs = (pfx.getBags({ bagType: bagTypes.cert })[bagTypes.cert] ?? []).flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const own = certs.find((cert) => matchesKey(cert, key));
  if (!own) throw new ApiError('invalid_input', 'That certificate file has no certificate for its private key.');
  const { notAfter } = own.validity;
  if (notAfter < now) {
    throw new ApiError('invalid_input', `That certificate expired on ${formatDate(notAfter.toISOString())}. Ask for a current one.`);
  }
  // Repackaged the way createIdentity packages, so sealing reads every identity alike
  // whatever tool made the original file (key bag kind, ciphers).
  return packageIdentity(key, [own, ...certs.filter((cert) => cert !== own)]);
}

function openPkcs12(p12: Buffer, password: string): forge.pkcs12.Pkcs12Pfx {
  let der: forge.asn1.Asn1;
  try {
    der = asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  } catch {
    throw notPkcs12();
  }
  try {
    return forge.pkcs12.pkcs12FromAsn1(der, false, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (message.startsWith('Cannot read PKCS#12 PFX')) throw notPkcs12();
    if (message.includes('OID is not RSA')) throw notRsa();
    throw new ApiError('invalid_input', 'That certificate file could not be opened: the password may be wrong.');
  }
}

const notRsa = () => new ApiError('invalid_input', 'That certificate uses a kind of key this app cannot seal with. Use a certificate with an RSA key.');
const notPkcs12 = () => new ApiError('invalid_input', 'That file is not a certificate file (PKCS#12, usually .p12 or .pfx).');

function matchesKey(cert: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey): boolean {
  const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
  return publicKey.n.equals(key.n) && publicKey.e.equals(key.e);
}

function packageIdentity(key: forge.pki.rsa.PrivateKey, chain: [forge.pki.Certificate, ...forge.pki.Certificate[]]): SigningIdentity {
  const password = randomBytes(24).toString('base64url');
  const p12 = Buffer.from(asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, chain, password, { algorithm: '3des' })).getBytes(), 'binary');
  const der = certificateDer(chain[0]);
  // Described from the DER, as a reader of the sealed PDF will see it.
  const cert = pki.certificateFromAsn1(asn1.fromDer(der));
  return {
    p12,
    password,
    certificatePem: pki.certificateToPem(cert),
    subject: subjectOf(cert),
    fingerprint: fingerprintOf(der),
    validFrom: cert.validity.notBefore.toISOString(),
    validTo: cert.validity.notAfter.toISOString(),
  };
}

/** A random positive serial number (hex), as X.509 asks. */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.toString('hex');
}
