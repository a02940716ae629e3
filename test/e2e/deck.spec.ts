import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAxeClean, test } from './fixtures';

interface RawCard {
  id: string;
  title: string;
  framework: string;
  phases: string[];
  qualityStandards?: number[];
  paper: { text: string };
  questions: { text: string }[];
}
const deckFile = path.resolve(__dirname, '../../resources/decks/relational-commissioning.deck.json');
const cards = (JSON.parse(readFileSync(deckFile, 'utf8')) as { cards: RawCard[] }).cards;
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
/** The built-in deck's cards, all in play: the counts below follow the deck, whatever its edition. */
const total = cards.length;
const showing = (shown: number, of = total) => `Showing ${shown} of ${of} cards`;

async function openBuiltInDeck(page: Page, url: string) {
  await page.goto(`${url}#/deck`);
  await expect(page.getByRole('heading', { level: 1, name: 'Decks' })).toBeVisible();
  await page.getByRole('link', { name: 'Relational commissioning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Relational commissioning' })).toBeFocused();
}

test('a person browses the built-in deck, filters and searches it, opens a card and prints a sheet of chosen cards', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/deck`);
  await expect(page.getByRole('table', { name: 'Decks' }).getByRole('row')).toHaveText([
    /Deck/,
    new RegExp(`Relational commissioning\\s*${total}\\s*0\\s*Built in: read-only`),
  ]);
  await expectAxeClean(page);

  await page.getByRole('link', { name: 'Relational commissioning' }).click();
  const count = page.getByRole('status').filter({ hasText: /^Showing/ });
  await expect(count).toHaveText(showing(total));
  await expectAxeClean(page);

  const filters = page.getByRole('search', { name: 'Filter the cards' });
  await filters.getByLabel('Framework').selectOption({ label: 'The 8 Pillars of Parenting (Cameron and Maginn)' });
  await expect(count).toHaveText(showing(8));
  await filters.getByLabel('Phase').selectOption({ label: 'Deliver' });
  const pillarsDeliver = cards.filter((c) => c.framework === 'pillars-of-parenting' && c.phases.includes('deliver'));
  await expect(count).toHaveText(showing(pillarsDeliver.length));
  await expect(page.getByRole('table', { name: /Cards in/ }).getByRole('row')).toHaveCount(pillarsDeliver.length + 1);

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText(showing(total));
  await filters.getByLabel('Quality Standard').selectOption({ label: 'Regulation 8: Education' });
  await expect(count).toHaveText(showing(cards.filter((c) => c.qualityStandards?.includes(8)).length));
  await filters.getByRole('button', { name: 'Clear filters' }).click();

  // Case- and accent-insensitive, across titles, the paper's words and the questions.
  const matches = cards.filter((c) =>
    fold([c.title, c.paper.text, ...c.questions.map((q) => q.text)].join(' ')).includes('secure'),
  );
  expect(matches.length).toBeGreaterThan(1);
  await filters.getByLabel('Search the cards').fill('  SÉCURE ');
  await expect(count).toHaveText(showing(matches.length));
  await filters.getByLabel('Search the cards').fill('Potential  SPACE');
  await expect(count).toHaveText(showing(1));
  await filters.getByLabel('Search the cards').fill('SÉCURE');
  await expect(count).toHaveText(showing(matches.length));
  await filters.getByLabel('Search the cards').fill('nothing like this anywhere');
  await expect(count).toHaveText(showing(0));
  await expect(page.getByText('No cards match these filters.')).toBeVisible();
  await expectAxeClean(page);
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(count).toHaveText(showing(total));

  // A card's full view: the paper's words marked as a quotation, with section and page.
  await page.getByRole('link', { name: 'Something works well', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Something works well' })).toBeFocused();
  await expect(page.locator('blockquote')).toHaveText(cards[0]!.paper.text);
  await expect(
    page.getByText(
      /^Quotation, word for word, from .*section “Linking up all the various aspects - relational commissioning”, page 20\.$/,
    ),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Discover' })).toBeVisible();
  await expect(page.getByText('In the child’s daily life in the home:').first()).toBeVisible();
  await expect(page.getByText('Between commissioner and provider:').first()).toBeVisible();
  await expect(page.getByText('Regulation 6: The quality and purpose of care standard')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retire this card' })).toHaveCount(0);
  await expectAxeClean(page);

  // Tick two cards and print them.
  await page.getByRole('link', { name: 'Back to the cards in “Relational commissioning”' }).click();
  await expect(count).toHaveText(showing(total));
  await page.getByLabel(`Choose “${cards[0]!.title}” for the print sheet`).check();
  await page.getByLabel(`Choose “${cards[2]!.title}” for the print sheet`).check();
  await page.getByRole('link', { name: 'Print sheet of chosen cards (2)' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Print sheet: 2 cards from “Relational commissioning”' }),
  ).toBeFocused();
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('article').first().getByRole('heading', { level: 2 })).toHaveText(cards[0]!.title);
  await expectAxeClean(page);
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: 'Print' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('article').first()).toBeVisible();
});

test('a person duplicates the deck, edits, adds and retires cards, exports it and imports it again', async ({
  page,
  host,
}) => {
  await openBuiltInDeck(page, host.url);
  const duplicate = page.getByRole('form', { name: 'Duplicate this deck' });
  await duplicate.getByLabel('Name of the copy').fill('Relational commissioning');
  await duplicate.getByRole('button', { name: 'Duplicate deck' }).click();
  await expect(duplicate.getByText('Another deck already has this name. Choose another.')).toBeVisible();
  await duplicate.getByLabel('Name of the copy').fill('Oakwood deck');
  await duplicate.getByRole('button', { name: 'Duplicate deck' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oakwood deck' })).toBeFocused();
  await expect(page.getByText(`Your own deck: ${total} cards in play.`)).toBeVisible();

  // Edit a card: a question left empty is explained beside it, and nothing is saved.
  await page.getByRole('link', { name: 'Something works well', exact: true }).click();
  await page.getByRole('link', { name: 'Change this card' }).click();
  const editor = page.getByRole('form', { name: 'Change “Something works well”' });
  await expect(page.getByRole('heading', { level: 1, name: 'Change “Something works well”' })).toBeFocused();
  await expect(editor.locator('blockquote')).toHaveText(cards[0]!.paper.text);
  await expectAxeClean(page);
  await editor.getByLabel('Title').fill('Something works well at Oakwood');
  await editor
    .getByLabel('Discover question 1', { exact: true })
    .fill('Tell us about a time this month when a child at Oakwood laughed. What made that possible?');
  await editor.getByLabel('Regulation 9: The enjoyment and achievement standard').check();
  await editor.getByRole('button', { name: 'Add a question for Design' }).click();
  await expect(editor.getByLabel('Design question 1', { exact: true })).toBeFocused();
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('Write the question, or remove it.');
  await expect(editor.getByLabel('Design question 1', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAxeClean(page);

  // Leaving with unsaved changes asks first.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await editor.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change “Something works well”' })).toBeVisible();

  await editor
    .getByLabel('Design question 1', { exact: true })
    .fill('What would it take to make those moments part of every week?');
  await editor
    .getByLabel('Design question 1: asked about')
    .selectOption({ label: 'In the child’s daily life in the home' });
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Something works well at Oakwood' })).toBeFocused();
  await expect(page.getByText('What would it take to make those moments part of every week?')).toBeVisible();
  await expect(page.getByText('Regulation 9: The enjoyment and achievement standard')).toBeVisible();
  await expect(page.locator('blockquote')).toHaveText(cards[0]!.paper.text);
  await expectAxeClean(page);

  // Retire another card: it leaves the list until retired cards are asked for.
  await page.getByRole('link', { name: 'Back to the cards in “Oakwood deck”' }).click();
  await page.getByRole('link', { name: cards[1]!.title, exact: true }).click();
  await page.getByRole('button', { name: 'Retire this card' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Retired' })).toHaveText(
    `Retired “${cards[1]!.title}”: it is kept, but no longer drawn or listed.`,
  );
  await expect(page.getByRole('button', { name: 'Bring this card back' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the cards in “Oakwood deck”' }).click();
  const count = page.getByRole('status').filter({ hasText: /^Showing/ });
  await expect(count).toHaveText(showing(total - 1, total - 1));
  await expect(page.getByRole('link', { name: cards[1]!.title, exact: true })).toHaveCount(0);
  await page.getByLabel('Show retired cards (1)').check();
  await expect(count).toHaveText(showing(total, total));
  await page.getByLabel('Show retired cards (1)').uncheck();

  // Add a card of our own.
  await page.getByRole('link', { name: 'Add a card' }).click();
  const adder = page.getByRole('form', { name: 'Add a card to “Oakwood deck”' });
  await adder.getByLabel('Title').fill('Our garden');
  await adder.getByLabel('Framework').selectOption({ label: 'For the facilitator' });
  await adder
    .getByLabel('Discover question 1', { exact: true })
    .fill('Tell us about a time the garden brought people together.');
  await expectAxeClean(page);
  await adder.getByRole('button', { name: 'Add card' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Our garden' })).toBeFocused();
  await expect(page.getByText('Your own card: written for this deck, not drawn from the paper.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the cards in “Oakwood deck”' }).click();
  await expect(count).toHaveText(showing(total, total));

  // Export, then import the file again: the same cards, as a new deck.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export deck file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('oakwood-deck.deck.json');
  const exported = await download.path();
  const file = JSON.parse(readFileSync(exported, 'utf8')) as {
    name: string;
    cards: { title: string; retired?: boolean }[];
    ownCards: { title: string }[];
  };
  expect(file.name).toBe('Oakwood deck');
  expect(file.cards[0]!.title).toBe('Something works well at Oakwood');
  expect(file.cards[1]!.retired).toBe(true);
  expect(file.ownCards.map((card) => card.title)).toEqual(['Our garden']);

  await page.getByRole('link', { name: 'All decks' }).click();
  const importForm = page.getByRole('form', { name: 'Import a deck file' });
  await importForm.getByLabel('Deck file').setInputFiles(exported);
  await importForm.getByRole('button', { name: 'Import deck' }).click();
  await expect(importForm.getByRole('status')).toHaveText(
    new RegExp(`^Imported “Oakwood deck \\(imported\\)” with ${total + 1} cards\\.`),
  );
  await expectAxeClean(page);
  await importForm.getByRole('link', { name: 'Open “Oakwood deck (imported)”' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Oakwood deck (imported)' })).toBeFocused();
  await expect(count).toHaveText(showing(total, total));
  await expect(page.getByRole('link', { name: 'Something works well at Oakwood' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Our garden' })).toBeVisible();
});

test('a broken deck file is refused with the problems in plain words, and nothing changes', async ({ page, host }) => {
  await page.goto(`${host.url}#/deck`);
  const decks = page.getByRole('table', { name: 'Decks' }).getByRole('row');
  await expect(decks).toHaveCount(2);
  const importForm = page.getByRole('form', { name: 'Import a deck file' });

  await importForm.getByRole('button', { name: 'Import deck' }).click();
  await expect(importForm.getByRole('alert')).toHaveText('Choose a deck file to import.');

  const truncated = readFileSync(deckFile, 'utf8').slice(0, 4000);
  await importForm
    .getByLabel('Deck file')
    .setInputFiles({ name: 'cut-short.deck.json', mimeType: 'application/json', buffer: Buffer.from(truncated) });
  await importForm.getByRole('button', { name: 'Import deck' }).click();
  const alert = importForm.getByRole('alert');
  await expect(alert).toContainText('This deck file cannot be imported, and nothing was changed.');
  await expect(alert.getByRole('listitem')).toHaveText([
    'The deck file could not be read: it is not valid JSON. It may be damaged, or not a deck file at all.',
  ]);
  await expectAxeClean(page);

  const duplicated = JSON.parse(readFileSync(deckFile, 'utf8')) as { cards: { id: string; questions?: unknown }[] };
  duplicated.cards[1]!.id = duplicated.cards[0]!.id;
  delete duplicated.cards[3]!.questions;
  await importForm.getByLabel('Deck file').setInputFiles({
    name: 'broken.deck.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(duplicated)),
  });
  await importForm.getByRole('button', { name: 'Import deck' }).click();
  await expect(alert.getByRole('listitem')).toHaveText([
    `Card 4 (“${cards[3]!.title}”) has no questions.`,
    `Card 2 (“${cards[1]!.title}”) has the id “${cards[0]!.id}”, which card 1 already uses; each card needs its own id.`,
  ]);
  await expect(decks).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole('table', { name: 'Decks' }).getByRole('row')).toHaveCount(2);
});
