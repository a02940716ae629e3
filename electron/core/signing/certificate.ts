import { createHash } from 'node:crypto';
import forge from 'node-forge';
import type { CertificateSubject } from './types';

/** SHA-256 of a certificate's DER (a binary string), lower-case hex. */
export function fingerprintOf(der: string): string {
  return createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex');
}

export function certificateDer(cert: forge.pki.Certificate): string {
  return forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
}

/** CN and O of a certificate parsed from DER (forge keeps parsed UTF8String values as raw bytes). */
export function subjectOf(cert: forge.pki.Certificate): CertificateSubject {
  const field = (name: string): string => {
    const attribute = cert.subject.getField(name) as { value?: unknown; valueTagClass?: number } | null;
    if (typeof attribute?.value !== 'string') return '';
    if (attribute.valueTagClass !== forge.asn1.Type.UTF8) return attribute.value;
    try {
      return forge.util.decodeUtf8(attribute.value);
    } catch {
      return attribute.value;
    }
  };
  return { commonName: field('CN'), organisation: field('O') };
}
