import { expect, expectAxeClean, test } from './fixtures';
import { reviewReadyToRun } from './session-steps';

test('reviews of the same placement are told apart by their day, in the list, the home’s history and their pages', async ({
  page,
  host,
}) => {
  test.setTimeout(60_000);
  const { review, home } = await reviewReadyToRun(host);
  const earlier = `${review.title}, 3 June 2026`;
  const latest = `${review.title}, 3 December 2026`;

  await page.goto(`${host.url}#/reviews`);
  const list = page.getByRole('table', { name: 'Reviews' });
  await expect(list.getByRole('link', { name: earlier, exact: true })).toBeVisible();
  await expect(list.getByRole('link', { name: latest, exact: true })).toBeVisible();
  await expectAxeClean(page);

  await page.goto(`${host.url}#/casebook/homes/${home.id}`);
  const history = page.getByRole('table', { name: 'Reviews' });
  await expect(history.getByRole('link', { name: earlier, exact: true })).toBeVisible();
  await history.getByRole('link', { name: latest, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(latest);
  await expect(page).toHaveTitle(`${latest} – Relational Review`);

  await page.getByRole('link', { name: 'Run this review' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(latest);
});
