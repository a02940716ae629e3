import type { AuditVerification } from '@shared/app/contract';
import { signaturesRecordSchema } from '@shared/domain/minutes';
import type { ServiceContext } from './context';
import { sql } from './db/sql';
import { signaturesAttachmentName } from './minutes/signatures-record';
import { readAttachment } from './signing/attachment';
import { PdfFile } from './signing/pdf-reader';

type SealsCheck = AuditVerification['seals'];

/**
 * Each sealed version carries, in its signatures.json, the audit trail's last entry as it stood
 * just before the seal. That record is signed, so whoever rewrites the trail cannot rewrite it:
 * the trail must still hold that entry (found by its hash, which covers every entry before it;
 * its number changes when a transfer file brings the trail to another computer). Seals from
 * before the record was kept are not counted. Stored seals were checked when they were made or
 * brought in, so only the attachment is read.
 */
export function checkSealedHeads({ db }: ServiceContext): SealsCheck {
  const sealed = db.records<{ version: number; canonical: string; sealedPdf: Buffer }>(sql`
    SELECT version, canonical, sealed_pdf FROM minutes WHERE sealed_pdf IS NOT NULL ORDER BY sealed_at, rowid`);
  const result: SealsCheck = { checked: 0, notHeld: [] };
  for (const minutes of sealed) {
    const title = titleOf(minutes.canonical);
    let head: { seq: number; hash: string } | null;
    try {
      const attachment = readAttachment(
        new PdfFile(Buffer.from(minutes.sealedPdf)).revision(),
        signaturesAttachmentName,
      );
      if (!attachment) continue;
      head = signaturesRecordSchema.parse(JSON.parse(attachment.toString('utf8'))).auditHead;
    } catch {
      result.checked += 1;
      result.notHeld.push({ title, version: minutes.version, seq: null });
      continue;
    }
    if (!head) continue;
    result.checked += 1;
    const held = db.get<{ seq: number }>(sql`SELECT seq FROM audit_log WHERE hash = ${head.hash}`);
    if (!held) result.notHeld.push({ title, version: minutes.version, seq: head.seq });
  }
  return result;
}

function titleOf(canonical: string): string {
  try {
    const { title } = JSON.parse(canonical) as { title?: unknown };
    return typeof title === 'string' ? title : 'Minutes';
  } catch {
    return 'Minutes';
  }
}
