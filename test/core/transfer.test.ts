import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportedFile } from '@shared/domain/exported-file';
import type { MinutesVersion } from '@shared/domain/minutes';
import { createPdfPrinter } from '../../electron/web/platform/pdf-printer';
import { latestSchemaVersion } from '@core/db/migrations';
import { callError, callOk, filledCaseBook, sealMinutes, seedCaseBook, snapshot, testCore } from './helpers';

describe('backup and restore', () => {
  it('restores a backup into an empty case book as an identical case book, search included', async () => {
    const { core } = await filledCaseBook();
    const backup = await callOk<ExportedFile>(core, 'transfer.export', {});
    expect(backup.fileName).toMatch(/^relational-review-backup-\d{4}-\d\d-\d\d\.json$/);
    const file = JSON.parse(backup.content) as { format: string; formatVersion: number; schemaVersion: number };
    expect(file).toMatchObject({
      format: 'relational-review-backup',
      formatVersion: 1,
      schemaVersion: latestSchemaVersion,
    });

    const fresh = testCore();
    const summary = await callOk<{ counts: Record<string, number> }>(fresh, 'transfer.import', {
      content: backup.content,
    });
    expect(summary.counts).toMatchObject({
      organisations: 2,
      homes: 1,
      people: 1,
      placements: 1,
      reviews: 2,
      notes: 1,
      decks: 1,
      participants: 1,
      checkins: 2,
      actions: 1,
      action_updates: 1,
      minutes: 1,
      visits: 1,
      visit_placements: 1,
      visit_notes: 1,
    });
    expect(summary.counts.deck_cards).toBeGreaterThan(100);
    // Each case book has its own audit anchor key among its preferences; that one never travels.
    const { audit_log: restoredAudit, preferences: restoredPreferences, ...restored } = snapshot(fresh);
    const { audit_log: originalAudit, preferences: originalPreferences, ...original } = snapshot(core);
    expect(restored).toEqual(original);
    const travelling = (rows: unknown[] = []) =>
      rows.filter((row) => (row as { key: string }).key !== 'audit.anchorKey');
    expect(travelling(restoredPreferences)).toEqual(travelling(originalPreferences));
    // The audit log comes back whole, after the new case book's own first entry, and says it was restored.
    const hashes = (rows: unknown[]) => (rows as { hash: string }[]).map((row) => row.hash);
    // The original's last entry records the export itself, made after the file was written.
    expect((originalAudit!.at(-1) as { action: string }).action).toBe('transfer.export');
    expect(hashes(restoredAudit!).slice(1, -1)).toEqual(hashes(originalAudit!).slice(0, -1));
    expect((restoredAudit!.at(-1) as { action: string }).action).toBe('transfer.imported');
    // The restored chain starts afresh, closed by the restore: the trail still verifies.
    expect(await callOk(fresh, 'audit.verify', {})).toMatchObject({
      entries: restoredAudit!.length,
      firstBroken: null,
      anchor: { held: true, reason: null },
    });
    expect((await callOk<{ groups: unknown[] }>(fresh, 'search.query', { text: 'garden' })).groups).toHaveLength(1);
  });

  it('refuses a young person’s name at a visit, visitors that are not names, and a kept card that is not a card', async () => {
    const { core } = await filledCaseBook();
    const file = JSON.parse((await callOk<ExportedFile>(core, 'transfer.export', {})).content) as {
      tables: Record<string, Record<string, unknown>[]>;
    };
    const edited = (change: (tables: typeof file.tables) => void) => {
      const copy = structuredClone(file);
      change(copy.tables);
      return JSON.stringify(copy);
    };
    const fresh = testCore();
    const before = snapshot(fresh);
    for (const [content, message] of [
      [
        edited((t) => (t.visit_notes![0]!.young_person = 'Jayden')),
        /In visit notes, record 1, young_person: This looks like a name/,
      ],
      [
        edited((t) => (t.visits![0]!.visitors = '[1, 2]')),
        /In visits, record 1, visitors: the visitors are not a list of names/,
      ],
      [
        edited((t) => (t.review_cards![0]!.card = '{"title": 1}')),
        /In review cards, record 1, card: the card kept with the review is not a card/,
      ],
    ] as const) {
      expect((await callError(fresh, 'transfer.import', { content })).message).toMatch(message);
    }
    expect(snapshot(fresh)).toEqual(before);
  });

  it('refuses to restore over a case book that holds anything', async () => {
    const { core } = await filledCaseBook();
    const backup = await callOk<ExportedFile>(core, 'transfer.export', {});
    const before = snapshot(core);
    const error = await callError(core, 'transfer.import', { content: backup.content });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(
      /only be restored into an empty case book.*already holds 2 organisations, 1 homes, 1 people, 1 placements, 1 decks, \d+ deck cards, 2 reviews, 1 notes, 1 participants, 1 review cards, 2 checkins, 1 actions, 1 action updates, 1 minutes, 1 visits, 1 visit placements, 1 visit notes\. Nothing was restored\./,
    );
    expect(snapshot(core)).toEqual(before);
  });

  it('refuses a malformed, truncated, foreign or inconsistent file with a message that says what is wrong, and writes nothing', async () => {
    const { core } = await filledCaseBook();
    const content = (await callOk<ExportedFile>(core, 'transfer.export', {})).content;
    const file = JSON.parse(content) as { tables: Record<string, Record<string, unknown>[]>; formatVersion: number };
    const edited = (change: (copy: typeof file) => void) => {
      const copy = structuredClone(file);
      change(copy);
      return JSON.stringify(copy);
    };
    const cases: [string, RegExp][] = [
      [content.slice(0, Math.floor(content.length / 2)), /incomplete: it ends part-way through/],
      ['not json at all', /not a Relational Review backup: it is not in the backup’s format/],
      [
        JSON.stringify({ format: 'something-else', items: [] }),
        /^This file is not a Relational Review backup\. Nothing was restored\.$/,
      ],
      [JSON.stringify([1, 2, 3]), /not a Relational Review backup/],
      [edited((copy) => (copy.formatVersion = 99)), /newer version of Relational Review \(backup format 99\)/],
      [edited((copy) => (copy.tables.homes![0]!.name = 42)), /in homes, record 1 name should be text/],
      [
        edited((copy) => (copy.tables.homes![0]!.secret = 'x')),
        /in homes, record 1 has a field the app does not know \(secret\)/,
      ],
      [edited((copy) => (copy.tables.spells = [])), /a part the app does not know \(“spells”\)/],
      [
        edited((copy) => (copy.tables.homes![0]!.provider_id = crypto.randomUUID())),
        /a record in homes refers to another record that is not in the file/,
      ],
      [
        edited((copy) => copy.tables.organisations!.push(copy.tables.organisations![0]!)),
        /a record in organisations appears twice/,
      ],
      [
        edited((copy) => (copy.tables.placements![0]!.status = 'lost')),
        /In placements, record 1, status: This is not one of the values the app knows\./,
      ],
    ];
    for (const [text, message] of cases) {
      const fresh = testCore();
      const before = snapshot(fresh);
      const error = await callError(fresh, 'transfer.import', { content: text });
      expect(error.message, text.slice(0, 60)).toMatch(message);
      expect(error.message).toMatch(/Nothing was restored\.$/);
      expect(snapshot(fresh), text.slice(0, 60)).toEqual(before);
    }
  });

  describe.skipIf(!existsSync('/usr/bin/chromium'))('with sealed minutes in it', () => {
    const printer = createPdfPrinter();
    afterAll(() => printer.close());

    it(
      'refuses records that are not what they claim, checked as the API checks them, and writes nothing',
      { timeout: 120_000 },
      async () => {
        const core = testCore(undefined, undefined, printer);
        const { review } = await seedCaseBook(core);
        await callOk(core, 'sessions.conclude', { reviewId: review.id });
        const [draft] = await callOk<MinutesVersion[]>(core, 'minutes.forReview', { reviewId: review.id });
        await sealMinutes(core, draft!.id);
        const content = (await callOk<ExportedFile>(core, 'transfer.export', {})).content;
        const file = JSON.parse(content) as { tables: Record<string, Record<string, unknown>[]> };
        const edited = (change: (tables: typeof file.tables) => void) => {
          const copy = structuredClone(file);
          change(copy.tables);
          return JSON.stringify(copy);
        };
        const minutes = (tables: typeof file.tables) => tables.minutes![0]!;
        const htmlAsPng = `data:image/png;base64,${Buffer.from('"><h1>Injected</h1>').toString('base64')}`;
        const otherPdf = Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64');
        const cases: [string, string, RegExp][] = [
          [
            'a child’s name as the reference',
            edited((t) => (t.placements![0]!.child_reference = 'Jayden Smith')),
            /In placements, record 1, child_reference: This looks like a name/,
          ],
          [
            'content that is not minutes',
            edited((t) => (minutes(t).canonical = '{"hello":1}')),
            /In minutes, record 1, canonical: their content is not minutes\. At format: This is not one of the values the app knows\./,
          ],
          [
            'content changed after sealing',
            edited((t) => (minutes(t).canonical = String(minutes(t).canonical).replace('Oakwood', 'Oakwold'))),
            /does not match their fingerprint/,
          ],
          [
            'a sealed PDF replaced by other bytes',
            edited((t) => (minutes(t).sealed_pdf = otherPdf)),
            /the sealed PDF is not a valid sealed file/,
          ],
          [
            'sealed minutes with no PDF',
            edited((t) => (minutes(t).sealed_pdf = null)),
            /sealed minutes have no sealed PDF/,
          ],
          [
            'a signature image that is HTML',
            edited((t) => (t.signatures![0]!.image = htmlAsPng)),
            /In signatures, record 1, image: the drawn signature is not a picture the app made/,
          ],
          [
            'a signature for other words',
            edited((t) => (t.signatures![0]!.fingerprint = 'ab'.repeat(32))),
            /In signatures, record 1: it was not given for the minutes/,
          ],
          [
            'an unknown status',
            edited((t) => (minutes(t).status = 'approved')),
            /In minutes, record 1, status: This is not one of the values the app knows/,
          ],
        ];
        // The genuine file restores.
        expect(
          (await callOk<{ counts: Record<string, number> }>(testCore(), 'transfer.import', { content })).counts.minutes,
        ).toBe(1);
        for (const [what, text, message] of cases) {
          const fresh = testCore();
          const before = snapshot(fresh);
          const error = await callError(fresh, 'transfer.import', { content: text });
          expect(error.message, what).toMatch(message);
          expect(error.message, what).toMatch(/^This backup file cannot be restored\. .* Nothing was restored\.$/);
          expect(snapshot(fresh), what).toEqual(before);
        }
      },
    );
  });
});
