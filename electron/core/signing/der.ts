import forge from 'node-forge';

const { asn1 } = forge;
export type Asn1 = forge.asn1.Asn1;

/** A DER element was not what the structure needs: the signature or certificate is damaged. */
export class DerError extends Error {}

/** Parses DER strictly; BIT STRINGs are left as bytes (forge would otherwise try to parse their insides). */
export function fromDer(bytes: Uint8Array): Asn1 {
  try {
    // (@types/node-forge knows only the older boolean form of the options.)
    const options = { strict: true, decodeBitStrings: false } as unknown as boolean;
    return asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')), options);
  } catch {
    throw new DerError('not DER');
  }
}

export function toDer(node: Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

export function children(node: Asn1 | undefined): Asn1[] {
  if (!node || !Array.isArray(node.value)) throw new DerError('not constructed');
  return node.value;
}

export function bytesOf(node: Asn1 | undefined): Buffer {
  if (!node || typeof node.value !== 'string') throw new DerError('not primitive');
  return Buffer.from(node.value, 'binary');
}

export function oidOf(node: Asn1 | undefined): string {
  if (!node || node.type !== asn1.Type.OID || typeof node.value !== 'string') throw new DerError('not an OID');
  return asn1.derToOid(node.value);
}

/** The first OID of an AlgorithmIdentifier. */
export function algorithmOf(node: Asn1 | undefined): string {
  return oidOf(children(node)[0]);
}

export function isContext(node: Asn1 | undefined, tag: number): node is Asn1 {
  return node?.tagClass === asn1.Class.CONTEXT_SPECIFIC && (node.type as number) === tag;
}

export const seq = (value: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, value);
export const set = (value: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, value);
export const oid = (value: string) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
export const octets = (value: Uint8Array) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, Buffer.from(value).toString('binary'));
export const utf8 = (value: string) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTF8, false, forge.util.encodeUtf8(value));
export const nullValue = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
export const bitString = (value: Uint8Array, unusedBits = 0) =>
  asn1.create(
    asn1.Class.UNIVERSAL,
    asn1.Type.BITSTRING,
    false,
    String.fromCharCode(unusedBits) + Buffer.from(value).toString('binary'),
  );
export const boolean = (value: boolean) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BOOLEAN, false, value ? '\xff' : '\x00');
export const context = (tag: number, value: Asn1[], constructed = true) =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, constructed, value);
export const integerFromBytes = (bytes: Uint8Array) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, Buffer.from(bytes).toString('binary'));
export const smallInteger = (value: number) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
export const time = (date: Date) =>
  date.getUTCFullYear() < 2050
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));

/** A DER SET OF: its members sorted by their encodings, as DER requires. */
export function sortedSet(members: Asn1[]): Asn1 {
  const encoded = members.map((member) => ({ member, der: toDer(member) }));
  encoded.sort((a, b) => Buffer.compare(a.der, b.der));
  return set(encoded.map((each) => each.member));
}

export const oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
} as const;
