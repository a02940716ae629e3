import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportedFile } from '@shared/domain/exported-file';
import type { MinutesVersion } from '@shared/domain/minutes';
import { createPdfPrinter } from '../../electron/web/platform/pdf-printer';
import { transferColumnChecks } from '@core/casebook/transfer-checks';
import { transferTables } from '@core/casebook/transfer';
import { sql } from '@core/db/sql';
import type { PdfPrinter } from '@core/platform/pdf-printer';
import { callError, callOk, filledCaseBook, sealMinutes, snapshot, testCore, type TestCore } from './helpers';

type Tables = Record<string, Record<string, unknown>[]>;

/** A filled case book (helpers.ts) and its transfer file. */
async function filledExport(printer?: PdfPrinter) {
  const filled = await filledCaseBook(printer);
  const content = (await callOk<ExportedFile>(filled.core, 'transfer.export', {})).content;
  return { ...filled, content };
}

function editor(content: string) {
  const file = JSON.parse(content) as { tables: Tables };
  return (change: (tables: Tables) => void) => {
    const copy = structuredClone(file);
    change(copy.tables);
    return JSON.stringify(copy);
  };
}

/** Received minutes as another case book would keep them, for the checks that come before their PDF's. */
function receivedRow(draft: MinutesVersion, change: Record<string, unknown>) {
  return {
    id: crypto.randomUUID(),
    file_name: 'minutes.pdf',
    pdf: Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64'),
    fingerprint: 'ab'.repeat(32),
    sealed_by: 'Brightwater Care Ltd',
    sealed_at: '2026-12-03T12:00:00.000Z',
    title: draft.content.title,
    content: JSON.stringify(draft.content),
    home_id: null,
    placement_id: null,
    received_at: '2026-12-04T09:00:00.000Z',
    signatures: '[]',
    countersigned_at: null,
    ...change,
  };
}

/** Refused with a message naming the table, the record and the column, and nothing written. */
async function expectRefused(fresh: TestCore, content: string, message: RegExp, what: string) {
  const before = snapshot(fresh);
  const error = await callError(fresh, 'transfer.import', { content });
  expect(error.code, what).toBe('invalid_input');
  expect(error.message, what).toMatch(message);
  expect(error.message, what).toMatch(
    /^This backup file cannot be restored\. In [a-z ]+, record \d+, .* Nothing was restored\.$/,
  );
  expect(snapshot(fresh), what).toEqual(before);
}

/** The columns that hold JSON, by the case book's own CHECKs, plus the canonical minutes (JSON checked in code). */
function jsonColumns(core: TestCore): string[] {
  const found = transferTables.flatMap((table) => {
    const { sql: text } = core.context.db.get<{ sql: string }>(
      sql`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ${table}`,
    )!;
    return [...text.matchAll(/json_valid\((\w+)\)/g)].map((match) => `${table}.${match[1]}`);
  });
  return [...new Set([...found, 'minutes.canonical'])].sort();
}

describe('every record of a transfer file is checked column by column', () => {
  it('has a check for every table and every column the case book holds', () => {
    const core = testCore();
    expect(Object.keys(transferColumnChecks).sort()).toEqual([...transferTables].sort());
    for (const table of transferTables) {
      const columns = core.context.db
        .all<{ name: string }>(sql`SELECT name FROM pragma_table_info(${table})`)
        .map((column) => column.name);
      expect(Object.keys(transferColumnChecks[table]).sort(), table).toEqual(columns.sort());
    }
  });

  it('refuses a wrong-shaped value in every JSON column, naming the table and the column, and writes nothing', async () => {
    const { content, draft } = await filledExport();
    const edited = editor(content);
    const row = (tables: Tables, table: string) => tables[table]![0]!;
    const cases: Record<string, [string, RegExp]> = {
      'audit_log.detail': [
        edited((t) => (row(t, 'audit_log').detail = '[1, 2]')),
        /In audit log, record 1, detail: the entry’s details are not a set of named fields\. This should be a set of named fields\./,
      ],
      'checkins.ratings': [
        edited((t) => (row(t, 'checkins').ratings = '{}')),
        /In checkins, record 1, ratings: the ratings are not the four ratings a check-in gives\. At senior-relationships: This is missing\./,
      ],
      'deck_cards.content': [
        edited((t) => (row(t, 'deck_cards').content = '{"id": "x"}')),
        /In deck cards, record 1, content: the card is not a card as a deck holds it\./,
      ],
      'minutes.prose': [
        edited((t) => (row(t, 'minutes').prose = '{"summary": {"x": 1}}')),
        /In minutes, record 1, prose: the draft’s words are not as the minutes keep them\. At summary: This should be text\./,
      ],
      'minutes.canonical': [
        edited((t) => (row(t, 'minutes').canonical = '{"hello": 1}')),
        /In minutes, record 1, canonical: their content is not minutes\./,
      ],
      'preferences.value': [
        edited((t) => (t.preferences!.find((p) => p.key === 'minutes.sharing')!.value = '{"senderName": 5}')),
        /In preferences, record \d+, value: the preference is not one the app can read\. At senderName: This should be text\./,
      ],
      'received_minutes.content': [
        edited((t) => (t.received_minutes = [receivedRow(draft, { content: '{"title": "Minutes"}' })])),
        /In received minutes, record 1, content: their content is not minutes\./,
      ],
      'received_minutes.signatures': [
        edited((t) => (t.received_minutes = [receivedRow(draft, { signatures: '[{"signer": 1}]' })])),
        /In received minutes, record 1, signatures: the signatures found on them are not a list of signatures\. At 0 › signer: This should be text\./,
      ],
      'review_cards.card': [
        edited((t) => (row(t, 'review_cards').card = '{"title": 1}')),
        /In review cards, record 1, card: the card kept with the review is not a card\./,
      ],
      'reviews.time_boxes': [
        edited((t) => (row(t, 'reviews').time_boxes = '{"dream": "a while"}')),
        /In reviews, record 1, time_boxes: the time boxes are not minutes for the review’s stages\. At dream: Give each time box in whole minutes\./,
      ],
      'visits.visitors': [
        edited((t) => (row(t, 'visits').visitors = '[{"name": ""}]')),
        /In visits, record 1, visitors: the visitors are not a list of names\. At 0 › name: Enter the visitor’s name\./,
      ],
    };
    const fresh = testCore();
    // A JSON column the case book gains needs its own case here.
    expect(Object.keys(cases).sort()).toEqual(jsonColumns(fresh));
    for (const [what, [text, message]] of Object.entries(cases)) await expectRefused(fresh, text, message, what);
    // Text that is not JSON at all is refused as such.
    await expectRefused(
      fresh,
      edited((t) => (row(t, 'checkins').ratings = 'four out of five')),
      /In checkins, record 1, ratings: the ratings are not the four ratings a check-in gives\. This is not readable JSON\./,
      'not JSON',
    );
    // And the genuine file still restores into the same case book afterwards.
    expect(
      (await callOk<{ counts: Record<string, number> }>(fresh, 'transfer.import', { content })).counts,
    ).toMatchObject({ checkins: 2, minutes: 1, review_cards: 1, visits: 1 });
  });

  it('refuses ids, dates, choices and rules across fields that the API would refuse', async () => {
    const { content } = await filledExport();
    const edited = editor(content);
    const row = (tables: Tables, table: string) => tables[table]![0]!;
    const cases: [string, string, RegExp][] = [
      [
        'an impossible date',
        edited((t) => (row(t, 'homes').ofsted_judgement_date = '2026-13-45')),
        /In homes, record 1, ofsted_judgement_date: This is not a date as the app writes them/,
      ],
      [
        'a judgement without its date',
        edited((t) => (row(t, 'homes').ofsted_judgement_date = null)),
        /In homes, record 1, ofsted_judgement_date: Give the Ofsted judgement and the date it was made together\./,
      ],
      [
        'an ended placement with no end date',
        edited((t) => (row(t, 'placements').status = 'ended')),
        /In placements, record 1, end_date: Give the date an ended placement ended\./,
      ],
      [
        'a dropped action with no reason',
        edited((t) => Object.assign(row(t, 'action_updates'), { status: 'dropped', reason: '' })),
        /In action updates, record 1, reason: Say why the action was dropped\./,
      ],
      [
        'a stage the app does not have',
        edited((t) => (row(t, 'notes').phase = 'lunch')),
        /In notes, record 1, phase: This is not one of the values the app knows\./,
      ],
      [
        'a time that is not a time',
        edited((t) => (row(t, 'reviews').scheduled_for = 'soon')),
        /In reviews, record 1, scheduled_for: This is not a date and time as the app writes them\./,
      ],
      [
        'an id that is not an id',
        edited((t) => (row(t, 'participants').person_id = 'Priya')),
        /In participants, record 1, person_id: This is not a record id the app makes\./,
      ],
      [
        'a card filed under another card’s id',
        edited((t) => {
          const card = row(t, 'deck_cards');
          card.content = String(card.content).replace(`"id":"${String(card.id)}"`, '"id":"not-this-card"');
        }),
        /In deck cards, record 1, content: the card it holds is not the card with this id\./,
      ],
      [
        'a preference the app does not know',
        edited((t) => t.preferences!.push({ key: 'spells', value: '{}', updated_at: '2026-12-03T10:00:00.000Z' })),
        /In preferences, record \d+, key: “spells” is not a preference the app knows\./,
      ],
      [
        'a hash that is not a hash',
        edited((t) => (row(t, 'audit_log').hash = 'abc')),
        /In audit log, record 1, hash: This is not a fingerprint/,
      ],
      [
        'a draft’s fingerprint that is not one',
        edited((t) => (row(t, 'minutes').fingerprint = 'zz')),
        /In minutes, record 1, fingerprint: This is not a fingerprint/,
      ],
    ];
    const fresh = testCore();
    for (const [what, text, message] of cases) await expectRefused(fresh, text, message, what);
  });

  it('after refusing the audit’s two files, leaves the minutes working', async () => {
    const { content, review } = await filledExport();
    const edited = editor(content);
    const fresh = testCore();
    await expectRefused(
      fresh,
      edited((t) => (t.minutes![0]!.prose = '{"summary": {"x": 1}}')),
      /In minutes, record 1, prose: /,
      'prose',
    );
    await expectRefused(
      fresh,
      edited((t) => (t.checkins![0]!.ratings = '{}')),
      /In checkins, record 1, ratings: /,
      'ratings',
    );
    await callOk(fresh, 'transfer.import', { content });
    const [draft] = await callOk<MinutesVersion[]>(fresh, 'minutes.forReview', { reviewId: review.id });
    expect(draft!.content.checkin).toHaveLength(4);
    const locked = await callOk<MinutesVersion>(fresh, 'minutes.lock', { minutesId: draft!.id });
    expect(locked.status).toBe('locked');
    expect(fresh.logged).toEqual([]);
  });

  describe.skipIf(!existsSync('/usr/bin/chromium'))('with sealed and received minutes', () => {
    const printer = createPdfPrinter();
    afterAll(() => printer.close());

    it(
      'restores a genuine export of a full case book, sealed minutes and received minutes included',
      { timeout: 120_000 },
      async () => {
        const { core: sealer, draft } = await filledExport(printer);
        const { locked, sealed } = await sealMinutes(sealer, draft.id);
        const sealedExport = (await callOk<ExportedFile>(sealer, 'transfer.export', {})).content;

        // The other organisation receives the sealed minutes into its own case book.
        const other = testCore(undefined, undefined, printer);
        const provider = await callOk<{ id: string }>(other, 'organisations.create', {
          name: 'Brightwater Care Ltd',
          kind: 'provider',
        });
        await callOk(other, 'homes.create', { providerId: provider.id, name: 'Oakwood House', ofstedUrn: 'SC123456' });
        const { sealed_pdf: pdf } = sealer.context.db.get<{ sealed_pdf: Buffer }>(
          sql`SELECT sealed_pdf FROM minutes WHERE id = ${locked.id}`,
        )!;
        await callOk(other, 'minutes.import', {
          pdf: pdf.toString('base64'),
          fileName: 'minutes.pdf',
          acceptKeys: [sealed.sealKey],
        });
        const receivedExport = (await callOk<ExportedFile>(other, 'transfer.export', {})).content;

        for (const [source, exported, counts] of [
          [
            sealer,
            sealedExport,
            { minutes: 1, signatures: 2, organisation_keys: 1, checkins: 2, deck_cards: expect.any(Number) },
          ],
          [other, receivedExport, { received_minutes: 1, organisation_keys: 1, homes: 1 }],
        ] as const) {
          const fresh = testCore();
          const summary = await callOk<{ counts: Record<string, number> }>(fresh, 'transfer.import', {
            content: exported,
          });
          expect(summary.counts).toMatchObject(counts);
          const { audit_log: _a, preferences: _p, ...restored } = snapshot(fresh);
          const { audit_log: _b, preferences: _q, ...original } = snapshot(source);
          expect(restored).toEqual(original);
        }

        // Received minutes whose signatures are not a list of signatures are refused before anything is written.
        const editReceived = editor(receivedExport);
        await expectRefused(
          testCore(),
          editReceived((t) => (t.received_minutes![0]!.signatures = '{"signer": "Sam"}')),
          /In received minutes, record 1, signatures: the signatures found on them are not a list of signatures\. This should be a list\./,
          'received signatures',
        );
      },
    );
  });
});
