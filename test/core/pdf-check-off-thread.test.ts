import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { VerifyReport } from '@shared/domain/minutes';
import { createIdentity } from '@core/signing/identity';
import { sealPdf } from '@core/signing/seal';
import { manyObjectStreams } from './attacks/budget';
import { callOk, testCore } from './helpers';

async function sealedMinutes(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Joint review minutes', { x: 50, y: 780, size: 14, font });
  await doc.attach(Buffer.from('{"title":"Joint review"}'), 'minutes.json', { mimeType: 'application/json' });
  const identity = createIdentity({ organisation: 'Brightwater Care Ltd' });
  return sealPdf(await doc.save({ useObjectStreams: false }), identity, {
    reason: 'Minutes',
    location: 'Brightwater Care Ltd',
    name: 'Seal',
    signedAt: new Date(),
  });
}

describe('checking a hostile file off the core’s thread', () => {
  it(
    'keeps answering other calls while a 49 MB file of compressed object streams is checked, then refuses it in plain words',
    { timeout: 60_000 },
    async () => {
      const core = testCore();
      // Just under the 50 MB the API takes at all: larger files are refused before any reading.
      const hostile = await manyObjectStreams(await sealedMinutes(), 49 * 1024 * 1024);
      expect(hostile.length).toBeGreaterThan(49 * 1024 * 1024);

      let finished = false;
      const check = callOk<VerifyReport>(core, 'minutes.verify', { pdf: hostile.toString('base64') }).finally(
        () => (finished = true),
      );
      // Calls made while the check runs are answered before it ends: the core's thread is free.
      let answeredMeanwhile = 0;
      for (let i = 0; i < 5; i++) {
        await callOk(core, 'organisations.list', {});
        if (!finished) answeredMeanwhile++;
      }
      const report = await check;
      expect(answeredMeanwhile).toBe(5);
      expect(report).toMatchObject({ valid: false, signatures: [], fingerprint: null, matches: null });
      expect(report.reason).toMatch(/^This file is (larger or more tightly packed|damaged)|took too long/);
    },
  );
});
