import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import {
  describeKey,
  parseCertificate,
  signatureAlgorithm,
  signatureDigests,
  type ParsedCertificate,
} from './certificate';
import {
  algorithmOf,
  bytesOf,
  children,
  context,
  DerError,
  fromDer,
  isContext,
  octets,
  oid,
  oidOf,
  oids,
  seq,
  set,
  smallInteger,
  sortedSet,
  toDer,
  type Asn1,
} from './der';
import type { SignatureProblem } from './types';

/**
 * A CAdES detached signature (PAdES baseline B-B): CMS SignedData over the given bytes, with the
 * signed attributes contentType, messageDigest and ESS signing-certificate-v2, and no signingTime
 * (PAdES puts the time in the signature dictionary's /M). node-forge's PKCS#7 writer can encode
 * only a fixed set of attributes, so the structure is built here with its ASN.1 module.
 */
export function buildCadesSignature(signed: Uint8Array[], privateKey: KeyObject, certificates: Buffer[]): Buffer {
  const certificate = parseCertificate(certificates[0]!);
  const digest = sha256(signed);
  const essCertId = seq([
    octets(createHash('sha256').update(certificate.der).digest()),
    seq([seq([context(4, [certificate.issuer])]), certificate.serial]),
  ]);
  const attributes = [
    seq([oid(oids.contentType), set([oid(oids.data)])]),
    seq([oid(oids.messageDigest), set([octets(digest)])]),
    seq([oid(oids.signingCertificateV2), set([seq([seq([essCertId])])])]),
  ];
  const signedAttributes = sortedSet(attributes);
  const signature = sign('sha256', toDer(signedAttributes), privateKey);
  const signerInfo = seq([
    smallInteger(1),
    seq([certificate.issuer, certificate.serial]),
    seq([oid(oids.sha256)]),
    context(0, signedAttributes.value as Asn1[]),
    signatureAlgorithm(privateKey),
    octets(signature),
  ]);
  const signedData = seq([
    smallInteger(1),
    set([seq([oid(oids.sha256)])]),
    seq([oid(oids.data)]),
    context(
      0,
      certificates.map((der) => fromDer(der)),
    ),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(oids.signedData), context(0, [signedData])]));
}

function sha256(parts: Uint8Array[], algorithm = 'sha256'): Buffer {
  const hash = createHash(algorithm);
  for (const part of parts) hash.update(part);
  return hash.digest();
}

export interface CmsCheck {
  problem: SignatureProblem | null;
  certificate: ParsedCertificate | null;
  algorithm: string;
  /** A signingTime attribute, if the signer wrote one (PAdES signers do not). */
  signingTime: Date | null;
  signingCertificateV2: boolean;
}

const digestNames: Record<string, string> = {
  [oids.sha256]: 'sha256',
  [oids.sha384]: 'sha384',
  [oids.sha512]: 'sha512',
};

/**
 * Checks a detached CMS signature over the given bytes: the digest the signer signed, the
 * signature itself by the certificate it names, and the key's strength. Never throws.
 * Checking the certificate's validity at the signing time is the caller's (it knows /M).
 */
export function checkCms(cms: Uint8Array, signed: Uint8Array[]): CmsCheck {
  const result: CmsCheck = {
    problem: null,
    certificate: null,
    algorithm: '',
    signingTime: null,
    signingCertificateV2: false,
  };
  try {
    check(cms, signed, result);
  } catch (error) {
    result.problem = error instanceof CmsProblem ? error.problem : 'damaged';
  }
  return result;
}

class CmsProblem extends Error {
  constructor(readonly problem: SignatureProblem) {
    super(problem);
  }
}

/** Fills in `result` as far as it gets; throws at the first problem. */
function check(cms: Uint8Array, signed: Uint8Array[], result: CmsCheck): void {
  const [contentType, wrapped] = children(fromDer(cms));
  if (oidOf(contentType) !== oids.signedData || !isContext(wrapped, 0)) throw new DerError('not SignedData');
  const parts = children(children(wrapped)[0]);
  const certificatesNode = parts.find((node) => isContext(node, 0));
  const signerInfos = children(parts[parts.length - 1]);
  if (signerInfos.length !== 1) throw new CmsProblem('unsupported');
  const certificates = (certificatesNode ? children(certificatesNode) : []).flatMap((node) => {
    try {
      return [parseCertificate(toDer(node))];
    } catch {
      return []; // attribute certificates and the like: not a signer's certificate
    }
  });

  const signer = children(signerInfos[0]);
  const [, sid, digestAlgorithm] = signer;
  const hasAttributes = isContext(signer[3], 0);
  const attributes = hasAttributes ? signer[3]! : null;
  const signatureAlgorithmNode = signer[hasAttributes ? 4 : 3];
  const signature = bytesOf(signer[hasAttributes ? 5 : 4]);

  const certificate = certificates.find((candidate) => identifies(sid, candidate)) ?? null;
  result.certificate = certificate;
  if (!certificate) throw new DerError('the signer’s certificate is not in the signature');
  const key = describeKey(certificate.publicKey);
  const scheme = signatureDigests[algorithmOf(signatureAlgorithmNode)];
  const digestName = digestNames[algorithmOf(digestAlgorithm)];
  if (!key || !scheme || !digestName || (scheme.key === 'ec') !== (certificate.publicKey.asymmetricKeyType === 'ec'))
    throw new CmsProblem('unsupported');
  result.algorithm = `${key.name} with ${(scheme.digest ?? digestName).toUpperCase().replace('SHA', 'SHA-')}`;
  if (!attributes) throw new CmsProblem('unsupported');

  const read = readAttributes(attributes, certificate);
  result.signingTime = read.signingTime;
  result.signingCertificateV2 = read.signingCertificateV2;
  if (read.contentType !== oids.data || !read.messageDigest) throw new DerError('signed attributes incomplete');
  if (!read.messageDigest.equals(sha256(signed, digestName))) throw new CmsProblem('digest_mismatch');
  // The signature covers the attributes' DER with the SET tag in place of [0].
  const attributesDer = toDer(set(children(attributes)));
  if (!verify(scheme.digest ?? digestName, attributesDer, certificate.publicKey, signature))
    throw new CmsProblem('bad_signature');
  if (!key.acceptable) throw new CmsProblem('weak_key');
  if (read.signingCertificateMismatch) throw new CmsProblem('bad_signature');
}

/** SignerIdentifier: IssuerAndSerialNumber, or [0] SubjectKeyIdentifier. */
function identifies(sid: Asn1 | undefined, certificate: ParsedCertificate): boolean {
  if (isContext(sid, 0)) return certificate.subjectKeyIdentifier?.equals(bytesOf(sid)) ?? false;
  const [issuer, serial] = children(sid);
  return toDer(issuer!).equals(toDer(certificate.issuer)) && bytesOf(serial).equals(bytesOf(certificate.serial));
}

interface Attributes {
  contentType: string | null;
  messageDigest: Buffer | null;
  signingTime: Date | null;
  signingCertificateV2: boolean;
  /** An ESS signing-certificate attribute that names another certificate: a substituted certificate. */
  signingCertificateMismatch: boolean;
}

function readAttributes(node: Asn1, certificate: ParsedCertificate): Attributes {
  const read: Attributes = {
    contentType: null,
    messageDigest: null,
    signingTime: null,
    signingCertificateV2: false,
    signingCertificateMismatch: false,
  };
  for (const attribute of children(node)) {
    const [type, values] = children(attribute);
    const value = children(values)[0];
    switch (oidOf(type)) {
      case oids.contentType:
        read.contentType = oidOf(value);
        break;
      case oids.messageDigest:
        read.messageDigest = bytesOf(value);
        break;
      case oids.signingTime: {
        const text = typeof value?.value === 'string' ? value.value : '';
        const forgeAsn1 = forge.asn1;
        const date =
          value?.type === forgeAsn1.Type.UTCTIME
            ? forgeAsn1.utcTimeToDate(text)
            : forgeAsn1.generalizedTimeToDate(text);
        read.signingTime = Number.isNaN(date.getTime()) ? null : date;
        break;
      }
      case oids.signingCertificateV2:
      case oids.signingCertificate: {
        const v2 = oidOf(type) === oids.signingCertificateV2;
        const first = children(children(value)[0])[0];
        const fields = children(first);
        // In v2 the hash algorithm comes first, and may be left out (SHA-256).
        const named = v2 && fields[0]?.type === forge.asn1.Type.SEQUENCE;
        const hashAlgorithm = named ? algorithmOf(fields[0]) : v2 ? oids.sha256 : 'sha1';
        const hashNode = named ? fields[1] : fields[0];
        const name = hashAlgorithm === 'sha1' ? 'sha1' : digestNames[hashAlgorithm];
        const matches = !!name && bytesOf(hashNode).equals(createHash(name).update(certificate.der).digest());
        if (!matches) read.signingCertificateMismatch = true;
        if (v2 && matches) read.signingCertificateV2 = true;
        break;
      }
    }
  }
  return read;
}
