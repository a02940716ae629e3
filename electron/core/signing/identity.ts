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
/**
 * All the key-derivation rounds a PKCS#12 may ask for, its MAC's and its encryptions' together.
 * OpenSSL's default is 2,048 each; node-forge takes about 23 s for a million.
 */
const maxIterations = 2_000_000;
// PKCS#12's own password-based encryptions (1.2.840.113549.1.12.1.1 to .6) and PBKDF2 (in PBES2).
const pkcs12Pbe = /^1\.2\.840\.113549\.1\.12\.1\.[1-6]$/;
const pbkdf2 = '1.2.840.113549.1.5.12';

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
  const { privateKey, certificates } = readPkcs12(p12, password, now);
  return identityOf(privateKey, certificates);
}

/**
 * The private key (PKCS#8 DER) and certificates (DER, its own first) of a PKCS#12 file, refused
 * in plain words when it cannot seal. The work it asks for is read and bounded before any key is
 * derived; it runs in a worker (off-thread.ts) in the app.
 */
export function readPkcs12(p12: Buffer, password: string, now: Date): { privateKey: Buffer; certificates: Buffer[] } {
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
  const certificates = [own, ...certs.filter((cert) => cert !== own)].map((cert) => der(pki.certificateToAsn1(cert)));
  return { privateKey, certificates };
}

function openPkcs12(p12: Buffer, password: string): forge.pkcs12.Pkcs12Pfx {
  let der: Asn1;
  try {
    der = fromDer(p12);
  } catch {
    throw notPkcs12();
  }
  if (iterationsAskedFor(der) > maxIterations) {
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

/**
 * Every key-derivation round the file asks for, added up, read from its structure alone: the MAC's
 * (PFX ::= SEQUENCE { version, authSafe, macData SEQUENCE { mac, macSalt, iterations } }) and each
 * password-based encryption's, however deep in the nested OCTET STRINGs it sits.
 */
function iterationsAskedFor(pfx: Asn1): number {
  let total = 0;
  let nodes = 0;
  const integer = (node: Asn1 | undefined) => {
    if (!node || node.type !== asn1.Type.INTEGER || typeof node.value !== 'string') throw notPkcs12();
    const bytes = Buffer.from(node.value, 'binary');
    // More than six bytes is more than any budget: count it as over.
    return bytes.length > 6 ? Infinity : bytes.reduce((sum, byte) => sum * 256 + byte, 0);
  };
  const visit = (node: Asn1, depth: number): void => {
    if (++nodes > 100_000 || depth > 32) throw notPkcs12();
    if (Array.isArray(node.value)) {
      const [first, params] = node.value;
      if (first?.type === asn1.Type.OID && typeof first.value === 'string' && params && Array.isArray(params.value)) {
        const oid = asn1.derToOid(first.value);
        if (pkcs12Pbe.test(oid) || oid === pbkdf2) total += integer(params.value[1]);
      }
      for (const child of node.value) visit(child, depth + 1);
    } else if (
      node.type === asn1.Type.OCTETSTRING &&
      typeof node.value === 'string' &&
      node.value.charCodeAt(0) === 0x30
    ) {
      // SafeContents and the AuthenticatedSafe travel as DER inside OCTET STRINGs.
      const inner = (() => {
        try {
          return fromDer(Buffer.from(node.value, 'binary'));
        } catch {
          return null; // bytes that only start like DER
        }
      })();
      if (inner) visit(inner, depth + 1);
    }
  };
  try {
    const macData = children(pfx)[2];
    if (macData) total += children(macData)[2] ? integer(children(macData)[2]) : 1;
    visit(pfx, 0);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw notPkcs12();
  }
  return total;
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
