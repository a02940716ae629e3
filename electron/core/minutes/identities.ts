import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { appendAudit } from '../audit';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import { sql } from '../db/sql';
import { createIdentity, importIdentity } from '../signing/identity';
import type { SigningIdentity } from '../signing/types';
import type { SigningIdentitySummary } from '../../../shared/domain/minutes';

interface StoredIdentity {
  p12: Buffer;
  password: string;
}

/**
 * The identity that seals for an organisation on this computer: an imported organisational
 * certificate if there is one, otherwise this installation's own, made at first use.
 */
export function identityFor(context: ServiceContext, organisation: string): SigningIdentity {
  const stored = context.db.record<StoredIdentity>(sql`
    SELECT p12, password FROM signing_identities
    WHERE organisation = ${organisation} AND retired_at IS NULL
    ORDER BY kind = 'imported' DESC, created_at DESC LIMIT 1`);
  if (stored) return importIdentity(stored.p12, stored.password);
  const identity = createIdentity({ organisation, device: hostname(), now: context.clock() });
  store(context, organisation, 'installation', identity);
  return identity;
}

/** An organisation's own certificate (PKCS#12), used from now on for its seals. */
export function importOrganisationIdentity(context: ServiceContext, organisation: string, p12: Buffer, password: string): SigningIdentity {
  const identity = importIdentity(p12, password, context.clock());
  context.db.transaction(() => store(context, organisation, 'imported', identity));
  return identity;
}

function store(context: ServiceContext, organisation: string, kind: 'installation' | 'imported', identity: SigningIdentity): void {
  const id = randomUUID();
  context.db.run(sql`
    INSERT INTO signing_identities (id, organisation, kind, p12, password, subject, certificate_fingerprint, created_at)
    VALUES (${id}, ${organisation}, ${kind}, ${identity.p12}, ${identity.password},
            ${`${identity.subject.commonName}, ${identity.subject.organisation}`}, ${identity.fingerprint}, ${isoNow(context.clock)})`);
  appendAudit(context, { action: `signing.identity.${kind}`, subjectKind: 'signing_identity', subjectId: id, detail: { organisation, certificate: identity.fingerprint } });
}

export function listIdentities({ db }: ServiceContext): SigningIdentitySummary[] {
  return db.records<SigningIdentitySummary>(sql`
    SELECT id, organisation, kind, subject, certificate_fingerprint, created_at FROM signing_identities
    WHERE retired_at IS NULL ORDER BY organisation, created_at DESC`);
}
