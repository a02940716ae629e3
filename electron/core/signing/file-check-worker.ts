import { parentPort } from 'node:worker_threads';
import { ApiError } from '@shared/api/errors';
import { readPkcs12 } from './identity';
import type { FileCheckRequest, Pkcs12Reading } from './off-thread';
import { checkPdf } from './verify';

/** The worker's side of off-thread.ts: one hostile file in, what was found out. */
parentPort?.once('message', (request: FileCheckRequest) => {
  if (request.task === 'pdf') {
    parentPort!.postMessage(checkPdf(request.pdf));
    return;
  }
  let answer: Pkcs12Reading;
  try {
    answer = { ok: true, ...readPkcs12(Buffer.from(request.p12), request.password, new Date(request.now)) };
  } catch (error) {
    answer = {
      ok: false,
      message: error instanceof ApiError ? error.message : 'That certificate file could not be opened.',
    };
  }
  parentPort!.postMessage(answer);
});
