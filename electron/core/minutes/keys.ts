import { randomUUID } from 'node:crypto';
import type { KeyStatus, OrganisationKey } from '@shared/domain/minutes';
import { appendAudit } from '@core/audit';
import { isoNow } from '@core/clock';
import type { ServiceContext } from '@core/context';
import { sql } from '@core/db/sql';

/**
 * The keys each organisation seals with, known by the SHA-256 fingerprint of their certificate:
 * trust on first use, as Signal's safety numbers. A key is known when this computer made it, an
 * organisation's certificate was imported here, a person accepted it with its fingerprint shown
 * when importing minutes, or a person typed the fingerprint the organisation read out.
 */
export function keysOf({ db }: ServiceContext, organisation?: string): OrganisationKey[] {
  return organisation === undefined
    ? db.records<OrganisationKey>(
        sql`SELECT id, organisation, fingerprint, subject, source, added_at FROM organisation_keys ORDER BY organisation, added_at`,
      )
    : db.records<OrganisationKey>(sql`
        SELECT id, organisation, fingerprint, subject, source, added_at FROM organisation_keys
        WHERE lower(organisation) = lower(${organisation}) ORDER BY added_at`);
}

/** Whether this case book knows the key for the organisation its certificate names. */
export function keyStatus(
  context: ServiceContext,
  organisation: string,
  fingerprint: string,
): { key: KeyStatus; knownFor: string | null } {
  const known = context.db.all<{ organisation: string }>(
    sql`SELECT organisation FROM organisation_keys WHERE fingerprint = ${fingerprint}`,
  );
  if (known.some((row) => row.organisation.toLowerCase() === organisation.toLowerCase()))
    return { key: 'known', knownFor: null };
  if (known.length > 0) return { key: 'other_organisation', knownFor: known[0]!.organisation };
  return { key: keysOf(context, organisation).length > 0 ? 'new' : 'unknown', knownFor: null };
}

/** Remembers a key; call inside the transaction of the change that learned it. Known already: nothing changes. */
export function rememberKey(
  context: ServiceContext,
  key: Pick<OrganisationKey, 'organisation' | 'fingerprint' | 'subject' | 'source'>,
): void {
  const exists = context.db.get(
    sql`SELECT 1 FROM organisation_keys WHERE lower(organisation) = lower(${key.organisation}) AND fingerprint = ${key.fingerprint}`,
  );
  if (exists) return;
  const id = randomUUID();
  context.db.run(sql`
    INSERT INTO organisation_keys (id, organisation, fingerprint, subject, source, added_at)
    VALUES (${id}, ${key.organisation}, ${key.fingerprint}, ${key.subject}, ${key.source}, ${isoNow(context.clock)})`);
  appendAudit(context, {
    action: 'signing.keyKnown',
    subjectKind: 'organisation_key',
    subjectId: id,
    detail: { organisation: key.organisation, fingerprint: key.fingerprint, source: key.source },
  });
}

/** A fingerprint read out at the meeting, typed in by a person. */
export function confirmKey(context: ServiceContext, organisation: string, fingerprint: string): OrganisationKey[] {
  context.db.transaction(() =>
    rememberKey(context, { organisation, fingerprint, subject: 'Confirmed by its fingerprint', source: 'confirmed' }),
  );
  return keysOf(context, organisation);
}
