import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { expect, test } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { createIdentity } from '@core/signing/identity';
import { countersignPdf, sealPdf } from '@core/signing/seal';
import type { PdfCheck } from '@core/signing/types';

const built = path.resolve(__dirname, '../../out/main/file-check-worker.js');

/**
 * The desktop app checks PDFs in the worker electron-vite bundles beside its main process, not in
 * the TypeScript source the web host and the unit tests use: this runs that very file.
 */
test('the bundled PDF-checking worker checks a sealed and countersigned file', async () => {
  test.skip(!existsSync(built), 'needs `npm run build` first (npm test builds before the browser tests)');
  const doc = await PDFDocument.create();
  doc.addPage();
  await doc.attach(Buffer.from('{"title":"Joint review"}'), 'minutes.json', { mimeType: 'application/json' });
  const details = { reason: 'Minutes', location: 'Brightwater Care Ltd', name: 'Seal', signedAt: new Date() };
  const sealed = await sealPdf(
    await doc.save({ useObjectStreams: false }),
    createIdentity({ organisation: 'Brightwater Care Ltd' }),
    details,
  );
  const countersigned = await countersignPdf(sealed, createIdentity({ organisation: 'Northshire County Council' }), {
    ...details,
    signedAt: new Date(),
  });

  const worker = new Worker(built);
  const check = await new Promise<PdfCheck>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage({ task: 'pdf', pdf: countersigned });
  });
  await worker.terminate();
  expect(check.valid).toBe(true);
  expect(check.signatures.map((signature) => signature.signer.organisation)).toEqual([
    'Brightwater Care Ltd',
    'Northshire County Council',
  ]);
  expect(Buffer.from(check.attachment!).toString()).toBe('{"title":"Joint review"}');
});
