import type { Page } from '@playwright/test';
import { expect, expectAxeClean, test } from './fixtures';
import { reviewReadyToRun } from './session-steps';

const stage = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Stages' }).getByRole('button', { name: new RegExp(name) });
const currentCard = (page: Page) => page.getByRole('article', { name: /./ });

/**
 * A card drawn in a stage is in play once that stage's list of drawn cards says so: the card left
 * in play by the stage before still reads "Card in play" while the call is on its way.
 */
async function cardInPlay(page: Page, stageName: string) {
  const cards = page.getByRole('region', { name: `Cards for ${stageName}` });
  await expect(cards.getByRole('listitem').filter({ hasText: 'In play' })).toHaveCount(1);
  await expect(currentCard(page)).toContainText('Card in play');
}

test('a whole review run by mouse: plan, check-in, matters arising, cards, notes, a concern that blocks concluding, actions, conclude', async ({
  page,
  context,
  host,
}) => {
  test.setTimeout(180_000);
  const { review } = await reviewReadyToRun(host);
  // The presenter view, as on a second screen, follows along.
  const presenter = await context.newPage();
  await presenter.goto(`${host.url}#/present/${review.id}`);
  const presented = presenter.getByRole('region', { name: 'Where the review is' });
  await expect(presented).toContainText('Define');
  await page.goto(`${host.url}#/reviews/${review.id}`);
  await page.getByRole('link', { name: 'Run this review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: review.title })).toBeVisible();

  // Define: plan and participants.
  const plan = page.getByRole('form', { name: 'Plan' });
  await plan.getByLabel('Purpose').fill('How AB12’s first year at Oakwood House has gone');
  await plan.getByLabel('Affirmative topic').fill('The days that go well for AB12, and what makes them possible');
  await expect(plan.getByLabel('Deck')).toHaveValue('relational-commissioning');
  await plan.getByLabel('Discover').fill('25');
  await plan.getByRole('button', { name: 'Save the plan' }).click();
  await expect(plan.getByRole('status')).toHaveText('Plan saved.');
  await expect(plan.getByRole('button', { name: 'Save the plan' })).toBeFocused();
  await expect(plan.getByText('Minutes for each stage (95 in all)')).toBeVisible();

  const participants = page.getByRole('group', { name: 'Add a participant' });
  await participants
    .getByLabel('From the case book (optional)')
    .selectOption({ label: 'Priya Shah, Brightwater Care Ltd' });
  await expect(participants.getByLabel('Side')).toHaveValue('provider');
  await participants.getByRole('button', { name: 'Add participant' }).click();
  // The form starts afresh, the side too; the keyboard goes to the list they joined; the message is beside it.
  await expect(page.getByRole('heading', { name: 'Participants', exact: true })).toBeFocused();
  await expect(participants.getByLabel('Side')).toHaveValue('commissioner');
  await expect(page.getByRole('region', { name: 'Participants' }).getByRole('status')).toHaveText('Added Priya Shah.');
  await participants.getByLabel('Name').fill('Jo Reid');
  await participants.getByLabel('Role (optional)').fill('Independent facilitator');
  await participants.getByLabel('Side').selectOption('facilitator');
  await participants.getByRole('button', { name: 'Add participant' }).click();
  await participants
    .getByLabel('From the case book (optional)')
    .selectOption({ label: 'Sam Okoro, Northshire County Council' });
  await participants.getByLabel('Sent apologies').check();
  await participants.getByRole('button', { name: 'Add participant' }).click();
  const table = page.getByRole('table', { name: 'Participants' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table).toContainText('Sam OkoroCommissioning officer, Northshire County CouncilCommissionerApologies');
  await page.getByRole('button', { name: 'Draw a card' }).click();
  await cardInPlay(page, 'Define');
  await expectAxeClean(page);

  // Check-in: each side rates privately; both shown together.
  await stage(page, 'Check-in').click();
  await page.getByRole('button', { name: 'Rate for the commissioner' }).click();
  const commissioner = page.getByRole('group', { name: 'Ratings from the commissioner' });
  await commissioner.getByRole('button', { name: 'Hand in the commissioner’s ratings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Give a rating' })).toBeVisible();
  for (const [index, score] of [4, 3, 2, 4].entries()) {
    await commissioner.getByRole('group').nth(index).getByLabel(String(score), { exact: true }).check();
  }
  await commissioner.getByLabel('One word (optional)').first().fill('steady');
  await commissioner.getByRole('button', { name: 'Hand in the commissioner’s ratings' }).click();
  await expect(page.getByText('Their ratings stay hidden until both sides have rated.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rate for the provider' })).toBeFocused();
  await expect(page.getByText('steady')).toHaveCount(0);
  await expectAxeClean(page);
  await page.getByRole('button', { name: 'Rate for the provider' }).click();
  const provider = page.getByRole('group', { name: 'Ratings from the provider' });
  for (const [index, score] of [5, 4, 3, 3].entries()) {
    await provider.getByRole('group').nth(index).getByLabel(String(score), { exact: true }).check();
  }
  await provider.getByRole('button', { name: 'Hand in the provider’s ratings' }).click();
  const revealed = page.getByRole('table', { name: 'Check-in ratings from 1 to 5' });
  await expect(page.getByRole('heading', { name: 'Both sides’ ratings' })).toBeFocused();
  await expect(revealed.getByRole('row').nth(1)).toHaveText(
    /Pivotal, respectful relationships between key senior staff\s*4 \(“steady”\)\s*5/,
  );
  await expectAxeClean(page);

  // Matters arising from the earlier review.
  await stage(page, 'Matters arising').click();
  await expect(page.getByText('Book AB12’s dental check-up', { exact: true })).toBeVisible();
  await page.getByLabel('Where it stands').selectOption({ label: 'Done' });
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByText('Updated: Done')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Save/ })).toBeFocused();
  await expectAxeClean(page);

  // Discover: a card and a note from each side.
  await stage(page, 'Discover').click();
  await page.getByRole('button', { name: 'Draw a card' }).click();
  await cardInPlay(page, 'Discover');
  await page.getByRole('button', { name: 'Add a note for the commissioner' }).click();
  await page.keyboard.type('School says AB12’s attendance is the best it has been.');
  await page.getByRole('button', { name: 'Add a note for the provider' }).click();
  await page.keyboard.type('AB12 cooked for everyone on Sunday, and asked to do it again.');
  await expect(page.getByText('Saved')).toHaveCount(2);
  await expectAxeClean(page);

  await expect(presented).toContainText('Discover');
  const discoverCard = await currentCard(page).getByRole('heading').textContent();
  await expect(presenter.getByRole('heading', { name: discoverCard! })).toBeVisible();

  // Dream and Design: cards, a choice of card, and a concern.
  await stage(page, 'Dream').click();
  await page.getByRole('button', { name: 'Draw a card' }).click();
  await cardInPlay(page, 'Dream');
  await expect(presented).toContainText('Dream');
  await stage(page, 'Design').click();
  await page.getByLabel('Or choose a card').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Use this card' }).click();
  await cardInPlay(page, 'Design');
  await expect(currentCard(page).getByRole('heading')).toBeFocused();
  await page.getByRole('button', { name: 'Add a note for the provider' }).click();
  await page.keyboard.type('AB12 has missed two contact visits with their mother.');
  await page.getByLabel('Kind').selectOption({ label: 'Concern' });
  const concerns = page.getByRole('region', { name: 'Concerns (1)' });
  await expect(concerns.getByText('Needs an action, or a reason why none is needed.')).toBeVisible();

  // Deliver: an action.
  await stage(page, 'Deliver').click();
  await page.getByRole('button', { name: 'Draw a card' }).click();
  await cardInPlay(page, 'Deliver');
  const actions = page.getByRole('group', { name: 'Add an action' });
  await actions.getByLabel('What will be done').fill('Share the education plan with the home');
  await actions.getByLabel('Who will do it').selectOption({ label: 'The commissioner' });
  await actions.getByLabel('By when (optional)').fill('15/01/2027');
  await actions.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByRole('region', { name: 'Actions' })).toContainText('Share the education plan with the home');
  await expectAxeClean(page);

  // Close: the concern blocks concluding until it has an action.
  await stage(page, 'Close').click();
  await expect(page.getByText('One concern has neither an action nor a reason for none.')).toBeVisible();
  await page.getByRole('button', { name: 'Conclude the review' }).click();
  await expect(page.getByRole('heading', { name: 'Conclude the review now?' })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, conclude the review' }).click();
  // The reason is said beside the button that was pressed, which has the keyboard again.
  const closing = page.getByRole('region', { name: 'Conclude the review' });
  await expect(page.getByRole('button', { name: 'Conclude the review' })).toBeFocused();
  await expect(closing.getByRole('alert')).toHaveText(
    /cannot be concluded while a concern has neither an action nor a reason for none, starting with: “AB12 has missed two contact visits/,
  );
  await concerns.getByRole('button', { name: 'Add an action for this concern' }).click();
  await expect(actions.getByLabel('What will be done')).toBeFocused();
  await expect(actions.getByLabel('Comes from (optional)')).toHaveValue(/.+/);
  await actions.getByLabel('What will be done').fill('Social worker to arrange contact at a new venue');
  await actions.getByLabel('Who will do it').selectOption({ label: 'The commissioner' });
  await actions.getByRole('button', { name: 'Add action' }).click();
  await expect(concerns.getByText('Action: Social worker to arrange contact at a new venue')).toBeVisible();
  await expectAxeClean(page);
  await page.getByRole('button', { name: 'Conclude the review' }).click();
  await expectAxeClean(page);
  await page.getByRole('button', { name: 'Yes, conclude the review' }).click();
  await expect(page.getByText('This review is concluded and its minutes have been drafted.')).toBeFocused();
  await expectAxeClean(page);

  // Every stage can still be read: the plan, the check-in, a card stage's notes.
  await stage(page, 'Define').click();
  await expect(page.getByLabel('Purpose')).toBeDisabled();
  await stage(page, 'Check-in').click();
  await expect(page.getByRole('table', { name: 'Check-in ratings from 1 to 5' })).toBeVisible();
  await stage(page, 'Deliver').click();
  await expect(stage(page, 'Deliver')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('heading', { name: 'Notes in Deliver' })).toBeVisible();
  await expectAxeClean(page);

  const session = await host.call<{ status: string; notes: unknown[]; actions: unknown[]; cards: unknown[] }>(
    'sessions.get',
    { reviewId: review.id },
  );
  expect(session.status).toBe('concluded');
  expect(session.notes).toHaveLength(3);
  expect(session.actions).toHaveLength(2);
  expect(session.cards.length).toBeGreaterThanOrEqual(5);
});

test('a review run by keyboard: shortcuts for stages, cards, the timer and notes, with a help overlay', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const { review } = await reviewReadyToRun(host);
  await page.goto(`${host.url}#/reviews/${review.id}/run`);
  await expect(page.getByRole('heading', { level: 1, name: review.title })).toBeVisible();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Draw a card');
  await expectAxeClean(page);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('d');
  await cardInPlay(page, 'Define');
  for (const name of ['Check-in', 'Matters arising', 'Discover']) {
    await page.keyboard.press(']');
    await expect(stage(page, name)).toHaveAttribute('aria-current', 'step');
  }
  await page.keyboard.press('t');
  await expect(page.getByRole('group', { name: 'Stage timer' }).getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('d');
  await cardInPlay(page, 'Discover');

  await page.keyboard.press('c');
  await expect(page.getByLabel('Note from the commissioner')).toBeFocused();
  await page.keyboard.type('The keyworker’s weekly walks have become a fixed point.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('p');
  await expect(page.getByLabel('Note from the provider')).toBeFocused();
  await page.keyboard.type('We would like the social worker to join a walk.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('t');
  await expect(page.getByRole('group', { name: 'Stage timer' }).getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(page.getByText('Saved')).toHaveCount(2);

  for (const name of ['Dream', 'Design', 'Deliver']) {
    await page.keyboard.press(']');
    await expect(stage(page, name)).toHaveAttribute('aria-current', 'step');
    await page.keyboard.press('d');
    await expect(page.getByRole('heading', { name: `Drawn in ${name}` })).toBeVisible();
  }
  await page.keyboard.press(']');
  await expect(stage(page, 'Close')).toHaveAttribute('aria-current', 'step');
  // Conclude from the keyboard alone.
  const conclude = page.getByRole('button', { name: 'Conclude the review' });
  await conclude.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Conclude the review now?' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Yes, conclude the review' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('This review is concluded and its minutes have been drafted.')).toBeFocused();

  const session = await host.call<{ notes: { text: string; side: string }[] }>('sessions.get', { reviewId: review.id });
  expect(session.notes.map((note) => [note.side, note.text])).toEqual([
    ['commissioner', 'The keyworker’s weekly walks have become a fixed point.'],
    ['provider', 'We would like the social worker to join a walk.'],
  ]);
});
