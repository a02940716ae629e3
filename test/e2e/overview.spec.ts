import { expect, expectAxeClean, e2ePassphrase, test } from './fixtures';
import { placementAtHome, sealedMinutes } from './session-steps';

/** The day `days` before today, as the core takes dates (YYYY-MM-DD). */
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

test('after unlock, the overview lists the overdue action with its owner and the review due, and each line opens its record', async ({
  page,
  host,
}) => {
  const { provider, home, placement } = await placementAtHome(host, daysAgo(400));
  const person = await host.call<{ id: string }>('people.create', {
    name: 'Priya Shah',
    role: 'Registered manager',
    organisationId: provider.id,
  });
  const review = await host.call<{ id: string; title: string }>('reviews.create', {
    scope: 'placement',
    placementId: placement.id,
    scheduledFor: `${daysAgo(200)}T10:00:00Z`,
    nextReviewDate: daysAgo(10),
  });
  await host.call('actions.save', {
    reviewId: review.id,
    text: 'Book AB12’s dental check-up',
    ownerPersonId: person.id,
    dueDate: daysAgo(5),
  });
  await host.call('sessions.conclude', { reviewId: review.id });

  // Locked, then unlocked: the overview is the first screen.
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Lock' }).click();
  const unlock = page.getByRole('form', { name: 'Unlock' });
  await unlock.getByLabel('Passphrase').fill(e2ePassphrase);
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

  const reviews = page.getByRole('region', { name: /Reviews due or overdue/ });
  await expect(reviews.getByRole('heading', { level: 2 })).toHaveText(/Reviews due or overdue\W*1/);
  const reviewLink = reviews.getByRole('link', { name: new RegExp(`^${review.title}`) });
  await expect(reviewLink).toBeVisible();
  await expect(reviews.getByText(/Next review overdue: it was due by \d{1,2} [A-Z][a-z]+ \d{4}\./)).toBeVisible();

  const actions = page.getByRole('region', { name: /Actions overdue or due soon/ });
  const actionLink = actions.getByRole('link', { name: 'Book AB12’s dental check-up' });
  await expect(actionLink).toBeVisible();
  await expect(actions.getByText(/Overdue: it was due by .*\. Owner: Priya Shah\./)).toBeVisible();

  const homes = page.getByRole('region', { name: /Homes not visited for 90 days/ });
  await expect(homes.getByRole('listitem')).toHaveText(/Oakwood House, Brightwater Care Ltd\s*Never visited\./);
  const minutes = page.getByRole('region', { name: /Minutes awaiting/ });
  await expect(minutes.getByText('No sealed minutes are awaiting a countersignature.')).toBeVisible();
  await expectAxeClean(page);

  // By keyboard: the action opens the review that agreed it.
  await actionLink.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/reviews/${review.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(review.title);

  await page.goBack();
  await reviewLink.click();
  await expect(page).toHaveURL(new RegExp(`#/reviews/${review.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(review.title);

  await page.goBack();
  await homes.getByRole('link', { name: 'Oakwood House' }).click();
  await expect(page).toHaveURL(new RegExp(`#/casebook/homes/${home.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Oakwood House' })).toBeVisible();
});

test('sealed minutes awaiting the other organisation’s countersignature open from the overview', async ({
  page,
  host,
}) => {
  const { review } = await sealedMinutes(host);
  await page.goto(host.url);
  const minutes = page.getByRole('region', { name: /Minutes awaiting/ });
  await expect(minutes.getByText(/awaiting the countersignature of Northshire County Council\./)).toBeVisible();
  await minutes.getByRole('link', { name: /^Minutes of .*, version 1$/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/reviews/${review.id}/minutes$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Minutes');
});
