import { randomUUID } from 'node:crypto';
import type { SigningIdentitySummary } from '@shared/domain/minutes';
import { appendAudit } from '@core/audit';
import { isoNow } from '@core/clock';
import type { ServiceContext } from '@core/context';
import { sql } from '@core/db/sql';
import { createIdentity, identityOf } from '@core/signing/identity';
import { importIdentityOffThread } from '@core/signing/off-thread';
import type { SigningIdentity } from '@core/signing/types';
import { rememberKey } from './keys';

interface StoredIdentity {
  privateKey: Buffer;
  certificates: string;
}

/**
 * The identity that seals for an organisation on this computer: an imported organisational
 * certificate if there is one, otherwise this installation's own (ECDSA P-256), made at first use.
 * Call it before taking the signing time: a new certificate is valid from the moment it is made.
 */
export function identityFor(context: ServiceContext, organisation: string): SigningIdentity {
  const stored = context.db.record<StoredIdentity>(sql`
    SELECT private_key, certificates FROM signing_identities
    WHERE lower(organisation) = lower(${organisation}) AND retired_at IS NULL
    ORDER BY kind = 'imported' DESC, created_at DESC LIMIT 1`);
  if (stored)
    return identityOf(
      stored.privateKey,
      (JSON.parse(stored.certificates) as string[]).map((der) => Buffer.from(der, 'base64')),
    );
  const identity = createIdentity({ organisation, now: context.clock() });
  context.db.transaction(() => store(context, organisation, 'installation', identity));
  return identity;
}

/** An organisation's own certificate (PKCS#12), used from now on for its seals. */
/** Reads the file in a worker first: nothing is stored unless it can seal. */
export async function importOrganisationIdentity(
  context: ServiceContext,
  organisation: string,
  p12: Buffer,
  password: string,
): Promise<SigningIdentity> {
  const identity = await importIdentityOffThread(p12, password, context.clock());
  context.db.transaction(() => store(context, organisation, 'imported', identity));
  return identity;
}

function store(
  context: ServiceContext,
  organisation: string,
  kind: 'installation' | 'imported',
  identity: SigningIdentity,
): void {
  const id = randomUUID();
  const subject = `${identity.subject.commonName}, ${identity.subject.organisation}`;
  context.db.run(sql`
    INSERT INTO signing_identities (id, organisation, kind, private_key, certificates, subject, certificate_fingerprint, created_at)
    VALUES (${id}, ${organisation}, ${kind}, ${identity.privateKey}, ${JSON.stringify(identity.certificates.map((der) => der.toString('base64')))},
            ${subject}, ${identity.fingerprint}, ${isoNow(context.clock)})`);
  appendAudit(context, {
    action: `signing.identity.${kind}`,
    subjectKind: 'signing_identity',
    subjectId: id,
    detail: { organisation, certificate: identity.fingerprint },
  });
  rememberKey(context, {
    organisation,
    fingerprint: identity.fingerprint,
    subject,
    source: kind === 'imported' ? 'imported_certificate' : 'this_computer',
  });
}

export function listIdentities({ db }: ServiceContext): SigningIdentitySummary[] {
  return db.records<SigningIdentitySummary>(sql`
    SELECT id, organisation, kind, subject, certificate_fingerprint, created_at FROM signing_identities
    WHERE retired_at IS NULL ORDER BY organisation, created_at DESC`);
}
