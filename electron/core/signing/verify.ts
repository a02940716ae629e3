import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import forge from 'node-forge';
import { fingerprintOf, subjectOf } from './certificate';
import type { VerifyProblem, VerifyResult } from './types';

const { asn1, pki } = forge;

const reasons: Record<VerifyProblem, string> = {
  not_pdf: 'This file is not a PDF.',
  unsigned: 'This file has no digital signature.',
  damaged: 'The signature in this file is damaged.',
  changed: 'This file has been changed since it was sealed: its contents no longer match its signature.',
  not_whole_file:
    'This file has been changed since it was sealed: something was added after the signature, so the signature does not cover the whole file.',
  unsupported: 'This file’s signature is made in a way this app cannot check.',
};

const digestNames: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
// RSA PKCS#1 v1.5, named either plainly or with its digest.
const rsaSignatureOids = new Set(['1.2.840.113549.1.1.1', '1.2.840.113549.1.1.11', '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13']);
const attributeOids = { messageDigest: '1.2.840.113549.1.9.4', signingTime: '1.2.840.113549.1.9.5' };
const signedDataOid = '1.2.840.113549.1.7.2';

class Problem extends Error {
  constructor(readonly problem: VerifyProblem) {
    super(problem);
  }
}

/**
 * Checks the last digital signature in a PDF, in plain Node: that it covers the whole file but its
 * own hole, that the file's digest is the one signed, and that the signer's certificate signed it.
 * Never throws: any input gets a result.
 */
export function verifyPdf(pdf: Uint8Array): VerifyResult {
  try {
    return check(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  } catch (error) {
    const problem = error instanceof Problem ? error.problem : 'damaged';
    return { valid: false, problem, reason: reasons[problem] };
  }
}

function check(file: Buffer): VerifyResult {
  if (file.subarray(0, 1024).indexOf('%PDF-') < 0) throw new Problem('not_pdf');
  const [start, holeStart, holeEnd, tailLength] = findByteRange(file);
  if (start !== 0 || holeEnd <= holeStart || holeEnd + tailLength > file.length) throw new Problem('damaged');
  if (holeEnd + tailLength < file.length) throw new Problem('not_whole_file');

  const cms = readContents(file, holeStart, holeEnd);
  const { signerInfo, certificates } = readSignedData(cms);
  const signer = readSignerInfo(signerInfo);
  const digestName = digestNames[signer.digestOid];
  if (!digestName || !rsaSignatureOids.has(signer.signatureOid)) throw new Problem('unsupported');

  // Signed attributes are what every PDF signer writes; a bare signed digest is not supported.
  if (!signer.attributes) throw new Problem('unsupported');
  const attributes = readAttributes(signer.attributes);
  if (!attributes.messageDigest) throw new Problem('damaged');
  const digest = createHash(digestName).update(file.subarray(0, holeStart)).update(file.subarray(holeEnd)).digest();
  if (!attributes.messageDigest.equals(digest)) throw new Problem('changed');

  const certificate = certificates.find((candidate) => candidate.cert.serialNumber === signer.serialHex);
  if (!certificate) throw new Problem('damaged');
  // CMS: the signature covers the attributes' DER with a SET tag in place of [0].
  const set = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, children(signer.attributes));
  const signed = Buffer.from(asn1.toDer(set).getBytes(), 'binary');
  const publicKey = createPublicKey(pki.publicKeyToPem(certificate.cert.publicKey));
  if (!verifySignature(digestName, signed, publicKey, signer.signature)) throw new Problem('changed');

  return {
    valid: true,
    signer: subjectOf(certificate.cert),
    signedAt: attributes.signingTime,
    certificateFingerprint: fingerprintOf(certificate.der),
    coversWholeFile: true,
  };
}

/** The last /ByteRange in the file: four non-negative integers. */
function findByteRange(file: Buffer): [number, number, number, number] {
  const at = file.lastIndexOf('/ByteRange');
  if (at < 0) throw new Problem('unsigned');
  const text = file.subarray(at + '/ByteRange'.length, at + 200).toString('latin1');
  const match = /^\s*\[\s*(\d{1,15})\s+(\d{1,15})\s+(\d{1,15})\s+(\d{1,15})\s*\]/.exec(text);
  if (!match) throw new Problem('damaged');
  return [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])];
}

/** The hole left out of the byte ranges must be exactly the /Contents hex string. */
function readContents(file: Buffer, holeStart: number, holeEnd: number): Buffer {
  const before = file.subarray(Math.max(0, holeStart - 20), holeStart).toString('latin1');
  if (!/\/Contents\s*$/.test(before)) throw new Problem('damaged');
  if (file[holeStart] !== 0x3c || file[holeEnd - 1] !== 0x3e) throw new Problem('damaged'); // < and >
  const hex = file.subarray(holeStart + 1, holeEnd - 1).toString('latin1').replace(/\s+/g, '');
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Problem('damaged');
  const bytes = Buffer.from(hex, 'hex');
  // The signature is padded with zeros to fill the placeholder: keep only its DER.
  return bytes.subarray(0, derLength(bytes));
}

/** The length of the DER element at the start of bytes (a SEQUENCE), header included. */
function derLength(bytes: Buffer): number {
  if (bytes.length < 2 || bytes[0] !== 0x30) throw new Problem('damaged');
  const first = bytes[1]!;
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count < 1 || count > 4 || bytes.length < 2 + count) throw new Problem('damaged');
    length = bytes.readUIntBE(2, count);
    header += count;
  }
  if (header + length > bytes.length) throw new Problem('damaged');
  return header + length;
}

interface EmbeddedCertificate {
  cert: forge.pki.Certificate;
  /** As embedded, for the fingerprint. */
  der: string;
}

type SignedMessage = { type?: string; rawCapture?: { certificates?: forge.asn1.Asn1; signerInfos?: forge.asn1.Asn1[] } };

function readSignedData(cms: Buffer): { signerInfo: forge.asn1.Asn1; certificates: EmbeddedCertificate[] } {
  let message: SignedMessage;
  try {
    message = forge.pkcs7.messageFromAsn1(asn1.fromDer(forge.util.createBuffer(cms.toString('binary')))) as SignedMessage;
  } catch (error) {
    // forge reads certificates with RSA keys only.
    throw new Problem(error instanceof Error && error.message.includes('not RSA') ? 'unsupported' : 'damaged');
  }
  if (message.type !== signedDataOid) throw new Problem('damaged');
  const signerInfo = message.rawCapture?.signerInfos?.[0];
  const embedded = message.rawCapture?.certificates?.value;
  if (!signerInfo || !Array.isArray(embedded)) throw new Problem('damaged');
  const certificates = embedded.map((node) => ({ cert: pki.certificateFromAsn1(node), der: asn1.toDer(node).getBytes() }));
  return { signerInfo, certificates };
}

interface SignerInfo {
  serialHex: string;
  digestOid: string;
  /** The [0] IMPLICIT signed attributes, if any. */
  attributes: forge.asn1.Asn1 | null;
  signatureOid: string;
  signature: Buffer;
}

/** SignerInfo ::= SEQUENCE { version, issuerAndSerialNumber, digestAlgorithm, [0] attributes?, signatureAlgorithm, signature, ... } */
function readSignerInfo(node: forge.asn1.Asn1): SignerInfo {
  const parts = children(node);
  const [, issuerAndSerial, digestAlgorithm] = parts;
  const hasAttributes = parts[3]?.tagClass === asn1.Class.CONTEXT_SPECIFIC && parts[3].type === 0;
  const signatureAlgorithm = parts[hasAttributes ? 4 : 3];
  const signature = parts[hasAttributes ? 5 : 4];
  const serial = children(issuerAndSerial)[1];
  if (!serial || !signature || typeof signature.value !== 'string' || typeof serial.value !== 'string') throw new Problem('damaged');
  return {
    serialHex: forge.util.bytesToHex(serial.value),
    digestOid: oidOf(digestAlgorithm),
    attributes: hasAttributes ? parts[3]! : null,
    signatureOid: oidOf(signatureAlgorithm),
    signature: Buffer.from(signature.value, 'binary'),
  };
}

function readAttributes(node: forge.asn1.Asn1): { messageDigest: Buffer | null; signingTime: string | null } {
  let messageDigest: Buffer | null = null;
  let signingTime: string | null = null;
  for (const attribute of children(node)) {
    const [type, values] = children(attribute);
    const value = children(values)[0];
    if (!type || typeof type.value !== 'string' || !value || typeof value.value !== 'string') continue;
    const oid = asn1.derToOid(type.value);
    if (oid === attributeOids.messageDigest) messageDigest = Buffer.from(value.value, 'binary');
    if (oid === attributeOids.signingTime) {
      const date = value.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(value.value) : asn1.generalizedTimeToDate(value.value);
      signingTime = Number.isNaN(date.getTime()) ? null : date.toISOString();
    }
  }
  return { messageDigest, signingTime };
}

function children(node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] {
  if (!node || !Array.isArray(node.value)) throw new Problem('damaged');
  return node.value;
}

/** The OID at the start of an AlgorithmIdentifier. */
function oidOf(node: forge.asn1.Asn1 | undefined): string {
  const oid = children(node)[0];
  if (!oid || oid.type !== asn1.Type.OID || typeof oid.value !== 'string') throw new Problem('damaged');
  return asn1.derToOid(oid.value);
}
