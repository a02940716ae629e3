import { mkdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createCore } from '@core/core';
import { standInP12, withMacIterations } from '../core/attacks/genuine';
import { benchPassphrase, measure, type Row } from './measure';

/** The budget for refusing a PKCS#12 that asks for billions of key-derivation rounds. */
const refusalBudgetMs = 2_000;

/** A small genuine PKCS#12 (RSA 2048, self-signed), then its MAC's iteration count set to 2^31 − 1. */
const iterationBomb = () => withMacIterations(standInP12('Bench', 'Bench Care Ltd'));

/**
 * The least any check off the core's thread costs: a worker started as the app starts its file
 * checker (tsx, as in development and here), reading the file's structure (DER) and answering.
 */
function readInWorker(bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      `require('tsx/cjs/api').register();
       const { parentPort } = require('node:worker_threads');
       const forge = require('node-forge');
       parentPort.once('message', (bytes) => {
         forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
         parentPort.postMessage(true);
       });`,
      { eval: true },
    );
    worker.once('message', () => {
      void worker.terminate();
      resolve();
    });
    worker.once('error', reject);
    worker.postMessage(bytes);
  });
}

/**
 * Refusing a certificate file built to freeze the app (2.6 KB asking for 2^31 − 1 rounds), through
 * the router as Settings calls it, against the fair floor: a worker that reads the same file's
 * structure and answers (readInWorker). The refusal comes before any round is run; the core's
 * thread never waits for it.
 */
export async function benchPkcs12Bomb(dir: string): Promise<{ row: Row; line: string }> {
  mkdirSync(dir, { recursive: true });
  const core = createCore({
    dataDir: dir,
    appVersion: 'bench',
    passphrase: benchPassphrase,
    automaticBackups: false,
    logger: { error: () => {} },
  });
  try {
    const bomb = iterationBomb();
    const input = { organisation: 'Bench Care Ltd', p12: bomb.toString('base64'), password: 'stand-in' };
    const app = await measure(20, async () => {
      const result = await core.router.call('signing.importIdentity', input);
      if (result.ok || !/more work to open than any genuine one/.test(result.error.message))
        throw new Error(`the bomb was not refused as one: ${JSON.stringify(result)}`);
    });
    const raw = await measure(20, () => readInWorker(bomb));
    const verdict = app.p95 <= refusalBudgetMs ? `within the ${refusalBudgetMs} ms the issue allows` : 'OVER 2 s';
    return {
      row: {
        operation: `refuse a ${bomb.length}-byte PKCS#12 asking 2^31-1 rounds (floor: a worker reads its DER)`,
        app,
        raw,
        budget: 3,
      },
      line: `Refusing the PKCS#12 iteration bomb: p50 ${app.p50.toFixed(1)} ms, p95 ${app.p95.toFixed(1)} ms, ${verdict}.`,
    };
  } finally {
    core.close();
  }
}
