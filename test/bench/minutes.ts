import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MinutesExport, MinutesVersion } from '../../shared/domain/minutes';
import { benchPassphrase } from './measure';
import { createCore } from '../../electron/core/core';
import { createChromiumPrinter } from '../../electron/web/chromium-printer';

/** Seals minutes long enough to run to about 20 pages, through the same API the screens use. */
export async function benchSeal(dataDir: string): Promise<string> {
  if (!existsSync('/usr/bin/chromium')) return 'Sealing: skipped, no Chromium on this machine.';
  const printer = createChromiumPrinter();
  const core = createCore({ dataDir, appVersion: 'bench', passphrase: benchPassphrase, automaticBackups: false, printer, logger: { error: () => {} } });
  const call = async <T = unknown>(method: string, input: unknown = {}): Promise<T> => {
    const result = await core.router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  try {
    const council = await call<{ id: string }>('organisations.create', { name: 'Northshire County Council', kind: 'local_authority' });
    const provider = await call<{ id: string }>('organisations.create', { name: 'Brightwater Care Ltd', kind: 'provider' });
    const review = await call<{ id: string }>('reviews.create', { scope: 'relationship', commissionerId: council.id, providerId: provider.id, scheduledFor: '2026-12-03T10:00:00Z' });
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
    const sealed = await call<MinutesVersion>('minutes.seal', { minutesId: locked.id, organisation: 'Brightwater Care Ltd' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const exported = await call<MinutesExport>('minutes.export', { minutesId: sealed.id });
    const file = path.join(dataDir, 'sealed.pdf');
    writeFileSync(file, Buffer.from(exported.files[0]!.base64, 'base64'));
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1] ?? '?';
    return `Sealing minutes of ${pages} pages (print, attach, sign, store; Chromium already running): ${seconds.toFixed(2)} s`;
  } finally {
    core.close();
    await printer.close();
  }
}
