import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { groupFingerprint } from '@shared/format/fingerprint';
import { expect, expectAxeClean, test, type RunningHost } from './fixtures';
import { sealedMinutes } from './session-steps';

/*
 * Two case books on two laptops: A (Brightwater Care Ltd, the provider) seals the minutes; B
 * (Northshire County Council, the commissioner) imports them, confirming A's key by its
 * fingerprint, countersigns them and sends them back; A imports the countersigned file.
 */

const pdfsigAvailable = spawnSync('pdfsig', ['-v']).status === 0;

/** The same file with one byte changed inside the first page's content stream. */
function withPageContentChanged(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const [, object, generation] = /\/Contents (\d+) (\d+) R/.exec(text)!;
  const start = text.indexOf('stream', text.indexOf(`\n${object} ${generation} obj`)) + 'stream\n'.length;
  const changed = Buffer.from(pdf);
  changed[start + 20] = changed[start + 20]! ^ 0x01;
  return changed;
}

/** The same file with an incremental update appended that gives the first page new content. */
function withIncrementalUpdate(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const previous = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const [, object, generation] = /\/Contents (\d+) (\d+) R/.exec(text)!;
  const content = 'BT /F4 24 Tf 72 700 Td (Nothing of concern was raised.) Tj ET';
  const body = `\n${object} ${generation} obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`;
  const xref = [
    'xref',
    '0 1',
    '0000000000 65535 f ',
    `${object} 1`,
    `${String(pdf.length + 1).padStart(10, '0')} ${String(generation).padStart(5, '0')} n `,
    'trailer',
    `<< /Size ${/\/Size (\d+)/.exec(trailer)![1]} /Root ${/\/Root (\d+ \d+ R)/.exec(trailer)![1]} /Prev ${previous} >>`,
    'startxref',
    String(pdf.length + body.length),
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.concat([pdf, Buffer.from(body + xref, 'latin1')]);
}

/** Runs `action` and waits for the PDF and the email draft it downloads; the PDF's bytes. */
async function downloadedPdf(page: Page, action: () => Promise<void>): Promise<Buffer> {
  const paths: string[] = [];
  const listener = (download: { path(): Promise<string> }) => void download.path().then((file) => paths.push(file));
  page.on('download', listener);
  await action();
  await expect.poll(() => paths.length).toBe(2);
  page.off('download', listener);
  return paths.map((file) => readFileSync(file)).find((bytes) => bytes.subarray(0, 5).toString() === '%PDF-')!;
}

/** Checks a file in the "Check sealed minutes" panel of the Reviews screen; the report. */
async function checkFile(page: Page, file: { name: string; buffer: Buffer }): Promise<Locator> {
  await page.getByLabel('PDF to check').setInputFiles({ ...file, mimeType: 'application/pdf' });
  await page.getByRole('button', { name: 'Check this PDF' }).click();
  const report = page.getByRole('region', { name: `What the check found in ${file.name}` });
  await expect(report).toBeVisible();
  return report;
}

const signatures = (report: Locator) =>
  report
    .getByRole('list', { name: 'Signatures in this file, in the order they were made' })
    .getByRole('listitem')
    .filter({ has: report.page().getByRole('heading') });

async function openReviews(page: Page, host: RunningHost) {
  await page.goto(`${host.url}#/reviews`);
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible();
}

test('minutes sealed on one laptop, imported, countersigned and sent back from another, and imported back', async ({
  page,
  host,
  otherHost,
}) => {
  test.setTimeout(240_000);
  const a = host;
  const b = otherHost;
  const { review, minutes, fileName, pdf: sealed } = await sealedMinutes(a, 'Brightwater Care Ltd');

  // A: the minutes page shows the sealing key's fingerprint, grouped for reading aloud, and no countersignature yet.
  await page.goto(`${a.url}#/reviews/${review.id}/minutes`);
  await expect(page.getByRole('heading', { name: 'Sealed minutes' })).toBeVisible();
  const sealingKey = page.locator('.minutes-status .fingerprint__short');
  await expect(sealingKey).toHaveText(groupFingerprint(minutes.sealKey));
  const readOutByA = (await sealingKey.textContent())!;
  await page.getByText('Show the full fingerprint').first().click();
  await expect(page.locator('.minutes-status')).toContainText(groupFingerprint(minutes.sealKey, 'full'));
  await expect(page.getByText('Not countersigned yet.')).toBeVisible();
  await expectAxeClean(page);

  // B: checks the file first: one valid seal, by a key this case book has never seen.
  const pageB = await page.context().newPage();
  await openReviews(pageB, b);
  let report = await checkFile(pageB, { name: fileName, buffer: sealed });
  await expect(report).toContainText('The digital signature is valid.');
  await expect(signatures(report)).toHaveCount(1);
  const seal = signatures(report).first();
  await expect(seal.getByRole('heading')).toHaveText('1. Seal: valid');
  await expect(seal).toContainText('Brightwater Care Ltd (Relational Review seal), for Brightwater Care Ltd');
  await expect(seal).toContainText('ECDSA P-256 with SHA-256');
  await expect(seal).toContainText('A key this case book has never seen');
  await expect(seal.locator('.fingerprint__short')).toHaveText(readOutByA);
  await expect(report).toContainText('No minutes in this case book have this fingerprint.');
  await expectAxeClean(pageB);

  // B: imports it. The key has never been seen, so it asks for the fingerprint to be compared first.
  await pageB
    .getByLabel('Sealed minutes to import')
    .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: sealed });
  await pageB.getByRole('button', { name: 'Import these minutes' }).click();
  const confirm = pageB.getByRole('group', { name: `Confirm the key before importing ${fileName}` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('heading')).toBeFocused();
  await expect(confirm).toContainText('Brightwater Care Ltd: A key this case book has never seen.');
  await expect(confirm.locator('.fingerprint__short')).toHaveText(readOutByA);
  const compared = confirm.getByLabel('I have compared this fingerprint with the one Brightwater Care Ltd read out');
  // Not ticked: nothing is imported, and the message is beside the checkbox.
  await confirm.getByRole('button', { name: 'Import with this key accepted' }).click();
  await expect(
    confirm.getByText('Tick to say you have compared this fingerprint, or choose not to import these minutes.'),
  ).toBeVisible();
  await expect(compared).toBeFocused();
  await expect(compared).toHaveAttribute('aria-invalid', 'true');
  await expectAxeClean(pageB);
  expect(await b.call<unknown[]>('minutes.received')).toHaveLength(0);
  // By keyboard: tick, then import.
  await pageB.keyboard.press('Space');
  await expect(compared).toBeChecked();
  await confirm.getByRole('button', { name: 'Import with this key accepted' }).focus();
  await pageB.keyboard.press('Enter');
  await expect(
    pageB.getByText(
      `Imported “${review.title}”, sealed by Brightwater Care Ltd (Relational Review seal), Brightwater Care Ltd.`,
    ),
  ).toBeVisible();
  await expect(confirm).toBeHidden();

  // B: the received minutes, with their one signature, to countersign for the organisation that has not signed.
  const row = pageB.getByRole('row').filter({ hasText: review.title });
  await expect(row).toContainText('Sealed by Brightwater Care Ltd (Relational Review seal), for Brightwater Care Ltd');
  await expect(row.getByRole('button', { name: 'Countersign for Brightwater Care Ltd' })).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Export to send back' })).toHaveCount(0);
  await expectAxeClean(pageB);
  // Countersigning takes a moment: hold the answer back long enough to see the progress shown.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await pageB.route('**/api/minutes.countersign', async (route) => {
    await held;
    await route.continue();
  });
  await row.getByRole('button', { name: 'Countersign for Northshire County Council' }).click();
  await expect(row.getByRole('button', { name: 'Countersigning…' })).toBeDisabled();
  await expect(row.getByRole('status')).toHaveText(
    /^Countersigning for Northshire County Council: checking the file, then signing it\./,
  );
  release();
  await expect(row.getByRole('status')).toHaveText(
    'Countersigned for Northshire County Council. Export the file to send it back.',
    { timeout: 30_000 },
  );
  await pageB.unroute('**/api/minutes.countersign');
  await expect(row).toContainText(
    'Countersigned by Northshire County Council (Relational Review seal), for Northshire County Council',
  );
  await expect(row.getByRole('button', { name: /^Countersign for/ })).toHaveCount(0);
  const sendBack = row.getByRole('button', { name: 'Export to send back' });
  await expect(sendBack).toBeFocused();
  await expectAxeClean(pageB);
  const countersigned = await downloadedPdf(pageB, () => pageB.keyboard.press('Enter'));
  await expect(row.getByRole('status')).toHaveText(
    /^Downloaded minutes-.*\.pdf and minutes-.*\.eml\. Open the \.eml file/,
  );

  // B: the countersigned file checks: two valid signatures, both from keys B knows.
  report = await checkFile(pageB, { name: 'countersigned.pdf', buffer: countersigned });
  await expect(report).toContainText('All 2 digital signatures are valid.');
  await expect(signatures(report)).toHaveCount(2);
  await expect(signatures(report).nth(0)).toContainText('A key this case book knows for Brightwater Care Ltd');
  await expect(signatures(report).nth(1).getByRole('heading')).toHaveText('2. Countersignature: valid');
  await expect(signatures(report).nth(1)).toContainText('A key this case book knows for Northshire County Council');
  await expectAxeClean(pageB);

  // B: Settings lists both keys it knows; its own is the one Northshire reads out to A.
  await pageB.goto(`${b.url}#/settings`);
  const keysB = pageB.getByRole('table', { name: 'Keys this case book knows, by organisation' });
  await expect(keysB.getByRole('row').filter({ hasText: 'Brightwater Care Ltd' })).toContainText(
    'Accepted with minutes received, its fingerprint compared',
  );
  await expect(
    keysB.getByRole('row').filter({ hasText: 'Brightwater Care Ltd' }).locator('.fingerprint__short'),
  ).toHaveText(readOutByA);
  const ownKeyB = keysB.getByRole('row').filter({ hasText: 'Northshire County Council' });
  await expect(ownKeyB).toContainText('Made on this computer to seal minutes');
  const readOutByB = (await ownKeyB.locator('.fingerprint__short').textContent())!;
  await expectAxeClean(pageB);

  // A: checks the countersigned file: the seal by its own known key, the countersignature by a key never seen.
  await openReviews(page, a);
  report = await checkFile(page, { name: 'countersigned.pdf', buffer: countersigned });
  await expect(signatures(report)).toHaveCount(2);
  await expect(signatures(report).nth(0)).toContainText('A key this case book knows for Brightwater Care Ltd');
  await expect(signatures(report).nth(1)).toContainText('A key this case book has never seen');
  await expect(signatures(report).nth(1).locator('.fingerprint__short')).toHaveText(readOutByB);
  await expect(report).toContainText(`These are version 1 of the minutes of ${review.title} in this case book.`);
  await expectAxeClean(page);

  // A: imports it, comparing Northshire's fingerprint as read out, and the countersignature is recorded with A's minutes.
  await page
    .getByLabel('Sealed minutes to import')
    .setInputFiles({ name: 'countersigned.pdf', mimeType: 'application/pdf', buffer: countersigned });
  await page.getByRole('button', { name: 'Import these minutes' }).click();
  const confirmA = page.getByRole('group', { name: 'Confirm the key before importing countersigned.pdf' });
  await expect(confirmA).toContainText('Northshire County Council: A key this case book has never seen.');
  await expect(confirmA.locator('.fingerprint__short')).toHaveText(readOutByB);
  await expectAxeClean(page);
  await confirmA.getByLabel('I have compared this fingerprint with the one Northshire County Council read out').check();
  await confirmA.getByRole('button', { name: 'Import with this key accepted' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Countersigned by' })).toHaveText(
    'Countersigned by Northshire County Council: recorded with version 1 of these minutes.',
  );
  expect(await a.call<unknown[]>('minutes.received')).toHaveLength(0);
  await page.getByRole('link', { name: 'See the countersignature with version 1 of the minutes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Minutes: ${review.title}` })).toBeVisible();
  const countersignatures = page.getByRole('list', { name: 'Countersignatures' });
  await expect(countersignatures.getByRole('listitem')).toHaveCount(1);
  await expect(countersignatures).toContainText(
    /Countersigned by Northshire County Council \(Relational Review seal\), for Northshire County Council, \d{1,2} \w+ \d{4} at \d{2}:\d{2} (GMT|BST)\./,
  );
  await expect(countersignatures.locator('.fingerprint__short')).toHaveText(readOutByB);
  await expect(page.getByText('Not countersigned yet.')).toHaveCount(0);
  await expectAxeClean(page);

  // A: the countersigned file now checks with both keys known.
  await openReviews(page, a);
  report = await checkFile(page, { name: 'countersigned.pdf', buffer: countersigned });
  await expect(signatures(report).nth(0)).toContainText('A key this case book knows for Brightwater Care Ltd');
  await expect(signatures(report).nth(1)).toContainText('A key this case book knows for Northshire County Council');
  await expect(report.locator('.key-status--warning')).toHaveCount(0);

  // A changed file is refused, in plain words beside the import control; so is one with an update appended, and the same file twice.
  const importControl = page.getByLabel('Sealed minutes to import');
  await importControl.setInputFiles({
    name: 'changed.pdf',
    mimeType: 'application/pdf',
    buffer: withPageContentChanged(countersigned),
  });
  await page.getByRole('button', { name: 'Import these minutes' }).click();
  await expect(importControl).toHaveAccessibleDescription(
    /These minutes were not imported: This file is not valid: for signature 1 \(Brightwater Care Ltd\), the file has been changed since this signature was made/,
  );
  await expect(importControl).toBeFocused();
  await expectAxeClean(page);
  await importControl.setInputFiles({
    name: 'updated.pdf',
    mimeType: 'application/pdf',
    buffer: withIncrementalUpdate(countersigned),
  });
  await page.getByRole('button', { name: 'Import these minutes' }).click();
  // The hand-made update drops the information dictionary too, which is also named.
  await expect(importControl).toHaveAccessibleDescription(
    /^Error: These minutes were not imported: This file has been changed after signature 1 \(Brightwater Care Ltd\) was made: page 1[.;].* Only further signatures may be added to sealed minutes\.$/,
  );
  report = await checkFile(page, { name: 'updated.pdf', buffer: withIncrementalUpdate(countersigned) });
  await expect(report).toContainText('Not valid.');
  await expect(signatures(report).nth(0).getByRole('heading')).toHaveText('1. Seal: NOT valid');
  await expect(signatures(report).nth(0)).toContainText('Changed after it');
  await expect(signatures(report).nth(0)).toContainText('Page 1');
  await expect(report).not.toContainText('These are version');
  await expectAxeClean(page);
  // The same countersigned file again: already recorded, and said so.
  await importControl.setInputFiles({ name: 'countersigned.pdf', mimeType: 'application/pdf', buffer: countersigned });
  await page.getByRole('button', { name: 'Import these minutes' }).click();
  await expect(importControl).toHaveAccessibleDescription(
    'Error: This countersignature is already recorded with these minutes.',
  );
  const [recorded] = await a.call<{ countersignatures: unknown[] }[]>('minutes.forReview', { reviewId: review.id });
  expect(recorded!.countersignatures).toHaveLength(1);

  // A: Settings lists Northshire's key, accepted with the minutes; a key read out at a meeting can be added by hand.
  await page.goto(`${a.url}#/settings`);
  const keysA = page.getByRole('table', { name: 'Keys this case book knows, by organisation' });
  await expect(keysA.getByRole('row').filter({ hasText: 'Northshire County Council' })).toContainText(
    'Accepted with minutes received, its fingerprint compared',
  );
  await expect(keysA.getByRole('row').filter({ hasText: 'Brightwater Care Ltd' })).toContainText(
    'Made on this computer to seal minutes',
  );
  const addKey = page.getByRole('form', { name: 'Add a key read out at the meeting' });
  await addKey.getByLabel('Organisation').fill('Westfield Borough Council');
  await addKey.getByLabel('Fingerprint').fill('12ab 34cd');
  await addKey.getByRole('button', { name: 'Add this key' }).click();
  await expect(addKey.getByLabel('Fingerprint')).toHaveAccessibleDescription(
    /A fingerprint is 64 letters \(a to f\) and digits\. Check it and try again\./,
  );
  await expectAxeClean(page);
  const readOut = 'AB:CD:'.repeat(11) + '0123 4567 89ab cdef 0011';
  await addKey.getByLabel('Fingerprint').fill(readOut);
  await addKey.getByRole('button', { name: 'Add this key' }).click();
  await expect(addKey.getByRole('status')).toHaveText(
    'This case book now knows the key abcd abcd abcd abcd abcd for Westfield Borough Council.',
  );
  await expect(keysA.getByRole('row').filter({ hasText: 'Westfield Borough Council' })).toContainText(
    'Typed in from the fingerprint read out',
  );
});

test('a countersigned file: pdfsig sees two valid signatures', async ({ host, otherHost }, testInfo) => {
  test.skip(!pdfsigAvailable, 'pdfsig (poppler-utils) is not installed');
  test.setTimeout(120_000);
  const { pdf } = await sealedMinutes(host, 'Brightwater Care Ltd');
  const base64 = pdf.toString('base64');
  const { keysToConfirm } = await otherHost.call<{ keysToConfirm: string[] }>('minutes.verify', { pdf: base64 });
  const imported = await otherHost.call<{ received: { id: string } }>('minutes.import', {
    pdf: base64,
    fileName: 'sealed.pdf',
    acceptKeys: keysToConfirm,
  });
  await otherHost.call('minutes.countersign', {
    receivedId: imported.received.id,
    organisation: 'Northshire County Council',
  });
  const exported = await otherHost.call<{ files: { mediaType: string; base64: string }[] }>('minutes.exportReceived', {
    receivedId: imported.received.id,
  });
  const file = testInfo.outputPath('countersigned.pdf');
  writeFileSync(file, Buffer.from(exported.files.find((f) => f.mediaType === 'application/pdf')!.base64, 'base64'));

  // pdfsig exits 0 whatever it finds: read what it says.
  const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  expect(result.stdout).toContain('Signature #1:');
  expect(result.stdout).toContain('Signature #2:');
  expect(result.stdout).not.toContain('Signature #3:');
  expect(result.stdout.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
  expect(result.stdout).toContain('Signer Certificate Common Name: Brightwater Care Ltd (Relational Review seal)');
  expect(result.stdout).toContain('Signer Certificate Common Name: Northshire County Council (Relational Review seal)');
});

test('a new key for an organisation known by another, or a key known for another organisation, is a warning', async ({
  page,
  host,
  otherHost,
}) => {
  test.setTimeout(120_000);
  const { fileName, pdf, minutes } = await sealedMinutes(host, 'Brightwater Care Ltd');
  const file = { name: fileName, buffer: pdf };
  // B already knows Brightwater by another key.
  await otherHost.call('signing.confirmKey', { organisation: 'Brightwater Care Ltd', fingerprint: 'e'.repeat(64) });
  await openReviews(page, otherHost);
  let report = await checkFile(page, file);
  const warning = report.locator('.key-status--warning');
  await expect(warning).toHaveText(
    'Warning: A NEW key for Brightwater Care Ltd: this case book knows Brightwater Care Ltd by another key',
  );
  await expect(warning).toBeVisible();
  await expectAxeClean(page);
  await page.getByLabel('Sealed minutes to import').setInputFiles({ ...file, mimeType: 'application/pdf' });
  await page.getByRole('button', { name: 'Import these minutes' }).click();
  const confirm = page.getByRole('group', { name: `Confirm the key before importing ${fileName}` });
  await expect(confirm).toContainText(
    'Brightwater Care Ltd: Warning: A NEW key for Brightwater Care Ltd: this case book knows Brightwater Care Ltd by another key.',
  );
  await expect(confirm.locator('.fingerprint__short')).toHaveText(groupFingerprint(minutes.sealKey));
  await confirm.getByRole('button', { name: 'Do not import' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Not imported: nothing has changed.')).toBeVisible();
  expect(await otherHost.call<unknown[]>('minutes.received')).toHaveLength(0);

  // This very key, known for another organisation.
  await otherHost.call('signing.confirmKey', { organisation: 'Oakwood Trust', fingerprint: minutes.sealKey });
  report = await checkFile(page, { ...file, name: 'again.pdf' });
  await expect(report.locator('.key-status--warning')).toHaveText(
    'Warning: A key this case book knows for Oakwood Trust, not for Brightwater Care Ltd',
  );
  await expectAxeClean(page);
});
