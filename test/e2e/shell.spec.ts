import { expect, expectAxeClean, test } from './fixtures';

// The overview opens first, so it is visited last, coming back to it.
const screens = [
  { link: 'Case book', heading: 'Case book' },
  { link: 'Reviews', heading: 'Reviews' },
  { link: 'Visits', heading: 'Visits' },
  { link: 'Deck', heading: 'Decks' },
  { link: 'Settings', heading: 'Settings' },
  { link: 'Overview', heading: 'Overview' },
];

test('every screen is reached by keyboard, announces itself and is axe-clean', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();

  for (const screen of screens) {
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen.link });
    await link.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: screen.heading });
    await expect(heading).toBeFocused();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveTitle(`${screen.heading} – Relational Review`);
    await expectAxeClean(page);
  }
});

test('settings show where the case book lives', async ({ page, host }) => {
  await page.goto(`${host.url}#/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByText(`${host.dataDir}/casebook.sqlite`)).toBeVisible();
});

test('the page loads nothing from outside the app', async ({ page, host }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`http://127.0.0.1:${host.port}/`)) foreign.push(request.url());
  });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  // The event stream stays open, so wait for the fonts and the first data rather than for silence.
  await page.evaluate(() => document.fonts.ready);
  await expect(page.getByText('No reviews are due.')).toBeVisible();
  // The case book's screen too, with its counts.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case book' }).click();
  await expect(page.getByText('0 in use')).toHaveCount(4);
  expect(foreign).toEqual([]);
});
