import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Steps a person takes in the case book, by label and role as they see them. */
export async function openCaseBookSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Case book' }).click();
  await page
    .getByRole('navigation', { name: 'Case book' })
    .getByRole('link', { name: new RegExp(`^${name}`) })
    .click();
}

export async function addOrganisation(page: Page, name: string, kind: 'Local authority' | 'Provider' | 'Other') {
  await openCaseBookSection(page, 'Organisations');
  await page.getByRole('link', { name: 'Add an organisation' }).click();
  const form = page.getByRole('form', { name: 'Add an organisation' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Kind').selectOption({ label: kind });
  await form.getByRole('button', { name: 'Add organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function addHome(page: Page, name: string, urn: string, provider: string) {
  await openCaseBookSection(page, 'Children’s homes');
  await page.getByRole('link', { name: 'Add a home' }).click();
  const form = page.getByRole('form', { name: 'Add a home' });
  await form.getByLabel('Provider').selectOption({ label: provider });
  await form.getByLabel('Name of the home').fill(name);
  await form.getByLabel('Ofsted URN').fill(urn);
  await form.getByRole('button', { name: 'Add home' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}
