import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditVerification } from '@shared/api/contract';
import type { ExportedFile } from '@shared/domain/exported-file';
import { anchorFileName, anchorKeyName } from '@core/audit-anchor';
import { sql } from '@core/db/sql';
import { callOk, seedCaseBook, tempDir, testCore } from './helpers';

const verify = (core: ReturnType<typeof testCore>) => callOk<AuditVerification>(core, 'audit.verify', {});
/** The anchor is written just after a call has answered: this waits for that. */
const anchorWritten = () => new Promise((resolve) => setImmediate(resolve));
const lastSeq = (core: ReturnType<typeof testCore>) =>
  core.context.db.get<{ seq: number }>(sql`SELECT max(seq) AS seq FROM audit_log`)!.seq;

describe('the audit trail’s anchor beside the case book', () => {
  it('follows every change, and holds while the trail is whole', async () => {
    const core = testCore();
    await seedCaseBook(core);
    await anchorWritten();
    const anchor = JSON.parse(readFileSync(path.join(core.dataDir, anchorFileName), 'utf8')) as { seq: number };
    expect(anchor.seq).toBe(lastSeq(core));
    expect(await verify(core)).toMatchObject({ firstBroken: null, anchor: { held: true, reason: null } });
  });

  it('shows entries deleted from the end of the trail, which the hash chain alone cannot', async () => {
    const core = testCore();
    await seedCaseBook(core);
    const end = lastSeq(core);
    core.context.db.run(sql`DELETE FROM audit_log WHERE seq > ${end - 2}`);
    const report = await verify(core);
    expect(report.firstBroken).toBeNull();
    expect(report.anchor.held).toBe(false);
    expect(report.anchor.reason).toMatch(`The audit trail ends before entry ${end}, which it reached before`);

    // A later change does not paper over it: the anchor stays where it was, and the rewritten entry shows.
    await callOk(core, 'organisations.create', { name: 'Eastfield Borough Council', kind: 'local_authority' });
    await callOk(core, 'organisations.create', { name: 'Westmoor Council', kind: 'local_authority' });
    await callOk(core, 'organisations.create', { name: 'Southby Council', kind: 'local_authority' });
    expect((await verify(core)).anchor.reason).toMatch(`Entry ${end} of the audit trail is not the one written before`);
  });

  it('shows an older copy of the case book put back in its place', async () => {
    const dataDir = tempDir();
    const first = testCore(dataDir);
    await seedCaseBook(first);
    first.close();
    const older = path.join(tempDir(), 'older.sqlite');
    copyFileSync(path.join(dataDir, 'casebook.sqlite'), older);
    const again = testCore(dataDir);
    await callOk(again, 'organisations.create', { name: 'Eastfield Borough Council', kind: 'local_authority' });
    again.close();
    copyFileSync(older, path.join(dataDir, 'casebook.sqlite'));

    const reopened = testCore(dataDir);
    expect((await verify(reopened)).anchor).toMatchObject({
      held: false,
      reason: expect.stringMatching(/entries have been removed, or an older copy of the case book was put in place/),
    });
  });

  it('shows an anchor that was edited, and one from another case book', async () => {
    const core = testCore();
    await seedCaseBook(core);
    await anchorWritten();
    const file = path.join(core.dataDir, anchorFileName);
    const anchor = JSON.parse(readFileSync(file, 'utf8')) as { seq: number; hash: string; mac: string };
    writeFileSync(file, JSON.stringify({ ...anchor, seq: anchor.seq - 3 }));
    expect((await verify(core)).anchor.reason).toMatch(
      /anchor beside the case book was changed, or belongs to another/,
    );

    const other = testCore();
    await seedCaseBook(other);
    await anchorWritten();
    copyFileSync(path.join(other.dataDir, anchorFileName), file);
    expect((await verify(core)).anchor.held).toBe(false);
  });

  it('restarts with the chain a restored backup brings, and its key never travels in a transfer file', async () => {
    const core = testCore();
    await seedCaseBook(core);
    const [backup] = await callOk<{ fileName: string }[]>(core, 'vault.backupNow', {});
    await callOk(core, 'organisations.create', { name: 'Eastfield Borough Council', kind: 'local_authority' });
    await callOk(core, 'vault.restoreBackup', { fileName: backup!.fileName });
    expect(await verify(core)).toMatchObject({ firstBroken: null, anchor: { held: true } });

    const transfer = await callOk<ExportedFile>(core, 'transfer.export', {});
    expect(transfer.content).not.toContain(anchorKeyName);
    const fresh = testCore();
    await callOk(fresh, 'transfer.import', { content: transfer.content });
    expect(await verify(fresh)).toMatchObject({ firstBroken: null, anchor: { held: true } });
  });
});
