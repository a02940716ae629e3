import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MinutesExport, MinutesVersion } from '@shared/domain/minutes';
import type { Session } from '@shared/domain/sessions';
import { addHome, addOrganisation } from './casebook-steps';
import { expect, test } from './fixtures';
import { reviewReadyToRun } from './session-steps';

/** Script in every shape a person could type or paste: if any of it ran, window.__pwned would be set. */
const inNote = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const inConcern = 'Worried: <svg onload="window.__pwned=3"></svg><script>window.__pwned=4</script> "); alert(1); //';
const inReason = '<iframe src="javascript:window.__pwned=5"></iframe> no action: handled';
const inSummary = '<a href="javascript:window.__pwned=6">summary</a><style>*{display:none}</style>';
const inOrganisation = '<img src=x onerror="window.__pwned=7">Mallory Care<script>window.__pwned=8</script>';
const inHome = '<details open ontoggle="window.__pwned=9">Mallory House</details>';

async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

test('script typed into notes, names and minutes is shown as text and never runs, in the app or the sealed PDF', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });

  const { review } = await reviewReadyToRun(host);
  const people = await host.call<{ id: string; name: string }[]>('people.list');
  const person = (name: string) => people.find((p) => p.name === name)!.id;
  await host.call('sessions.addParticipant', {
    reviewId: review.id,
    personId: person('Sam Okoro'),
    name: 'Sam Okoro',
    side: 'commissioner',
    attendance: 'present',
  });
  await host.call('sessions.addParticipant', {
    reviewId: review.id,
    personId: person('Priya Shah'),
    name: 'Priya Shah',
    side: 'provider',
    attendance: 'present',
  });

  // Notes typed into the running review.
  await page.goto(`${host.url}#/reviews/${review.id}`);
  await page.getByRole('link', { name: 'Carry on with this review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: review.title })).toBeVisible();
  await host.call('sessions.stage', { reviewId: review.id, stage: 'discover' });
  await expect(page.getByRole('heading', { name: 'Notes in Discover' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a note for the commissioner' }).click();
  await page.keyboard.type(inNote);
  await page.getByRole('button', { name: 'Add a note for the provider' }).click();
  await page.keyboard.type(inConcern);
  await page.getByLabel('Kind').last().selectOption({ label: 'Concern' });
  await expect(page.getByText('Saved')).toHaveCount(2);
  const noteBoxes = page.locator('ol.notes textarea');
  await expect(noteBoxes.nth(0)).toHaveValue(inNote);
  await expect(noteBoxes.nth(1)).toHaveValue(inConcern);
  const concerns = page.getByRole('region', { name: 'Concerns (1)' });
  await expect(concerns.getByText(inConcern, { exact: true })).toBeVisible();
  await expectNothingRan(page);

  // The same text, saved, comes back as text after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Notes in Discover' })).toBeVisible();
  await expect(noteBoxes.nth(0)).toHaveValue(inNote);
  await expect(page.getByRole('region', { name: 'Concerns (1)' }).getByText(inConcern, { exact: true })).toBeVisible();
  await expectNothingRan(page);

  // An organisation and a home named with script, through the forms; their pages; a search for them.
  await addOrganisation(page, inOrganisation, 'Provider');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(inOrganisation);
  await expectNothingRan(page);
  await addHome(page, inHome, 'SC654321', inOrganisation);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(inHome);
  await expect(page.getByText(inOrganisation, { exact: true }).first()).toBeVisible();
  await expectNothingRan(page);
  const organisations = await host.call<{ id: string; name: string }[]>('organisations.list');
  const organisation = organisations.find((o) => o.name === inOrganisation)!;
  await page.goto(`${host.url}#/casebook/organisations/${organisation.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(inOrganisation);
  await expect(page.getByRole('link', { name: inHome })).toBeVisible();
  await expectNothingRan(page);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case book' }).click();
  const search = page.getByLabel('Search the case book');
  await search.fill('Mallory');
  await expect(page.getByRole('status').filter({ hasText: 'found for' })).toHaveText(/found for “Mallory”/);
  await expect(page.getByRole('link', { name: inOrganisation })).toBeVisible();
  await expect(page.getByRole('link', { name: inHome })).toBeVisible();
  await expectNothingRan(page);
  // The script itself as the query: words are found, nothing runs, and the query is echoed as text.
  await search.fill(inNote);
  await expect(page.getByRole('status').filter({ hasText: 'for' })).toContainText(`for “${inNote}”`);
  await expectNothingRan(page);
  await search.fill('pwned');
  await expect(page.getByRole('status').filter({ hasText: 'for' })).toContainText('for “pwned”');
  await expectNothingRan(page);

  // Conclude; lock, sign and seal the minutes with script in their words.
  const session = await host.call<Session>('sessions.get', { reviewId: review.id });
  const concern = session.notes.find((note) => note.kind === 'concern')!;
  expect(concern.text).toBe(inConcern);
  await host.call('notes.concernReason', { reviewId: review.id, noteId: concern.id, reason: inReason });
  await host.call('sessions.conclude', { reviewId: review.id });
  const [draft] = await host.call<MinutesVersion[]>('minutes.forReview', { reviewId: review.id });
  await host.call('minutes.saveProse', { minutesId: draft!.id, summary: inSummary });
  const locked = await host.call<MinutesVersion>('minutes.lock', { minutesId: draft!.id });
  const sign = { minutesId: locked.id, agreed: true, fingerprint: locked.fingerprint, image: null };
  await host.call('minutes.sign', { ...sign, side: 'commissioner', name: 'Sam Okoro' });
  await host.call('minutes.sign', { ...sign, side: 'provider', name: 'Priya Shah' });
  const sealed = await host.call<MinutesVersion>('minutes.seal', {
    minutesId: locked.id,
    organisation: 'Brightwater Care Ltd',
  });
  expect(sealed.status).toBe('sealed');

  // The minutes page shows every piece of it as text.
  await page.goto(`${host.url}#/reviews/${review.id}/minutes`);
  const minutes = page.getByRole('article', { name: 'The minutes' });
  await expect(minutes).toBeVisible();
  for (const text of [inNote, inConcern, inReason, inSummary]) await expect(minutes).toContainText(text);
  await expectNothingRan(page);

  // The sealed PDF: the words are there as text, and there is no JavaScript in the file.
  const exported = await host.call<MinutesExport>('minutes.export', { minutesId: sealed.id });
  const pdf = Buffer.from(exported.files.find((file) => file.mediaType === 'application/pdf')!.base64, 'base64');
  const dir = mkdtempSync(path.join(tmpdir(), 'rr-hostile-'));
  try {
    const file = path.join(dir, 'minutes.pdf');
    writeFileSync(file, pdf);
    // Lines may wrap anywhere in a long run without spaces: compare with all white space taken out.
    const squeezed = (text: string) => text.replace(/\s+/g, '');
    const text = squeezed(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'));
    for (const hostile of [inNote, inConcern, inReason, inSummary]) expect(text).toContain(squeezed(hostile));
    expect(execFileSync('pdfinfo', ['-js', file]).toString()).not.toMatch(/javascript|window\.__pwned|alert/i);
    // In the bytes as written, and with every stream uncompressed and every object stream opened.
    const expanded = path.join(dir, 'expanded.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, expanded]);
    for (const bytes of [pdf, readFileSync(expanded)]) {
      const raw = bytes.toString('latin1');
      expect(raw).not.toMatch(/\/JavaScript\b/);
      expect(raw).not.toMatch(/\/JS\b/);
      expect(raw).not.toMatch(/\/(OpenAction|AA)\s*<</);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  expect(dialogs).toEqual([]);
});
