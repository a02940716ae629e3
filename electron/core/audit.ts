import { createHash } from 'node:crypto';
import type { AuditVerification } from '@shared/api/contract';
import { canonicalJson } from '@shared/format/canonical';
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

/** An entry's hash: over its own fields (the detail as canonical JSON) and the hash of the one before. */
export function entryHash(fields: {
  previous: string;
  at: string;
  action: string;
  subjectKind: string;
  subjectId: string;
  detail: string;
}): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

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
  const hash = entryHash({
    previous,
    at,
    action: entry.action,
    subjectKind: entry.subjectKind,
    subjectId: entry.subjectId,
    detail,
  });
  db.run(sql`
    INSERT INTO audit_log (at, action, subject_kind, subject_id, detail, previous_hash, hash)
    VALUES (${at}, ${entry.action}, ${entry.subjectKind}, ${entry.subjectId}, ${detail}, ${previous}, ${hash})`);
}

export function auditFor({ db }: ServiceContext, subjectKind: string, subjectId: string): AuditEntry[] {
  return db
    .records<Omit<AuditEntry, 'detail'> & { detail: string }>(
      sql`
      SELECT seq, at, action, subject_kind, subject_id, detail, hash FROM audit_log
      WHERE subject_kind = ${subjectKind} AND subject_id = ${subjectId} ORDER BY seq`,
    )
    .map((entry) => ({ ...entry, detail: JSON.parse(entry.detail) as Record<string, unknown> }));
}

/**
 * Walks the audit log from its start: each entry's hash must be the hash of its own fields and
 * the entry before. A transfer file brought in brings its own chain, which starts afresh (from
 * zeros) and is closed by a "transfer.imported" entry ("backup.restored" before the word changed):
 * such a restart is allowed and nothing else.
 */
export function verifyAudit({ db }: ServiceContext): Pick<AuditVerification, 'entries' | 'firstBroken'> {
  const rows = db.records<{
    seq: number;
    at: string;
    action: string;
    subjectKind: string;
    subjectId: string;
    detail: string;
    previousHash: string;
    hash: string;
  }>(sql`SELECT seq, at, action, subject_kind, subject_id, detail, previous_hash, hash FROM audit_log ORDER BY seq`);
  let previous = genesis;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const broken = (reason: string) => ({
      entries: rows.length,
      firstBroken: { seq: row.seq, at: row.at, action: row.action, reason },
    });
    const expected = entryHash({
      previous: row.previousHash,
      at: row.at,
      action: row.action,
      subjectKind: row.subjectKind,
      subjectId: row.subjectId,
      detail: row.detail,
    });
    if (expected !== row.hash) return broken('This entry was changed after it was written.');
    if (row.previousHash !== previous) {
      const restoredSegment = row.previousHash === genesis && segmentEndsInRestore(rows, index);
      if (!restoredSegment) return broken('The entry before this one is missing or was changed.');
    }
    previous = row.hash;
  }
  return { entries: rows.length, firstBroken: null };
}

/** A chain that starts afresh at `start` is a transfer file's when a "transfer.imported" entry continues it. */
function segmentEndsInRestore(rows: { previousHash: string; hash: string; action: string }[], start: number): boolean {
  for (let index = start + 1; index < rows.length; index++) {
    const row = rows[index]!;
    if (row.previousHash !== rows[index - 1]!.hash) return false;
    if (row.action === 'transfer.imported' || row.action === 'backup.restored') return true;
  }
  return false;
}
