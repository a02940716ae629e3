import { defaultTimeBoxes } from '@shared/domain/sessions';
import { addOrganisation, openCaseBookSection } from './casebook-steps';
import { expect, expectAxeClean, test } from './fixtures';
import { bothSidesPresent, reviewReadyToRun } from './session-steps';

// A browser set up for the United States, where a date input would put the month first.
test.use({ locale: 'en-US', timezoneId: 'Europe/London' });

test('case-book forms take dates day, month, year, start empty again, and hand the keyboard to what was added', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  await page.goto(host.url);
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');

  // An organisation: the keyboard lands on the new record's heading; the next form is empty.
  await addOrganisation(page, 'Northshire County Council', 'Local authority');
  await expect(page.getByRole('heading', { level: 1, name: 'Northshire County Council' })).toBeFocused();
  await openCaseBookSection(page, 'Organisations');
  await page.getByRole('link', { name: 'Add an organisation' }).click();
  const organisation = page.getByRole('form', { name: 'Add an organisation' });
  await expect(organisation.getByLabel('Name')).toHaveValue('');
  await organisation.getByLabel('Name').fill('Brightwater Care Ltd');
  await organisation.getByLabel('Kind').selectOption({ label: 'Provider' });
  await organisation.getByRole('button', { name: 'Add organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brightwater Care Ltd' })).toBeFocused();

  // A home, with its inspection dates typed day first.
  await openCaseBookSection(page, 'Children’s homes');
  await page.getByRole('link', { name: 'Add a home' }).click();
  let home = page.getByRole('form', { name: 'Add a home' });
  await home.getByLabel('Name of the home').fill('Oakwood House');
  await home.getByLabel('Ofsted URN').fill('SC123456');
  await home.getByLabel('Judgement', { exact: true }).selectOption({ label: 'Good' });
  const judged = home.getByLabel('Date of the judgement');
  await expect(judged).toHaveAttribute('type', 'text');
  await judged.fill('03/12/2025');
  await home.getByLabel('Latest Regulation 44 visit (optional)').fill('02/11/2026');
  await expectAxeClean(page);
  await home.getByRole('button', { name: 'Add home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oakwood House' })).toBeFocused();
  await expect(page.getByText('Good, 3 December 2025')).toBeVisible();
  await expect(page.getByText('2 November 2026')).toBeVisible();
  await expect(page.getByText('12 March 2025')).toHaveCount(0);
  await page.getByRole('link', { name: 'Change details' }).click();
  home = page.getByRole('form', { name: 'Change home' });
  await expect(home.getByLabel('Date of the judgement')).toHaveValue('03/12/2025');
  await expect(home.getByLabel('Latest Regulation 44 visit (optional)')).toHaveValue('02/11/2026');
  await home.getByLabel('Latest Regulation 45 review (optional)').fill('31/02/2026');
  await home.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    home.getByText('Enter the date of the latest Regulation 45 review, for example 27 March 2026.'),
  ).toBeVisible();
  // Leaving with the unsaved date asks first.
  page.once('dialog', (dialog) => void dialog.accept());
  await home.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oakwood House' })).toBeVisible();

  await openCaseBookSection(page, 'Children’s homes');
  await page.getByRole('link', { name: 'Add a home' }).click();
  home = page.getByRole('form', { name: 'Add a home' });
  await expect(home.getByLabel('Name of the home')).toHaveValue('');
  await expect(home.getByLabel('Date of the judgement')).toHaveValue('');

  // A placement, started on the fifth of January (not the first of May).
  await openCaseBookSection(page, 'Placements');
  await page.getByRole('link', { name: 'Add a placement' }).click();
  let placement = page.getByRole('form', { name: 'Add a placement' });
  await placement.getByLabel('Child reference').fill('AB12');
  await placement.getByLabel('Status').selectOption({ label: 'Current' });
  await expect(placement.getByLabel('Start date')).toHaveAttribute('type', 'text');
  await placement.getByLabel('Start date').fill('05/01/2026');
  await expectAxeClean(page);
  await placement.getByRole('button', { name: 'Add placement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Placement: AB12' })).toBeFocused();
  await expect(page.getByText('5 January 2026')).toBeVisible();
  await page.getByRole('link', { name: 'Change details' }).click();
  placement = page.getByRole('form', { name: 'Change placement' });
  await expect(placement.getByLabel('Start date')).toHaveValue('05/01/2026');
  await placement.getByLabel('Status').selectOption({ label: 'Ended' });
  await placement.getByLabel('End date').fill('04/01/2026');
  await placement.getByRole('button', { name: 'Save changes' }).click();
  await expect(placement.getByText('The end date must be on or after the start date.')).toBeVisible();
  await placement.getByLabel('End date').fill('1 March 2027');
  await placement.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('1 March 2027')).toBeVisible();
  const saved = await host.call<{ startDate: string; endDate: string }[]>('placements.list', {});
  expect(saved.map((p) => [p.startDate, p.endDate])).toEqual([['2026-01-05', '2027-03-01']]);
  await openCaseBookSection(page, 'Placements');
  await page.getByRole('link', { name: 'Add a placement' }).click();
  await expect(page.getByRole('form', { name: 'Add a placement' }).getByLabel('Child reference')).toHaveValue('');

  // A person.
  await openCaseBookSection(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  const person = page.getByRole('form', { name: 'Add a person' });
  await person.getByLabel('Name').fill('Priya Shah');
  await person.getByLabel('Role (optional)').fill('Registered manager');
  await person.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeFocused();
  await openCaseBookSection(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await expect(page.getByRole('form', { name: 'Add a person' }).getByLabel('Name')).toHaveValue('');
  await expect(page.getByRole('form', { name: 'Add a person' }).getByLabel('Role (optional)')).toHaveValue('');
});

test('sealed minutes say Sealed, the keyboard follows signing and sealing, and the next review starts from the last', async ({
  page,
  host,
}) => {
  test.setTimeout(150_000);
  const { review, placement } = await reviewReadyToRun(host);
  await host.call('sessions.plan', {
    reviewId: review.id,
    affirmativeTopic: 'Days that go well for AB12',
    apologies: '',
    deckId: 'relational-commissioning',
    timeBoxes: defaultTimeBoxes,
  });
  await bothSidesPresent(host, review.id);
  await host.call('sessions.addParticipant', {
    reviewId: review.id,
    name: 'Jo Reid',
    side: 'commissioner',
    attendance: 'apologies',
  });
  await host.call('sessions.conclude', { reviewId: review.id });
  const [draft] = await host.call<{ id: string }[]>('minutes.forReview', { reviewId: review.id });
  await host.call('minutes.lock', { minutesId: draft!.id });

  // Each signature, drawn or typed, takes the keyboard to itself in the list; the seal, to the sealed minutes.
  await page.goto(`${host.url}#/reviews/${review.id}/minutes`);
  for (const side of ['commissioner', 'provider'] as const) {
    await page.getByRole('button', { name: `Sign for the ${side}` }).click();
    const signer = page.getByRole('group', { name: `Signature for the ${side}` });
    await signer.getByLabel('Type my name as my signature instead of drawing it').check();
    await signer.getByLabel('I agree these minutes are an accurate record of the meeting.').check();
    await signer.getByRole('button', { name: `Sign for the ${side}` }).focus();
    await page.keyboard.press('Enter');
    const added = page.locator(`#signature-${side}`);
    await expect(added).toBeFocused();
    await expect(added).toContainText(`for the ${side}`);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('LI');
  }
  await page.getByLabel('Brightwater Care Ltd').check();
  await page.getByRole('button', { name: 'Seal the minutes' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sealed minutes' })).toBeFocused({ timeout: 30_000 });
  await expectAxeClean(page);

  // The review reads Sealed in the list and on its page; the earlier one, without sealed minutes, Concluded.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
  const reviews = page.getByRole('table', { name: 'Reviews' });
  await expect(reviews.getByRole('row').filter({ hasText: '3 December 2026' })).toContainText('Sealed');
  await expect(reviews.getByRole('row').filter({ hasText: '3 June 2026' })).toContainText('Concluded');
  await page.goto(`${host.url}#/reviews/${review.id}`);
  await expect(page.getByText('Sealed', { exact: true })).toBeVisible();

  // Search names each review of the placement with its day.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case book' }).click();
  await page.getByLabel('Search the case book').fill('AB12');
  const found = page.getByRole('region', { name: 'Reviews' });
  await expect(found.getByRole('link')).toHaveCount(2);
  expect((await found.getByRole('link').allTextContents()).sort()).toEqual([
    'Placement review: AB12 at Oakwood House, 3 December 2026',
    'Placement review: AB12 at Oakwood House, 3 June 2026',
  ]);

  // The next review of the placement, planned from its page, starts with this one's people and topic.
  await page.goto(`${host.url}#/casebook/placements/${placement.id}`);
  await page.getByRole('link', { name: 'Plan the next review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan the next review' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Plan a review' });
  await expect(form.getByLabel('A placement')).toBeChecked();
  await expect(form.getByLabel('Placement', { exact: true })).toHaveValue(placement.id);
  const carry = form.getByLabel(/Start with the participants and affirmative topic of the last review/);
  await expect(carry).toBeChecked();
  await form.getByLabel('Date and time').fill('03/06/2027 10:00');
  await expectAxeClean(page);
  await form.getByRole('button', { name: 'Plan review' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Placement review: AB12 at Oakwood House, 3 June 2027' }),
  ).toBeVisible();
  const next = page.url().split('#/reviews/')[1]!;
  const session = await host.call<{ affirmativeTopic: string; participants: { name: string; attendance: string }[] }>(
    'sessions.get',
    { reviewId: next },
  );
  expect(session.affirmativeTopic).toBe('Days that go well for AB12');
  expect(session.participants.map((p) => [p.name, p.attendance])).toEqual([
    ['Sam Okoro', 'present'],
    ['Priya Shah', 'present'],
  ]);
  // The facilitator sees them in the plan, to change.
  await page.getByRole('link', { name: 'Run this review' }).click();
  await expect(page.getByRole('form', { name: 'Plan' }).getByLabel('Affirmative topic')).toHaveValue(
    'Days that go well for AB12',
  );
});
