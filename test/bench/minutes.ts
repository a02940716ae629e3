import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { MinutesExport, MinutesVersion, VerifyReport } from '@shared/domain/minutes';
import { benchPassphrase, measure, type Row } from './measure';
import { createCore } from '@core/core';
import { checkPdf } from '@core/signing/verify';
import { createPdfPrinter } from '../../electron/web/platform/pdf-printer';
import { manyObjectStreams } from '../core/attacks/budget';

export interface SealBench {
  lines: string[];
  rows: Row[];
}

/**
 * Seals minutes long enough to run to about 20 pages, through the same API the screens use; then
 * checks that file (every signature, every revision) against the fair floor of hashing it once
 * and checking one signature; then refuses a 50 MB hostile file while timing other calls.
 */
export async function benchSeal(dataDir: string): Promise<SealBench> {
  if (!existsSync('/usr/bin/chromium')) return { lines: ['Sealing: skipped, no Chromium on this machine.'], rows: [] };
  const printer = createPdfPrinter();
  const core = createCore({
    dataDir,
    appVersion: 'bench',
    passphrase: benchPassphrase,
    automaticBackups: false,
    printer,
    logger: { error: () => {} },
  });
  const call = async <T = unknown>(method: string, input: unknown = {}): Promise<T> => {
    const result = await core.router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  try {
    const council = await call<{ id: string }>('organisations.create', {
      name: 'Northshire County Council',
      kind: 'local_authority',
    });
    const provider = await call<{ id: string }>('organisations.create', {
      name: 'Brightwater Care Ltd',
      kind: 'provider',
    });
    const review = await call<{ id: string }>('reviews.create', {
      scope: 'relationship',
      commissionerId: council.id,
      providerId: provider.id,
      scheduledFor: '2026-12-03T10:00:00Z',
    });
    const stages = ['discover', 'dream', 'design', 'deliver'];
    for (let i = 0; i < 320; i++) {
      await call('notes.save', {
        id: crypto.randomUUID(),
        reviewId: review.id,
        stage: stages[i % 4],
        side: i % 2 ? 'provider' : 'commissioner',
        kind: 'story',
        text: `Note ${i + 1}: the keyworker’s walks on Sundays have become a fixed point of the week, and the young people now plan the route together with staff.`,
      });
    }
    await call('sessions.conclude', { reviewId: review.id });
    const [draft] = await call<MinutesVersion[]>('minutes.forReview', { reviewId: review.id });
    const locked = await call<MinutesVersion>('minutes.lock', { minutesId: draft!.id });
    const sign = { minutesId: locked.id, agreed: true, fingerprint: locked.fingerprint, image: null };
    await call('minutes.sign', { ...sign, side: 'commissioner', name: 'Sam Okoro' });
    await call('minutes.sign', { ...sign, side: 'provider', name: 'Priya Shah' });
    const started = process.hrtime.bigint();
    const sealed = await call<MinutesVersion>('minutes.seal', {
      minutesId: locked.id,
      organisation: 'Brightwater Care Ltd',
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const exported = await call<MinutesExport>('minutes.export', { minutesId: sealed.id });
    const file = path.join(dataDir, 'sealed.pdf');
    writeFileSync(file, Buffer.from(exported.files[0]!.base64, 'base64'));
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1] ?? '?';
    const pdf = Buffer.from(exported.files[0]!.base64, 'base64');
    const lines = [
      `Sealing minutes of ${pages} pages (print, attach, sign, store; Chromium already running): ${seconds.toFixed(2)} s`,
    ];
    const rows: Row[] = [
      {
        operation: `check a sealed ${pages}-page file (every signature and revision)`,
        app: await measure(20, () => checkPdf(pdf)),
        raw: await measure(20, () => floor(pdf)),
        budget: 3,
      },
    ];
    const verified = await measure(5, () => call<VerifyReport>('minutes.verify', { pdf: exported.files[0]!.base64 }));
    lines.push(
      `Checking it through the API (minutes.verify: a worker thread started, the file checked, keys looked up): p50 ${verified.p50.toFixed(0)} ms`,
    );
    lines.push(await refuseHostile(call, pdf));
    return { lines, rows };
  } finally {
    core.close();
    await printer.close();
  }
}

/**
 * The fair floor for a check: what any reader must do to know what a file shows and whether it is
 * signed. Load it whole (pdf-lib's parser), hash it once, check one signature.
 */
async function floor(pdf: Buffer): Promise<void> {
  await PDFDocument.load(pdf, { updateMetadata: false });
  createHash('sha256').update(pdf).digest();
  verify('sha256', floorData, floorKeys.publicKey, floorSignature);
}
const floorKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const floorData = Buffer.from('the least a check does');
const floorSignature = sign('sha256', floorData, floorKeys.privateKey);

/** A 49 MB file of compressed object streams appended to the sealed one: refused, while other calls go on answering. */
async function refuseHostile(
  call: <T = unknown>(method: string, input?: unknown) => Promise<T>,
  sealed: Buffer,
): Promise<string> {
  // Just under the 50 MB the API takes at all.
  const hostile = await manyObjectStreams(sealed, 49 * 1024 * 1024);
  const latencies: number[] = [];
  let done = false;
  // Other calls start before the file is sent, so the time the API spends taking it in counts too.
  const others = (async () => {
    while (!done) {
      const asked = process.hrtime.bigint();
      await call('app.info');
      latencies.push(Number(process.hrtime.bigint() - asked) / 1e6);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = process.hrtime.bigint();
  const check = call<VerifyReport>('minutes.verify', { pdf: hostile.toString('base64') }).finally(() => (done = true));
  await others;
  const report = await check;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const slowest = latencies[latencies.length - 1] ?? 0;
  return `Refusing a ${(hostile.length / 1024 / 1024).toFixed(1)} MB hostile file: answered in ${seconds.toFixed(2)} s (${report.valid ? 'ACCEPTED' : 'refused'}: "${report.reason}"); meanwhile ${latencies.length} other calls answered, slowest ${slowest.toFixed(1)} ms`;
}
