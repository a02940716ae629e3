import { addHome, addOrganisation, openCaseBookSection } from './casebook-steps';
import { expect, expectAxeClean, test } from './fixtures';

test('a person adds an organisation and a home, and sees them after a reload and a restart', async ({ page, host }) => {
  await page.goto(`${host.url}#/casebook`);
  await expect(page.getByRole('heading', { level: 1, name: 'Case book' })).toBeVisible();
  await expectAxeClean(page);
  await openCaseBookSection(page, 'Organisations');
  await expect(page.getByText('No organisations yet.')).toBeVisible();
  await expectAxeClean(page);

  await addOrganisation(page, 'Northshire County Council', 'Local authority');
  await addOrganisation(page, 'Brightwater Care Ltd', 'Provider');
  await addHome(page, 'Oakwood House', 'sc 123456', 'Brightwater Care Ltd');
  await expect(page.getByText('SC123456')).toBeVisible();
  await expectAxeClean(page);

  const expectCaseBook = async () => {
    await openCaseBookSection(page, 'Organisations');
    const organisations = page.getByRole('table', { name: 'Organisations in the case book' });
    await expect(organisations.getByRole('row')).toHaveText([
      /Name\s*Kind\s*Added/,
      /Brightwater Care Ltd\s*Provider/,
      /Northshire County Council\s*Local authority/,
    ]);
    await openCaseBookSection(page, 'Children’s homes');
    const homes = page.getByRole('table', { name: 'Children’s homes in the case book' });
    await expect(homes.getByRole('row').nth(1)).toContainText(
      ['Oakwood House', 'SC123456', 'Brightwater Care Ltd'].join(''),
    );
  };
  await expectCaseBook();
  await page.reload();
  await expectCaseBook();
  await host.restart();
  await page.goto(host.url);
  await expectCaseBook();
});

test('a wrong or duplicate Ofsted URN is explained, what was typed stays, and nothing is added', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await addOrganisation(page, 'Brightwater Care Ltd', 'Provider');
  await addHome(page, 'Oakwood House', 'SC123456', 'Brightwater Care Ltd');

  await openCaseBookSection(page, 'Children’s homes');
  await page.getByRole('link', { name: 'Add a home' }).click();
  const form = page.getByRole('form', { name: 'Add a home' });
  await form.getByLabel('Name of the home').fill('Elm Lodge');
  await form.getByLabel('Ofsted URN').fill('123456');
  await form.getByRole('button', { name: 'Add home' }).click();
  const urn = form.getByLabel('Ofsted URN');
  await expect(urn).toHaveAttribute('aria-invalid', 'true');
  await expect(urn).toBeFocused();
  await expect(
    form.getByText('An Ofsted URN for a children’s home is SC followed by six digits, for example SC123456.'),
  ).toBeVisible();
  await expectAxeClean(page);

  await urn.fill('SC123456');
  await form.getByRole('button', { name: 'Add home' }).click();
  await expect(
    form.getByText('Already used by “Oakwood House”. Check the URN on the home’s Ofsted report.'),
  ).toBeVisible();
  await expect(form.getByLabel('Name of the home')).toHaveValue('Elm Lodge');
  expect((await host.call<unknown[]>('homes.list')).length).toBe(1);
});

test('a second window follows changes made in the first', async ({ page, context, host }) => {
  await page.goto(host.url);
  const second = await context.newPage();
  await second.goto(`${host.url}#/casebook/organisations`);
  await expect(second.getByText('No organisations yet.')).toBeVisible();
  await addOrganisation(page, 'Northshire County Council', 'Local authority');
  await expect(second.getByRole('table', { name: 'Organisations in the case book' })).toContainText(
    'Northshire County Council',
  );
});

test('one of each kind: create, edit, archive, restore, search and open the hit', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await addOrganisation(page, 'Northshire County Council', 'Local authority');
  await addOrganisation(page, 'Brightwater Care Ltd', 'Provider');
  await addHome(page, 'Oakwood House', 'SC123456', 'Brightwater Care Ltd');

  // A home in full, then edited.
  await page.getByRole('link', { name: 'Change details' }).click();
  const homeForm = page.getByRole('form', { name: 'Change home' });
  await expectAxeClean(page);
  await homeForm.getByLabel('Name of the home').fill('Oakwood House North');
  await homeForm.getByLabel('Registered places (optional)').fill('4');
  await homeForm.getByLabel('Judgement', { exact: true }).selectOption({ label: 'Good' });
  await homeForm.getByLabel('Date of the judgement').fill('2026-03-12');
  await homeForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oakwood House North' })).toBeVisible();
  await expect(page.getByText('Good, 12 March 2026')).toBeVisible();
  await expectAxeClean(page);

  // A placement: the form warns when the reference looks like a name.
  await openCaseBookSection(page, 'Placements');
  await page.getByRole('link', { name: 'Add a placement' }).click();
  const placementForm = page.getByRole('form', { name: 'Add a placement' });
  await placementForm.getByLabel('Child reference').fill('Jamie Smith');
  await expect(page.getByRole('alert')).toHaveText(/This looks like a name/);
  await expectAxeClean(page);
  await placementForm.getByLabel('Child reference').fill('AB12');
  await expect(page.getByText(/This looks like a name/)).toHaveCount(0);
  await placementForm.getByLabel('Start date').fill('2026-01-05');
  await placementForm.getByRole('button', { name: 'Add placement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Placement: AB12' })).toBeVisible();
  await expectAxeClean(page);

  // Archive and restore it.
  await page.getByRole('button', { name: 'Archive placement' }).click();
  await expect(page.getByText('This placement is archived')).toBeVisible();
  await openCaseBookSection(page, 'Placements');
  await expect(page.getByText('No placements yet.')).toBeVisible();
  await page.getByLabel('Show archived').check();
  await page.getByRole('link', { name: 'AB12' }).click();
  await page.getByRole('button', { name: 'Restore placement' }).click();
  await expect(page.getByText('This placement is archived')).toHaveCount(0);

  // A person.
  await openCaseBookSection(page, 'People');
  await page.getByRole('link', { name: 'Add a person' }).click();
  const personForm = page.getByRole('form', { name: 'Add a person' });
  await personForm.getByLabel('Name').fill('Priya Shah');
  await personForm.getByLabel('Role (optional)').fill('Registered manager');
  await personForm.getByLabel('Organisation (optional)').selectOption({ label: 'Brightwater Care Ltd' });
  await personForm.getByLabel('Email (optional)').fill('priya@');
  await personForm.getByRole('button', { name: 'Add person' }).click();
  await expect(
    personForm.getByText('Enter an email address like name@example.org.uk, or leave it empty.'),
  ).toBeVisible();
  await personForm.getByLabel('Email (optional)').fill('priya.shah@brightwater.example');
  await personForm.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeVisible();
  await expectAxeClean(page);

  // A review of the placement, which appears in the home's history.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
  await page.getByRole('link', { name: 'Plan a review' }).click();
  const reviewForm = page.getByRole('form', { name: 'Plan a review' });
  await reviewForm.getByLabel('A placement').check();
  await reviewForm.getByLabel('Placement', { exact: true }).selectOption({ label: 'AB12 at Oakwood House North' });
  await reviewForm.getByLabel('Date and time').fill('2026-12-03T10:00');
  await reviewForm.getByLabel('Place (optional)').fill('The garden room');
  await reviewForm.getByLabel('Next review (optional)').fill('2027-06-03');
  await expectAxeClean(page);
  await reviewForm.getByRole('button', { name: 'Plan review' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Placement review: AB12 at Oakwood House North' }),
  ).toBeVisible();
  await expect(page.getByText('3 December 2026 at 10:00')).toBeVisible();
  await expectAxeClean(page);
  await page.getByRole('link', { name: 'Oakwood House North' }).first().click();
  await expect(page.getByRole('table', { name: 'Reviews' })).toContainText('3 June 2027');

  // Search from the case book and open the hit.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case book' }).click();
  await page.getByLabel('Search the case book').fill('garden');
  await expect(page.getByRole('status').filter({ hasText: 'found for' })).toHaveText('1 found for “garden”.');
  await expect(page.locator('mark')).toHaveText(['garden']);
  await expectAxeClean(page);
  await page.getByRole('link', { name: 'Placement review: AB12 at Oakwood House North' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Placement review: AB12 at Oakwood House North' }),
  ).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Search the case book')).toHaveValue('garden');
  await page.getByLabel('Search the case book').fill('"unclosed (AND');
  await expect(page.getByRole('status').filter({ hasText: 'for' })).toHaveText('Nothing found for “"unclosed (AND”.');
});

test('leaving a form with unsaved changes asks first', async ({ page, host }) => {
  await page.goto(`${host.url}#/casebook/organisations/new`);
  await page.getByLabel('Name').fill('Half typed');
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Name')).toHaveValue('Half typed');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('backup, wipe, restore: the same case book comes back', async ({ page, host }) => {
  await page.goto(host.url);
  await addOrganisation(page, 'Northshire County Council', 'Local authority');
  await addOrganisation(page, 'Brightwater Care Ltd', 'Provider');
  await addHome(page, 'Oakwood House', 'SC123456', 'Brightwater Care Ltd');
  type Tables = { tables: Record<string, unknown[]> };
  // The audit log is compared apart: the restore itself is recorded in it.
  const withoutAudit = ({ tables: { audit_log: _audit, ...rest } }: Tables) => rest;
  const before = JSON.parse((await host.call<{ content: string }>('transfer.export')).content) as Tables;

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expectAxeClean(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^relational-review-backup-\d{4}-\d\d-\d\d\.json$/);
  const backupFile = await download.path();

  await host.wipe();
  await page.goto(`${host.url}#/settings`);
  expect(await host.call<unknown[]>('organisations.list')).toEqual([]);

  // A broken file is refused in plain words and changes nothing.
  await page.getByLabel('Backup file to restore').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "relational-review-backup", "tab'),
  });
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByRole('alert')).toHaveText(/incomplete: it ends part-way through.*Nothing was restored\./);
  expect(await host.call<unknown[]>('organisations.list')).toEqual([]);

  await page.getByLabel('Backup file to restore').setInputFiles(backupFile);
  await page.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toHaveText(/^Restored 3 records from /);
  const after = JSON.parse((await host.call<{ content: string }>('transfer.export')).content) as Tables;
  expect(withoutAudit(after)).toEqual(withoutAudit(before));
  await openCaseBookSection(page, 'Children’s homes');
  await expect(page.getByRole('link', { name: 'Oakwood House' })).toBeVisible();
});
