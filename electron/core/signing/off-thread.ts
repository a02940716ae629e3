import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PdfCheck } from './types';

/** A hostile file gets this long, and this much memory, before it is refused. */
const timeLimitMs = 10_000;
const memoryLimitMb = 512;

/**
 * Checks a PDF in a worker thread, so the app keeps answering while a large or hostile file is
 * read, and refuses it when the check takes longer than the time limit.
 * The built app runs the bundled worker beside it (electron.vite.config.ts names it); the web
 * host and the tests run the TypeScript source through tsx.
 */
export function checkPdfOffThread(pdf: Uint8Array, limitMs = timeLimitMs): Promise<PdfCheck> {
  const worker = startWorker();
  return new Promise<PdfCheck>((resolve) => {
    const finish = (result: PdfCheck) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const refused = (problem: 'too_slow' | 'too_large'): PdfCheck => ({
      problem,
      signatures: [],
      valid: false,
      attachment: null,
    });
    const timer = setTimeout(() => finish(refused('too_slow')), limitMs);
    worker.once('message', (result: PdfCheck) =>
      finish({ ...result, attachment: result.attachment ? Buffer.from(result.attachment) : null }),
    );
    // Out of memory, or any crash: the file is refused, the app goes on.
    worker.once('error', () => finish(refused('too_large')));
    worker.once('exit', () => finish(refused('too_large')));
    worker.postMessage(pdf);
  });
}

function startWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryLimitMb };
  const built = path.join(__dirname, 'pdf-check-worker.js');
  if (existsSync(built)) return new Worker(built, { resourceLimits });
  const source = path.join(__dirname, 'pdf-check-worker.ts');
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`, {
    eval: true,
    resourceLimits,
  });
}
