import { expect, expectAxeClean, test } from './fixtures';
import { reviewReadyToRun } from './session-steps';

// A browser set up for the United States, where a date input would put the month first.
test.use({ locale: 'en-US', timezoneId: 'Europe/London' });

test('dates are typed and shown day, month, year in a browser set to en-US', async ({ page, host }) => {
  test.setTimeout(90_000);
  const { review } = await reviewReadyToRun(host);
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');

  // The review's own dates: shown as the case book holds them, read as typed.
  await page.goto(`${host.url}#/reviews/${review.id}/edit`);
  const form = page.getByRole('form', { name: 'Change review' });
  const when = form.getByLabel('Date and time');
  await expect(when).toHaveAttribute('type', 'text');
  await expect(when).toHaveValue('03/12/2026 10:00');
  const next = form.getByLabel('Next review (optional)');
  await expect(next).toHaveAttribute('type', 'text');
  await next.fill('03/06/2027');
  await expectAxeClean(page);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('3 December 2026 at 10:00')).toBeVisible();
  await expect(page.getByText('3 June 2027')).toBeVisible();
  await expect(page.getByText('6 March 2027')).toHaveCount(0);

  // A date that is not one is explained beside its field, in the same order.
  await page.goto(`${host.url}#/reviews/${review.id}/edit`);
  await expect(page.getByLabel('Next review (optional)')).toHaveValue('03/06/2027');
  await page.getByLabel('Next review (optional)').fill('31/02/2027');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Enter the date of the next review, for example 27/03/2026.')).toBeVisible();

  // An action's date in the room.
  await page.goto(`${host.url}#/reviews/${review.id}/run`);
  const actions = page.getByRole('group', { name: 'Add an action' });
  await actions.getByLabel('What will be done').fill('Share the education plan with the home');
  await actions.getByLabel('Who will do it').selectOption({ label: 'The commissioner' });
  await expect(actions.getByLabel('By when (optional)')).toHaveAttribute('type', 'text');
  await actions.getByLabel('By when (optional)').fill('01/02/2027');
  await actions.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByRole('region', { name: 'Actions' })).toContainText('by 1 February 2027');
  const session = await host.call<{ actions: { dueDate: string }[] }>('sessions.get', { reviewId: review.id });
  expect(session.actions.map((action) => action.dueDate)).toEqual(['2027-02-01']);
  await expectAxeClean(page);
});
