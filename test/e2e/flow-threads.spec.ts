import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { DeckCard } from '@shared/deck/decks';
import type { MinutesContent } from '@shared/domain/minutes';
import { stageLabels, type Stage } from '@shared/domain/sessions';
import { expect, expectAxeClean, test } from './fixtures';
import { bothSidesPresent, lockSignAndSeal, moveTo, reviewReadyToRun } from './session-steps';

/*
 * The done-when of issue 14's threads and notes: a card explored in Discover carried on through
 * Dream, Design and Deliver with its follow-up questions, notes tied to it, evidence with its
 * source and an agreed disagreement with both views, each found in the screen minutes, in
 * minutes.json and in the text of the sealed PDF.
 */

const cardId = 'berridge-brodie-10-family-contact';
const evidenceText = 'Contact with mum happened every week this term, 12 of 12 visits.';
const evidenceSource = 'the home’s contact log, September to November';
const dreamNote = 'AB12 chooses where the visits happen and who comes.';
const disagreement = {
  subject: 'Whether weekend contact needs a second member of staff',
  commissioner: 'One escort is what the placement plan funds, and visits have gone well.',
  provider: 'A second is needed when AB12’s brothers come, as they often do.',
};

/** Carries the card on into the stage and checks it asks its follow-up questions there. */
async function carryOn(page: Page, card: DeckCard, stage: Stage, from: Stage): Promise<Locator> {
  await page.getByRole('button', { name: `Carry on: ${card.title}` }).click();
  const inPlay = page.getByRole('article', { name: card.title });
  await expect(inPlay.getByRole('heading', { name: card.title })).toBeFocused();
  await expect(inPlay).toContainText(`Card in play, carried on from ${stageLabels[from]}`);
  const followUps = card.questions.filter((question) => question.phase === stage && question.followUp);
  expect(followUps.length, `${card.title} has follow-ups for ${stageLabels[stage]}`).toBeGreaterThan(0);
  for (const question of followUps) await expect(inPlay).toContainText(question.text);
  return inPlay;
}

/** Opens a note for a side; it is about the card in play unless changed. */
async function addNote(page: Page, stage: Stage, side: 'commissioner' | 'provider', text: string) {
  const notes = page.getByRole('region', { name: `Notes in ${stageLabels[stage]}` });
  await notes.getByRole('button', { name: `Add a note for the ${side}` }).click();
  const note = notes.getByRole('listitem').last();
  await expect(note.getByRole('textbox', { name: `Note from the ${side}` })).toBeFocused();
  await page.keyboard.type(text);
  return note;
}

test('a card carried from Discover to Deliver, notes about it, evidence and an agreed disagreement reach the minutes and the sealed PDF', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(180_000);
  const card = await host.call<DeckCard>('cards.get', { deckId: 'relational-commissioning', cardId });
  const { review } = await reviewReadyToRun(host);
  await bothSidesPresent(host, review.id);
  await page.goto(`${host.url}#/reviews/${review.id}/run`);
  await expect(page.getByRole('heading', { level: 1, name: review.title })).toBeVisible();

  // Discover: the card chosen; evidence about it, with its source.
  await moveTo(page, 'discover');
  await page.getByLabel('Or choose a card').selectOption({ label: card.title });
  await page.getByRole('button', { name: 'Use this card' }).click();
  await expect(page.getByRole('article', { name: card.title }).getByRole('heading')).toBeFocused();
  const evidence = await addNote(page, 'discover', 'provider', evidenceText);
  await expect(evidence.getByLabel('About the card')).toHaveValue(cardId);
  await evidence.getByLabel('Kind').selectOption({ label: 'Evidence: seen, read or measured' });
  await evidence.getByLabel('Where it was seen, read or measured').fill(evidenceSource);
  await expect(evidence.getByText('Saved', { exact: true })).toBeVisible();

  // Dream: the card carried on, asking its follow-ups; a note about it.
  await moveTo(page, 'dream');
  await carryOn(page, card, 'dream', 'discover');
  const hope = await addNote(page, 'dream', 'commissioner', dreamNote);
  await expect(hope.getByLabel('About the card')).toHaveValue(cardId);
  await expect(hope.getByText('Saved', { exact: true })).toBeVisible();
  await expectAxeClean(page);

  // Design: carried on again; the two sides record what they disagree about.
  await moveTo(page, 'design');
  await carryOn(page, card, 'design', 'dream');
  const split = await addNote(page, 'design', 'commissioner', disagreement.subject);
  await split.getByLabel('Kind').selectOption({ label: 'Agreed disagreement' });
  await expect(split.getByLabel('What the two sides disagree about')).toHaveValue(disagreement.subject);
  await split.getByLabel('The commissioner’s view').fill(disagreement.commissioner);
  await split.getByLabel('The provider’s view').fill(disagreement.provider);
  await expect(split.getByText('Saved', { exact: true })).toBeVisible();
  await expectAxeClean(page);

  // Deliver: carried on to the end of the thread, where the action is agreed.
  await moveTo(page, 'deliver');
  await carryOn(page, card, 'deliver', 'design');
  const actions = page.getByRole('group', { name: 'Add an action' });
  await actions
    .getByLabel('What will be done')
    .fill('Fund a second escort for weekend contact when the brothers visit');
  await actions.getByLabel('Who will do it').selectOption({ label: 'The commissioner' });
  await actions.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByText('Action added.')).toBeVisible();

  await moveTo(page, 'close');
  await page.getByRole('button', { name: 'Conclude the review' }).click();
  await page.getByRole('button', { name: 'Yes, conclude the review' }).click();
  await expect(page.getByText('This review is concluded and its minutes have been drafted.')).toBeVisible();

  // The screen minutes: the thread, the notes under the card, the evidence's source, the disagreement.
  await page.goto(`${host.url}#/reviews/${review.id}/minutes`);
  const minutes = page.getByRole('article', { name: 'The minutes' });
  await expect(minutes).toContainText(`Cards drawn: ${card.title} (carried on from Discover).`);
  await expect(minutes).toContainText(`Cards drawn: ${card.title} (carried on from Design).`);
  await expect(minutes.getByText(`About the card “${card.title}”:`)).toHaveCount(2);
  await expect(minutes).toContainText(`Source: ${evidenceSource}.`);
  const disagreements = minutes.getByRole('region', { name: 'Agreed disagreements' });
  await expect(disagreements).toContainText(`The commissioner’s view: ${disagreement.commissioner}`);
  await expect(disagreements).toContainText(`The provider’s view: ${disagreement.provider}`);
  await expectAxeClean(page);

  // minutes.json as it will be sealed, and the sealed PDF's text.
  const [draft] = await host.call<{ id: string; content: MinutesContent }[]>('minutes.forReview', {
    reviewId: review.id,
  });
  const stagesOf = new Map(draft!.content.stages.map((entry) => [entry.stage, entry]));
  expect(stagesOf.get('discover')!.notes).toContainEqual(
    expect.objectContaining({
      kind: 'evidence',
      text: evidenceText,
      source: evidenceSource,
      card: { id: cardId, title: card.title },
    }),
  );
  expect(stagesOf.get('dream')!.notes).toContainEqual(
    expect.objectContaining({ text: dreamNote, card: { id: cardId, title: card.title } }),
  );
  expect(['dream', 'design', 'deliver'].map((stage) => stagesOf.get(stage as Stage)!.cards[0]?.carriedFrom)).toEqual([
    'discover',
    'dream',
    'design',
  ]);
  expect(draft!.content.disagreements).toEqual([
    {
      stage: 'design',
      subject: disagreement.subject,
      commissionerView: disagreement.commissioner,
      providerView: disagreement.provider,
      card: { id: cardId, title: card.title },
    },
  ]);

  const { sealed } = await lockSignAndSeal(host, draft!.id);
  const exported = await host.call<{ files: { mediaType: string; base64: string }[] }>('minutes.export', {
    minutesId: sealed.id,
  });
  const file = testInfo.outputPath('minutes.pdf');
  writeFileSync(file, Buffer.from(exported.files.find((f) => f.mediaType === 'application/pdf')!.base64, 'base64'));
  const pdftotext = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(pdftotext.status, pdftotext.stderr).toBe(0);
  const text = pdftotext.stdout.replace(/\s+/g, '');
  for (const words of [
    `(carried on from Discover)`,
    `About the card “${card.title}”`,
    evidenceSource,
    'Agreed disagreements',
    disagreement.commissioner,
    disagreement.provider,
  ])
    expect(text, `the sealed PDF says: ${words}`).toContain(words.replace(/\s+/g, ''));
});
