import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { ApiError } from '@shared/api/errors';
import { formatDate } from '@shared/format/dates';
import { parseCertificate, selfSignedCertificate } from './certificate';
import { children, fromDer, type Asn1 } from './der';
import type { SigningIdentity } from './types';

const { asn1, pki } = forge;

// PKCS#12 bag types (forge's pki.oids is typed as possibly undefined).
const bagTypes = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
};
/** OpenSSL's default is 2,048; a file asking for more than this would keep the core busy for minutes. */
const maxMacIterations = 1_000_000;

export type KeyAlgorithm = 'ecdsa-p256' | 'rsa-3072';

/**
 * This installation's own key and self-signed certificate for an organisation, named for the
 * organisation and the app (never the computer). Made before the signing time is taken, and
 * valid from `now`, so a seal made right after it is within the certificate's validity.
 */
export function createIdentity({
  organisation,
  now = new Date(),
  algorithm = 'ecdsa-p256',
}: {
  organisation: string;
  now?: Date;
  algorithm?: KeyAlgorithm;
}): SigningIdentity {
  const { publicKey, privateKey } =
    algorithm === 'ecdsa-p256'
      ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      : generateKeyPairSync('rsa', { modulusLength: 3072 });
  // Certificates count whole seconds: the validity starts at the second `now` falls in.
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const certificate = selfSignedCertificate({
    subject: { commonName: `${organisation} (Relational Review seal)`, organisation },
    publicKey,
    privateKey,
    now: notBefore,
  });
  return identityOf(privateKey.export({ type: 'pkcs8', format: 'der' }), [certificate]);
}

/** An identity from its stored parts. */
export function identityOf(privateKey: Buffer, certificates: Buffer[]): SigningIdentity {
  const certificate = parseCertificate(certificates[0]!);
  return {
    privateKey,
    certificates,
    subject: certificate.subject,
    fingerprint: certificate.fingerprint,
    validFrom: certificate.validFrom.toISOString(),
    validTo: certificate.validTo.toISOString(),
  };
}

/** An organisation's own certificate and key, from a PKCS#12 (.p12 or .pfx) file with an RSA key. */
export function importIdentity(p12: Buffer, password: string, now = new Date()): SigningIdentity {
  const pfx = openPkcs12(p12, password);
  const keyBags = [bagTypes.shroudedKey, bagTypes.key].flatMap((bagType) => pfx.getBags({ bagType })[bagType] ?? []);
  if (keyBags.length === 0)
    throw new ApiError(
      'invalid_input',
      'That certificate file has no private key, so it cannot be used to seal minutes.',
    );
  // forge leaves a key it cannot read (not RSA) empty.
  const key = keyBags.find((bag) => bag.key)?.key;
  if (!key) throw notRsa();
  const certs = (pfx.getBags({ bagType: bagTypes.cert })[bagTypes.cert] ?? []).flatMap((bag) =>
    bag.cert ? [bag.cert] : [],
  );
  const own = certs.find((cert) => matchesKey(cert, key));
  if (!own) throw new ApiError('invalid_input', 'That certificate file has no certificate for its private key.');
  const { notAfter } = own.validity;
  if (notAfter < now) {
    throw new ApiError(
      'invalid_input',
      `That certificate expired on ${formatDate(notAfter.toISOString())}. Ask for a current one.`,
    );
  }
  if ((key.n.bitLength() ?? 0) < 2048)
    throw new ApiError(
      'invalid_input',
      'That certificate’s key is too short to seal with (under 2048 bits). Ask for a current one.',
    );
  const der = (node: Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
  const privateKey = der(pki.wrapRsaPrivateKey(pki.privateKeyToAsn1(key)));
  const chain = [own, ...certs.filter((cert) => cert !== own)].map((cert) => der(pki.certificateToAsn1(cert)));
  return identityOf(privateKey, chain);
}

function openPkcs12(p12: Buffer, password: string): forge.pkcs12.Pkcs12Pfx {
  let der: Asn1;
  try {
    der = fromDer(p12);
  } catch {
    throw notPkcs12();
  }
  if (macIterations(der) > maxMacIterations) {
    throw new ApiError(
      'invalid_input',
      'That certificate file asks for more work to open than any genuine one does, so it was not opened.',
    );
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

/** PFX ::= SEQUENCE { version, authSafe, macData SEQUENCE { mac, macSalt, iterations INTEGER DEFAULT 1 } OPTIONAL } */
function macIterations(pfx: Asn1): number {
  try {
    const macData = children(pfx)[2];
    const iterations = macData ? children(macData)[2] : undefined;
    if (!iterations || typeof iterations.value !== 'string') return 1;
    return Buffer.from(iterations.value, 'binary').reduce((total, byte) => total * 256 + byte, 0);
  } catch {
    throw notPkcs12();
  }
}

const notRsa = () =>
  new ApiError(
    'invalid_input',
    'That certificate uses a kind of key this app cannot import. Use a certificate with an RSA key.',
  );
const notPkcs12 = () =>
  new ApiError('invalid_input', 'That file is not a certificate file (PKCS#12, usually .p12 or .pfx).');

function matchesKey(cert: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey): boolean {
  const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
  return publicKey.n.equals(key.n) && publicKey.e.equals(key.e);
}
