import { expect, expectAxeClean, test } from './fixtures';

test('a person adds an organisation and a home, and sees them after a reload and a restart', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Case book' })).toBeVisible();
  await expect(page.getByText('No organisations yet.')).toBeVisible();
  await expectAxeClean(page);

  const organisationForm = page.getByRole('form', { name: 'Add an organisation' });
  await organisationForm.getByLabel('Name').fill('Northshire County Council');
  await organisationForm.getByLabel('Kind').selectOption({ label: 'Local authority' });
  await organisationForm.getByRole('button', { name: 'Add organisation' }).click();
  await expect(organisationForm.getByRole('status')).toHaveText('Added Northshire County Council.');

  await organisationForm.getByLabel('Name').fill('Brightwater Care Ltd');
  await organisationForm.getByLabel('Kind').selectOption({ label: 'Provider' });
  await organisationForm.getByRole('button', { name: 'Add organisation' }).click();
  await expect(organisationForm.getByRole('status')).toHaveText('Added Brightwater Care Ltd.');

  const homeForm = page.getByRole('form', { name: 'Add a home' });
  await expect(homeForm.getByLabel('Provider')).toHaveValue(/.+/);
  await homeForm.getByLabel('Name of the home').fill('Oakwood House');
  await homeForm.getByLabel('Ofsted URN').fill('sc 123456');
  await homeForm.getByRole('button', { name: 'Add home' }).click();
  await expect(homeForm.getByRole('status')).toHaveText('Added Oakwood House (SC123456).');
  await expectAxeClean(page);

  const expectCaseBook = async () => {
    const organisations = page.getByRole('table', { name: 'Organisations in the case book' });
    await expect(organisations.getByRole('row')).toHaveText([/Name\s*Kind\s*Added/, /Brightwater Care Ltd\s*Provider/, /Northshire County Council\s*Local authority/]);
    const homes = page.getByRole('table', { name: 'Children’s homes in the case book' });
    await expect(homes.getByRole('row').nth(1)).toContainText(['Oakwood House', 'SC123456', 'Brightwater Care Ltd'].join(''));
  };
  await expectCaseBook();

  await page.reload();
  await expectCaseBook();

  await host.restart();
  await page.goto(host.url);
  await expectCaseBook();
});

test('a wrong or duplicate Ofsted URN is explained and nothing is added', async ({ page, host }) => {
  await page.goto(host.url);
  const organisationForm = page.getByRole('form', { name: 'Add an organisation' });
  await organisationForm.getByLabel('Name').fill('Brightwater Care Ltd');
  await organisationForm.getByLabel('Kind').selectOption({ label: 'Provider' });
  await organisationForm.getByRole('button', { name: 'Add organisation' }).click();

  const homeForm = page.getByRole('form', { name: 'Add a home' });
  await homeForm.getByLabel('Name of the home').fill('Oakwood House');
  await homeForm.getByLabel('Ofsted URN').fill('123456');
  await homeForm.getByRole('button', { name: 'Add home' }).click();
  const urn = homeForm.getByLabel('Ofsted URN');
  await expect(urn).toHaveAttribute('aria-invalid', 'true');
  await expect(urn).toBeFocused();
  await expect(homeForm.getByText('An Ofsted URN for a children’s home is SC followed by six digits, for example SC123456.')).toBeVisible();
  await expect(page.getByText('No homes yet.')).toBeVisible();
  await expectAxeClean(page);

  await urn.fill('SC123456');
  await homeForm.getByRole('button', { name: 'Add home' }).click();
  await expect(homeForm.getByRole('status')).toHaveText('Added Oakwood House (SC123456).');

  await homeForm.getByLabel('Name of the home').fill('Another House');
  await homeForm.getByLabel('Ofsted URN').fill('SC123456');
  await homeForm.getByRole('button', { name: 'Add home' }).click();
  await expect(homeForm.getByText('Already used by “Oakwood House”. Check the URN on the home’s Ofsted report.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Children’s homes in the case book' }).getByRole('row')).toHaveCount(2);
  // What was typed stays in the form, to be corrected rather than typed again.
  await expect(homeForm.getByLabel('Name of the home')).toHaveValue('Another House');
});

test('a second window follows changes made in the first', async ({ page, context, host }) => {
  await page.goto(host.url);
  const second = await context.newPage();
  await second.goto(host.url);
  await expect(second.getByText('No organisations yet.')).toBeVisible();

  const organisationForm = page.getByRole('form', { name: 'Add an organisation' });
  await organisationForm.getByLabel('Name').fill('Northshire County Council');
  await organisationForm.getByRole('button', { name: 'Add organisation' }).click();

  await expect(second.getByRole('table', { name: 'Organisations in the case book' })).toContainText('Northshire County Council');
});
