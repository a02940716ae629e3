/**
 * A key and its certificate chain, as the sealing code needs them. The caller stores it, protected
 * (the case book is encrypted).
 */
export interface SigningIdentity {
  /** The private key, PKCS#8 DER. */
  privateKey: Buffer;
  /** The certificate first, then any chain, each DER. */
  certificates: Buffer[];
  subject: CertificateSubject;
  /** SHA-256 of the certificate's DER, lower-case hex. */
  fingerprint: string;
  /** ISO 8601 UTC. */
  validFrom: string;
  validTo: string;
}

export interface CertificateSubject {
  commonName: string;
  organisation: string;
}

export interface SealDetails {
  reason: string;
  location: string;
  /** The sealer's name, as a PDF reader shows it. */
  name: string;
  /** The signing time, written as the signature's /M. */
  signedAt: Date;
}

/** Why a whole file could not be checked, for code; the report says it in plain words. */
export type FileProblem = 'not_pdf' | 'unsigned' | 'damaged' | 'too_large' | 'too_slow';

/** Why one signature is not valid. */
export type SignatureProblem =
  | 'damaged'
  | 'digest_mismatch'
  | 'bad_signature'
  | 'unsupported'
  | 'weak_key'
  | 'certificate_not_valid'
  | 'key_usage'
  | 'no_signing_time';

/** One signature in a PDF, checked. Plain data: it crosses from the checking worker. */
export interface CheckedSignature {
  /** 1 for the first signature in revision order. */
  index: number;
  /** A certification signature (the seal, with DocMDP), an approval (a countersignature), or a document timestamp. */
  kind: 'certification' | 'approval' | 'timestamp';
  /** The DocMDP permission of a certification signature: 1 no changes, 2 signatures and forms, 3 also annotations. */
  permissions: 1 | 2 | 3 | null;
  subFilter: string;
  signer: CertificateSubject;
  /** SHA-256 of the signer's certificate DER, lower-case hex; '' when it could not be read. */
  fingerprint: string;
  /** The signing time (/M, or a signingTime attribute), ISO 8601 UTC. */
  signedAt: string | null;
  /** 'ECDSA P-256 with SHA-256', 'RSA 3072 with SHA-256'... */
  algorithm: string;
  /** Whether the signed attributes carry ESS signing-certificate-v2 naming this certificate (PAdES baseline B). */
  signingCertificateV2: boolean;
  /** The byte length of the revision this signature covers. */
  revisionEnd: number;
  problem: SignatureProblem | null;
  /** What changed after this signature, in plain words ("page 2", "the attached minutes.json"); empty when nothing did. */
  changedAfter: string[];
}

export interface PdfCheck {
  /** Set when the file as a whole could not be checked; then there are no signatures. */
  problem: FileProblem | null;
  /** In revision order. */
  signatures: CheckedSignature[];
  /** Every signature intact and nothing but signatures added after any of them. */
  valid: boolean;
  /** The attached minutes.json as of the first signed revision; only when the file is valid. */
  attachment: Buffer | null;
}
