import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/format/canonical';
import { isoNow } from './clock';
import type { ServiceContext } from './context';
import { sql } from './db/sql';

export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  subjectKind: string;
  subjectId: string;
  detail: Record<string, unknown>;
  hash: string;
}

const genesis = '0'.repeat(64);

/**
 * Appends to the audit log, each entry sealed with the hash of the one before, so that a changed
 * or missing entry breaks the chain. Call it inside the transaction of the change it records.
 */
export function appendAudit(
  { db, clock }: ServiceContext,
  entry: { action: string; subjectKind: string; subjectId: string; detail?: Record<string, unknown> },
): void {
  const previous = db.get<{ hash: string }>(sql`SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1`)?.hash ?? genesis;
  const at = isoNow(clock);
  const detail = canonicalJson(entry.detail ?? {});
  const hash = createHash('sha256')
    .update(canonicalJson({ previous, at, action: entry.action, subjectKind: entry.subjectKind, subjectId: entry.subjectId, detail }))
    .digest('hex');
  db.run(sql`
    INSERT INTO audit_log (at, action, subject_kind, subject_id, detail, previous_hash, hash)
    VALUES (${at}, ${entry.action}, ${entry.subjectKind}, ${entry.subjectId}, ${detail}, ${previous}, ${hash})`);
}

export function auditFor({ db }: ServiceContext, subjectKind: string, subjectId: string): AuditEntry[] {
  return db
    .records<Omit<AuditEntry, 'detail'> & { detail: string }>(sql`
      SELECT seq, at, action, subject_kind, subject_id, detail, hash FROM audit_log
      WHERE subject_kind = ${subjectKind} AND subject_id = ${subjectId} ORDER BY seq`)
    .map((entry) => ({ ...entry, detail: JSON.parse(entry.detail) as Record<string, unknown> }));
}
