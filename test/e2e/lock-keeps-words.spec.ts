import { expect, expectAxeClean, test } from './fixtures';
import { reviewReadyToRun } from './session-steps';

test('words typed but not yet saved are in the minutes when they are locked', async ({ page, host }) => {
  const { review } = await reviewReadyToRun(host);
  await host.call('sessions.conclude', { reviewId: review.id });

  await page.goto(`${host.url}#/reviews/${review.id}/minutes`);
  const words = page.getByRole('form', { name: 'The words of the minutes' });
  await words.getByLabel('Summary').fill('Typed at the last moment, and never saved by hand.');
  await words.getByLabel('What was said in Dream').fill('A kitchen the young people plan with staff.');
  // Straight to Lock, without "Save the words".
  await page.getByRole('button', { name: 'Lock the minutes for signing' }).click();
  await expect(page.getByText('Locked for signing')).toBeVisible();
  const minutes = page.getByRole('article', { name: 'The minutes' });
  await expect(minutes).toContainText('Typed at the last moment, and never saved by hand.');
  await expect(minutes).toContainText('A kitchen the young people plan with staff.');
  await expectAxeClean(page);

  const [locked] = await host.call<{ content: { summary: string } }[]>('minutes.forReview', { reviewId: review.id });
  expect(locked!.content.summary).toBe('Typed at the last moment, and never saved by hand.');
});
