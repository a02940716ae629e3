import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agreementStatement, minutesFormat, type MinutesContent, type MinutesVersion } from '@shared/domain/minutes';
import { minutesHtml } from '@core/minutes/print';
import { createPdfPrinter } from '../../electron/web/platform/pdf-printer';
import { tempDir } from './helpers';

const hasTools = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdffonts');
const printer = createPdfPrinter();
afterAll(() => printer.close());

const headings = [
  'Present',
  'Apologies',
  'Summary',
  'Define',
  'Check-in',
  'Matters arising',
  'Discover',
  'Dream',
  'Design',
  'Deliver',
  'Close',
  'Concerns',
  'Actions agreed',
  'Next review',
  'Signatures',
  'Seal',
  'Record of this version',
];

/** Minutes whose lengths shift with `shift`, so headings, rows and items fall at different places on the page. */
function minutesOfLength(shift: number): MinutesVersion {
  const words = (word: string, n: number) => `${word} `.repeat(n).trim();
  const notes = (stage: string, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      side: 'provider' as const,
      kind: 'story' as const,
      text: `Note ${i} in ${stage}: ${words('word', 8 + ((i * 7 + shift * 5) % 30))} endnote${stage}${i}`,
    }));
  const content: MinutesContent = {
    format: minutesFormat,
    formatVersion: 1,
    reviewId: 'r',
    version: 1,
    amends: null,
    title: 'Joint review of Oakwood House',
    scope: 'home',
    subject: {
      home: { name: 'Oakwood House', ofstedUrn: 'SC123456' },
      childReference: null,
      commissioner: 'Northshire County Council',
      provider: 'Brightwater Care Ltd',
    },
    scheduledFor: '2026-12-03T10:00:00.000Z',
    place: 'Oakwood House',
    present: [
      { name: 'Priya Shah', role: 'Registered manager', organisation: 'Brightwater Care Ltd', side: 'provider' },
    ],
    apologies: [],
    apologiesNote: '',
    purpose: 'How the year has gone',
    affirmativeTopic: '',
    summary: words('summary', shift * 40),
    mattersArising: [],
    checkin: Array.from({ length: 4 }, (_, i) => ({
      feature: `Feature ${i} ${words('long', shift)}`,
      commissioner: { score: 3, word: 'steady' },
      provider: { score: 4, word: 'warm' },
    })),
    stages: (['define', 'discover', 'dream', 'design', 'deliver', 'close'] as const).map((stage, k) => ({
      stage,
      summary: '',
      cards: stage === 'discover' ? [{ id: 'c', title: 'Senior relationships' }] : [],
      notes: notes(stage, 3 + ((k + shift) % 5)),
    })),
    concerns: [],
    actions: Array.from({ length: 12 }, (_, i) => ({
      text: `Action ${i}: ${words('step', 6 + ((i * 3 + shift) % 25))} endaction${i}`,
      owner: 'The provider',
      dueDate: '2026-12-17',
    })),
    nextReviewDate: '2027-06-03',
  };
  return {
    id: 'm',
    reviewId: 'r',
    version: 1,
    status: 'locked',
    content,
    fingerprint: 'ab'.repeat(32),
    lockedAt: '2026-12-03T12:00:00.000Z',
    sealedAt: null,
    sealedBy: null,
    sealKey: null,
    countersignatures: [],
    signatures: [
      {
        id: 's',
        side: 'provider',
        name: 'Priya Shah',
        role: 'Registered manager',
        organisation: 'Brightwater Care Ltd',
        image: null,
        statement: agreementStatement,
        fingerprint: 'ab'.repeat(32),
        signedAt: '2026-12-03T12:05:00.000Z',
      },
    ],
    awaiting: ['commissioner'],
    possibleNames: [],
    audit: [{ at: '2026-12-03T12:00:00.000Z', action: 'minutes.locked', detail: { version: 1 } }],
  };
}

const pageTexts = (file: string, pages: number, layout: boolean) =>
  Array.from({ length: pages }, (_, index) =>
    execFileSync('pdftotext', [
      '-f',
      String(index + 1),
      '-l',
      String(index + 1),
      ...(layout ? ['-layout'] : []),
      file,
      '-',
    ]).toString(),
  );

describe.skipIf(!hasTools)('the printed minutes, as poppler reads them', () => {
  it(
    'never leave a heading at the foot of a page, nor split a table row or a note across two pages',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      for (const shift of [0, 1, 2, 5, 6]) {
        const file = path.join(dir, `minutes-${shift}.pdf`);
        writeFileSync(
          file,
          await printer.print(minutesHtml(minutesOfLength(shift)), { title: 'x', footerText: 'Foot' }),
        );
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
        expect(pages).toBeGreaterThan(2);
        const texts = pageTexts(file, pages, true);
        texts.forEach((text, index) => {
          const lines = text
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line && !line.startsWith('Foot'));
          expect(headings, `shift ${shift}, page ${index + 1} ends with a heading`).not.toContain(lines.at(-1));
        });
        const flowing = pageTexts(file, pages, false);
        const pageOf = (marker: string) => flowing.findIndex((text) => text.replace(/\s+/g, ' ').includes(marker));
        for (let i = 0; i < 12; i++) {
          expect(pageOf(`Action ${i}:`), `shift ${shift}: action ${i} split`).toBe(pageOf(`endaction${i}`));
        }
        for (const stage of ['define', 'discover', 'deliver', 'close'])
          expect(pageOf(`Note 0 in ${stage}:`), `shift ${shift}: a note split`).toBe(pageOf(`endnote${stage}0`));
      }
    },
  );

  it('embed every font, with a true italic and the monospace for fingerprints', { timeout: 60_000 }, async () => {
    const file = path.join(tempDir(), 'minutes.pdf');
    writeFileSync(file, await printer.print(minutesHtml(minutesOfLength(0)), { title: 'x', footerText: 'Foot' }));
    const fonts = execFileSync('pdffonts', [file])
      .toString()
      .split('\n')
      .slice(2)
      .filter((line) => line.trim());
    expect(fonts.length).toBeGreaterThan(2);
    for (const line of fonts) expect(line, 'embedded').toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    expect(fonts.some((line) => /AtkinsonHyperlegible-Italic/.test(line))).toBe(true);
    expect(fonts.some((line) => /AtkinsonHyperlegibleMono/.test(line))).toBe(true);
    expect(fonts.every((line) => /Atkinson/.test(line))).toBe(true);
  });
});
