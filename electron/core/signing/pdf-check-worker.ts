import { parentPort } from 'node:worker_threads';
import { checkPdf } from './verify';

/** The worker's side of checkPdfOffThread: one file in, its check out. */
parentPort?.once('message', (pdf: Uint8Array) => {
  parentPort!.postMessage(checkPdf(pdf));
});
