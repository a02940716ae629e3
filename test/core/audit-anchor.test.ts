import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditVerification } from '@shared/api/contract';
import type { ExportedFile } from '@shared/domain/exported-file';
import type { MinutesVersion } from '@shared/domain/minutes';
import { canonicalJson } from '@shared/format/canonical';
import { entryHash } from '@core/audit';
import { anchorFileName, anchorKeyName, macOf } from '@core/audit-anchor';
import { sql } from '@core/db/sql';
import { createPdfPrinter } from '../../electron/web/platform/pdf-printer';
import { callOk, sealMinutes, seedCaseBook, tempDir, testCore, type TestCore } from './helpers';

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
    await anchorWritten();
    const replaced = core.context.db.get<{ seq: number; hash: string }>(
      sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
    )!;
    await callOk(core, 'vault.restoreBackup', { fileName: backup!.fileName });
    expect(await verify(core)).toMatchObject({ firstBroken: null, anchor: { held: true } });
    // The trail brought back says how far the one it replaced had reached (its last entry is the
    // backup made just before restoring): a step back is on record.
    const restored = core.context.db.get<{ detail: string }>(
      sql`SELECT detail FROM audit_log WHERE action = 'backup.restored.file' ORDER BY seq DESC LIMIT 1`,
    )!;
    const { replacedTrailHead } = JSON.parse(restored.detail) as { replacedTrailHead: { seq: number; hash: string } };
    expect(replacedTrailHead.seq).toBe(replaced.seq + 1);
    expect(replacedTrailHead.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(replacedTrailHead.hash).not.toBe(replaced.hash);

    const transfer = await callOk<ExportedFile>(core, 'transfer.export', {});
    expect(transfer.content).not.toContain(anchorKeyName);
    const fresh = testCore();
    await callOk(fresh, 'transfer.import', { content: transfer.content });
    expect(await verify(fresh)).toMatchObject({ firstBroken: null, anchor: { held: true } });
  });
});

describe.skipIf(!existsSync('/usr/bin/chromium'))('the trail as each seal recorded it', () => {
  const printer = createPdfPrinter();
  afterAll(() => printer.close());

  /** Every entry from `from` on written again, each hashed over the one before: a chain that holds. */
  function rewriteTrailFrom(core: TestCore, from: number): void {
    const rows = core.context.db.records<{
      seq: number;
      at: string;
      action: string;
      subjectKind: string;
      subjectId: string;
      detail: string;
      previousHash: string;
    }>(
      sql`SELECT seq, at, action, subject_kind, subject_id, detail, previous_hash FROM audit_log WHERE seq >= ${from} ORDER BY seq`,
    );
    let previous = rows[0]!.previousHash;
    for (const row of rows) {
      const detail = row.seq === from ? canonicalJson({ rewritten: true }) : row.detail;
      const { at, action, subjectKind, subjectId } = row;
      const hash = entryHash({ previous, at, action, subjectKind, subjectId, detail });
      core.context.db.run(
        sql`UPDATE audit_log SET detail = ${detail}, previous_hash = ${previous}, hash = ${hash} WHERE seq = ${row.seq}`,
      );
      previous = hash;
    }
  }

  /** The anchor moved to the rewritten head, as someone holding the case book's key could. */
  function reanchor(core: TestCore): void {
    const head = core.context.db.get<{ seq: number; hash: string }>(
      sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
    )!;
    const stored = core.context.db.get<{ value: string }>(
      sql`SELECT value FROM preferences WHERE key = ${anchorKeyName}`,
    )!;
    const key = Buffer.from(JSON.parse(stored.value) as string, 'hex');
    const mac = macOf(key, head);
    writeFileSync(path.join(core.dataDir, anchorFileName), JSON.stringify({ ...head, mac }));
  }

  /** A case book holding one sealed version; answers it and the trail's last entry before the seal. */
  async function sealedCaseBook() {
    const core = testCore(undefined, undefined, printer);
    const { review } = await seedCaseBook(core);
    await callOk(core, 'sessions.conclude', { reviewId: review.id });
    const [draft] = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId: review.id });
    const headBeforeSeal = lastSeq(core);
    const { locked } = await sealMinutes(core, draft!.id);
    await anchorWritten();
    return { core, locked, headBeforeSeal };
  }

  it(
    'finds the entry each seal recorded, and shows a trail rewritten with its anchor, which nothing else can',
    { timeout: 120_000 },
    async () => {
      const { core, locked, headBeforeSeal } = await sealedCaseBook();
      expect(await verify(core)).toMatchObject({
        firstBroken: null,
        anchor: { held: true },
        seals: { checked: 1, notHeld: [] },
      });

      // Someone with the case book open rewrites an entry from before the seal, hashes the chain
      // again and moves the anchor: the chain and the anchor both hold, but the seal's signed
      // record names an entry the trail no longer has.
      rewriteTrailFrom(core, headBeforeSeal - 2);
      reanchor(core);
      const report = await verify(core);
      expect(report).toMatchObject({ firstBroken: null, anchor: { held: true } });
      // The seal recorded the head as it stood once the sealing identity was made: a later entry.
      expect(report.seals).toEqual({
        checked: 1,
        notHeld: [{ title: locked.content.title, version: 1, seq: expect.any(Number) }],
      });
      expect(report.seals.notHeld[0]!.seq).toBeGreaterThanOrEqual(headBeforeSeal);
    },
  );

  it(
    'still finds it after a transfer file brings the trail to another computer under new numbers',
    { timeout: 120_000 },
    async () => {
      const { core } = await sealedCaseBook();
      const transfer = await callOk<ExportedFile>(core, 'transfer.export', {});
      const other = testCore();
      await callOk(other, 'transfer.import', { content: transfer.content });
      const seqOf = (at: TestCore, hash: string) =>
        at.context.db.get<{ seq: number }>(sql`SELECT seq FROM audit_log WHERE hash = ${hash}`)?.seq;
      const signedHash = core.context.db.get<{ hash: string }>(
        sql`SELECT hash FROM audit_log WHERE action = 'minutes.signed' ORDER BY seq DESC LIMIT 1`,
      )!.hash;
      expect(seqOf(other, signedHash)).toBeDefined();
      expect(seqOf(other, signedHash)).not.toBe(seqOf(core, signedHash));
      expect(await verify(other)).toMatchObject({ firstBroken: null, seals: { checked: 1, notHeld: [] } });
    },
  );
});
