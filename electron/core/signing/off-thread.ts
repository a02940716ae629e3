import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError } from '@shared/api/errors';
import { identityOf } from './identity';
import type { PdfCheck, SigningIdentity } from './types';

/** A hostile file gets this long, and this much memory, before it is refused. */
const pdfTimeLimitMs = 10_000;
// A genuine PKCS#12 at the iteration cap takes node-forge about 25 s on this machine.
const pkcs12TimeLimitMs = 60_000;
const memoryLimitMb = 512;

export type FileCheckRequest =
  { task: 'pdf'; pdf: Uint8Array } | { task: 'pkcs12'; p12: Uint8Array; password: string; now: string };

export type Pkcs12Reading =
  { ok: true; privateKey: Uint8Array; certificates: Uint8Array[] } | { ok: false; message: string };

/**
 * Runs one check in a worker thread, so the app keeps answering while a large or hostile file is
 * read; past the time limit, or when the worker dies (out of memory, a crash), `refused` answers.
 * The built app runs the bundled worker beside it (electron.vite.config.ts names it); the web
 * host and the tests run the TypeScript source through tsx.
 */
function offThread<T>(request: FileCheckRequest, limitMs: number, refused: (why: 'too_slow' | 'too_large') => T) {
  const worker = startWorker();
  return new Promise<T>((resolve) => {
    const finish = (result: T) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish(refused('too_slow')), limitMs);
    worker.once('message', (result: T) => finish(result));
    worker.once('error', () => finish(refused('too_large')));
    worker.once('exit', () => finish(refused('too_large')));
    worker.postMessage(request);
  });
}

export async function checkPdfOffThread(pdf: Uint8Array, limitMs = pdfTimeLimitMs): Promise<PdfCheck> {
  const result = await offThread<PdfCheck>({ task: 'pdf', pdf }, limitMs, (problem) => ({
    problem,
    signatures: [],
    valid: false,
    attachment: null,
  }));
  return { ...result, attachment: result.attachment ? Buffer.from(result.attachment) : null };
}

/** importIdentity, off the core's thread and within a time limit: key derivation can be made to take minutes. */
export async function importIdentityOffThread(
  p12: Uint8Array,
  password: string,
  now: Date,
  limitMs = pkcs12TimeLimitMs,
): Promise<SigningIdentity> {
  const reading = await offThread<Pkcs12Reading>(
    { task: 'pkcs12', p12, password, now: now.toISOString() },
    limitMs,
    (why) => ({
      ok: false,
      message:
        why === 'too_slow'
          ? 'That certificate file took too long to open, so it was not used.'
          : 'That certificate file is too large to open.',
    }),
  );
  if (!reading.ok) throw new ApiError('invalid_input', reading.message);
  return identityOf(
    Buffer.from(reading.privateKey),
    reading.certificates.map((der) => Buffer.from(der)),
  );
}

function startWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryLimitMb };
  const built = path.join(__dirname, 'file-check-worker.js');
  if (existsSync(built)) return new Worker(built, { resourceLimits });
  const source = path.join(__dirname, 'file-check-worker.ts');
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`, {
    eval: true,
    resourceLimits,
  });
}
