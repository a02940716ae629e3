import { readFileSync } from 'node:fs';
import { expect, expectAxeClean, test } from './fixtures';
import { reviewReadyToRun } from './session-steps';

test('minutes: words, lock, a drawn and a typed signature, seal, export, verify, tamper, amend', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  const { review } = await reviewReadyToRun(host);
  const people = await host.call<{ id: string; name: string }[]>('people.list');
  const person = (name: string) => people.find((p) => p.name === name)!.id;
  await host.call('sessions.addParticipant', {
    reviewId: review.id,
    personId: person('Sam Okoro'),
    name: 'Sam Okoro',
    role: 'Commissioning officer',
    organisation: 'Northshire County Council',
    side: 'commissioner',
    attendance: 'present',
  });
  await host.call('sessions.addParticipant', {
    reviewId: review.id,
    personId: person('Priya Shah'),
    name: 'Priya Shah',
    role: 'Registered manager',
    organisation: 'Brightwater Care Ltd',
    side: 'provider',
    attendance: 'present',
  });
  await host.call('notes.save', {
    id: crypto.randomUUID(),
    reviewId: review.id,
    stage: 'discover',
    side: 'provider',
    kind: 'story',
    text: 'AB12 cooked for everyone on Sunday.',
  });
  await host.call('actions.save', {
    reviewId: review.id,
    text: 'Share the education plan with the home',
    ownerSide: 'commissioner',
    dueDate: '2027-01-15',
  });
  await host.call('sessions.conclude', { reviewId: review.id });

  await page.goto(`${host.url}#/reviews/${review.id}`);
  await page.getByRole('link', { name: 'Minutes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Minutes: ${review.title}` })).toBeVisible();
  await expect(page.getByRole('article', { name: 'The minutes' })).toContainText('AB12 cooked for everyone on Sunday.');
  await expectAxeClean(page);

  const words = page.getByRole('form', { name: 'The words of the minutes' });
  await words.getByLabel('Summary').fill('A warm and honest review: cooking has become AB12’s way in.');
  await words.getByRole('button', { name: 'Save the words' }).click();
  await expect(words.getByRole('status')).toHaveText('The words are saved.');
  await page.getByRole('button', { name: 'Lock the minutes for signing' }).click();
  await expect(page.getByText('Locked for signing')).toBeVisible();
  const fingerprint = (await page.locator('.minutes-status code').textContent())!;
  expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);

  // The commissioner draws a signature with the mouse.
  await page.getByRole('button', { name: 'Sign for the commissioner' }).click();
  const commissioner = page.getByRole('group', { name: 'Signature for the commissioner' });
  await expect(commissioner.getByLabel('Your full name')).toHaveValue('Sam Okoro');
  await commissioner.getByRole('button', { name: 'Sign for the commissioner' }).click();
  await expect(commissioner.getByText('Draw your signature in the box, or choose to type it instead.')).toBeVisible();
  const pad = commissioner.getByRole('img', { name: 'Draw your signature in the box' });
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let x = 20; x < 220; x += 20)
    await page.mouse.move(box.x + x, box.y + box.height / 2 + (x % 40 === 0 ? 20 : -20));
  await page.mouse.up();
  await commissioner.getByLabel('I agree these minutes are an accurate record of the meeting.').check();
  await expectAxeClean(page);
  await commissioner.getByRole('button', { name: 'Sign for the commissioner' }).click();
  await expect(page.getByText(/Signed by Sam Okoro for the commissioner.*\(drawn signature\)/)).toBeVisible();

  // The provider signs by keyboard alone, typing their name as their signature.
  await page.getByRole('button', { name: 'Sign for the provider' }).focus();
  await page.keyboard.press('Enter');
  const provider = page.getByRole('group', { name: 'Signature for the provider' });
  await provider.getByLabel('Your full name').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Priya Shah');
  await provider.getByLabel('Type my name as my signature instead of drawing it').focus();
  await page.keyboard.press('Space');
  await provider.getByLabel('I agree these minutes are an accurate record of the meeting.').focus();
  await page.keyboard.press('Space');
  await provider.getByRole('button', { name: 'Sign for the provider' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Signed by Priya Shah for the provider.*\(typed signature\)/)).toBeVisible();

  // Seal, then export the PDF and the email draft.
  await page.getByLabel('Brightwater Care Ltd').check();
  await expectAxeClean(page);
  await page.getByRole('button', { name: 'Seal the minutes' }).click();
  await expect(page.getByRole('heading', { name: 'Sealed minutes' })).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByText(/by Brightwater Care Ltd \(Relational Review seal\), Brightwater Care Ltd$/),
  ).toBeVisible();
  const sealingKey = (await page.locator('.minutes-status .fingerprint__short').textContent())!;
  expect(sealingKey).toMatch(/^([0-9a-f]{4} ){4}[0-9a-f]{4}$/);
  const downloads: string[] = [];
  page.on('download', async (download) => downloads.push(await download.path()));
  await page.getByRole('button', { name: 'Export the PDF and an email draft' }).click();
  await expect(page.getByText(/^Downloaded minutes-.*\.pdf and minutes-.*\.eml\./)).toBeVisible();
  await expect.poll(() => downloads.length).toBe(2);
  const pdfPath = downloads.find((file) => readFileSync(file).subarray(0, 5).toString() === '%PDF-')!;
  await expectAxeClean(page);

  // Verify the file, then a copy with one byte changed.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
  await page.getByLabel('PDF to check').setInputFiles(pdfPath);
  await page.getByRole('button', { name: 'Check this PDF' }).click();
  const report = page.locator('.verify-report');
  await expect(report).toContainText('The digital signature is valid.');
  await expect(report).toContainText('1. Seal: valid');
  await expect(report).toContainText('Brightwater Care Ltd (Relational Review seal), for Brightwater Care Ltd');
  await expect(report).toContainText('A key this case book knows for Brightwater Care Ltd');
  await expect(report.locator('.fingerprint__short')).toHaveText(sealingKey);
  await expect(report).toContainText(fingerprint);
  await expect(report).toContainText(`These are version 1 of the minutes of ${review.title} in this case book.`);
  await expectAxeClean(page);
  const tampered = readFileSync(pdfPath);
  tampered[tampered.indexOf('Oakwood')] = 'X'.charCodeAt(0);
  await page
    .getByLabel('PDF to check')
    .setInputFiles({ name: 'tampered.pdf', mimeType: 'application/pdf', buffer: tampered });
  await page.getByRole('button', { name: 'Check this PDF' }).click();
  await expect(report).toContainText(
    'Not valid. This file is not valid: for signature 1 (Brightwater Care Ltd), the file has been changed since this signature was made',
  );
  await expect(report).toContainText('1. Seal: NOT valid');
  await expect(report).not.toContainText('These are version');
  await expectAxeClean(page);

  // Amend: version 2 is a draft; version 1 stays sealed.
  await page.goto(`${host.url}#/reviews/${review.id}/minutes`);
  await page.getByRole('button', { name: 'Amend: make version 2' }).click();
  await expect(page.getByRole('button', { name: 'Version 2 (draft)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Version 1 (sealed)' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'The words of the minutes' }).getByLabel('Summary')).toHaveValue(
    'A warm and honest review: cooking has become AB12’s way in.',
  );
  await expectAxeClean(page);
});
