/** A key and its certificate, as the sealing code needs them. The caller stores it, protected. */
export interface SigningIdentity {
  /** PKCS#12 (DER): the private key, its certificate and any chain. */
  p12: Buffer;
  /** Opens `p12`. */
  password: string;
  certificatePem: string;
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
  contactInfo?: string;
  /** The sealer's name, as the PDF reader shows it. */
  name: string;
  signedAt?: Date;
}

/** Why a file did not verify, for code; `reason` says it in plain words. */
export type VerifyProblem = 'not_pdf' | 'unsigned' | 'damaged' | 'changed' | 'not_whole_file' | 'unsupported';

export type VerifyResult =
  | {
      valid: true;
      signer: CertificateSubject;
      /** The signing time the signature itself carries (ISO 8601 UTC), if any. */
      signedAt: string | null;
      certificateFingerprint: string;
      coversWholeFile: true;
    }
  | { valid: false; problem: VerifyProblem; reason: string };
