import type { DeckCard } from '@shared/deck/decks';
import { randomUUID } from 'node:crypto';
import { defaultTimeBoxes } from '@shared/domain/sessions';
import { expect, expectAxeClean, test, type RunningHost } from './fixtures';

interface Created {
  id: string;
  title: string;
}

/** A council, a provider, a home and a placement, through the API as the screens would make them. */
async function seedCaseBook(host: RunningHost) {
  const council = await host.call<Created>('organisations.create', {
    name: 'Northshire County Council',
    kind: 'local_authority',
  });
  const provider = await host.call<Created>('organisations.create', { name: 'Brightwater Care Ltd', kind: 'provider' });
  const home = await host.call<Created>('homes.create', {
    providerId: provider.id,
    name: 'Oakwood House',
    ofstedUrn: 'SC123456',
  });
  const placement = await host.call<Created>('placements.create', {
    homeId: home.id,
    placingAuthorityId: council.id,
    childReference: 'AB12',
    startDate: '2026-01-05',
    status: 'current',
  });
  return { council, provider, home, placement };
}

function ratings(scores: [number, number, number, number]) {
  const [senior, collaboration, needs, advantage] = scores;
  return {
    'senior-relationships': { score: senior },
    collaboration: { score: collaboration },
    'difficult-needs': { score: needs },
    'mutual-advantage': { score: advantage },
  };
}

test('the presenter view shows the stage, card, turn and timer, and follows the facilitator', async ({
  page,
  host,
}) => {
  test.setTimeout(60_000);
  const { placement } = await seedCaseBook(host);
  const review = await host.call<Created>('reviews.create', {
    scope: 'placement',
    placementId: placement.id,
    scheduledFor: '2026-12-03T10:00:00.000Z',
  });
  const reviewId = review.id;
  const decks = await host.call<{ id: string }[]>('decks.list');
  await host.call('sessions.plan', {
    reviewId,
    affirmativeTopic: 'Times when AB12 felt at home, and what made them possible',
    deckId: decks[0]!.id,
    timeBoxes: defaultTimeBoxes,
  });
  await host.call('sessions.stage', { reviewId, stage: 'discover' });
  await host.call('sessions.draw', { reviewId, cardId: 'sellick-1-senior-relationships' });
  await host.call('sessions.timer', { reviewId, command: 'start' });

  // The page's own clock, so the test can move it on to the end of the time box.
  await page.clock.install();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${host.url}#/present/${reviewId}`);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${review.title}, 3 December 2026`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  const status = page.getByRole('region', { name: 'Where the review is' });
  await expect(status).toContainText('Discover');
  await expect(status).toContainText('Commissioner’s turn');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Pivotal, respectful relationships between senior staff' }),
  ).toBeVisible();
  await expect(page.getByRole('blockquote')).toHaveText(
    'Pivotal, respectful relationships between key senior staff members',
  );
  await expect(
    page.getByText('Quotation from Re:thinking Children’s Commissioning, “Conclusion”, page 21'),
  ).toBeVisible();
  // Discover's questions for a card drawn fresh, as the deck words them: the home's first, then the relationship's.
  const drawn = await host.call<DeckCard>('cards.get', {
    deckId: decks[0]!.id,
    cardId: 'sellick-1-senior-relationships',
  });
  const lensWords = { home: 'In the home', relationship: 'Between commissioner and provider' } as const;
  const asked = drawn.questions
    .filter((question) => question.phase === 'discover' && !question.followUp)
    .sort((a, b) => Number(a.lens !== 'home') - Number(b.lens !== 'home'))
    .map((question) => `${question.lens ? lensWords[question.lens] : ''}${question.text}`);
  expect(asked.length).toBeGreaterThanOrEqual(2);
  const card = page.getByRole('region', { name: 'Pivotal, respectful relationships between senior staff' });
  await expect(card.getByRole('listitem')).toHaveText(asked);

  // The timer runs down by itself, a second at a time, from the 20 minutes of Discover.
  const timer = page.getByRole('timer', { name: 'Time left' });
  await expect(timer).toHaveText(/^(20:00|19:5\d)$/);
  const before = await timer.textContent();
  await page.clock.runFor(3_000);
  await expect(timer).not.toHaveText(before!);
  await expect(timer).toHaveText(/^19:5\d$/);

  // A typical card fits the room's screen without scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  await expectAxeClean(page);

  // It follows the facilitator: whose turn, a new card, the timer paused, another stage.
  const announcement = page.getByRole('status');
  await host.call('sessions.turn', { reviewId, side: 'provider' });
  await expect(status).toContainText('Provider’s turn');
  await expect(announcement).toHaveText('Provider’s turn.');

  await host.call('sessions.draw', { reviewId, cardId: 'sellick-4-mutual-advantage' });
  const mutual = await host.call<{ title: string }>('cards.get', {
    deckId: decks[0]!.id,
    cardId: 'sellick-4-mutual-advantage',
  });
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(mutual.title);
  await expect(announcement).toHaveText(`Card: ${mutual.title}.`);

  await host.call('sessions.timer', { reviewId, command: 'pause' });
  await expect(page.getByText('Paused', { exact: true })).toBeVisible();
  const paused = await timer.textContent();
  await page.clock.runFor(3_000);
  await expect(timer).toHaveText(paused!);

  await host.call('sessions.stage', { reviewId, stage: 'dream' });
  await expect(status).toContainText('Dream');
  await expect(announcement).toHaveText('Stage: Dream.');
  await expect(timer).toHaveText('15:00');
  await expect(page.getByText('Not started', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(mutual.title);
  await expect(page.getByRole('heading', { level: 3, name: 'Questions for Dream' })).toBeAttached();

  // Past the time box it says so, and stays on the stage: it never moves on by itself.
  await host.call('sessions.timer', { reviewId, command: 'start' });
  await expect(page.getByText('Not started', { exact: true })).toBeHidden();
  await page.clock.fastForward('15:01');
  await expect(timer).toHaveText('Time is up');
  await expect(announcement).toHaveText('Time is up.');
  await expect(status).toContainText('Dream');
  await expectAxeClean(page);

  // A stage without cards shows what the stage is for and the affirmative topic.
  await host.call('sessions.stage', { reviewId, stage: 'checkin' });
  await expect(status).toContainText('Check-in');
  await expect(
    page.getByText('Each side rates the relationship privately; both ratings are shown together.'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Our affirmative topic' })).toBeVisible();
  await expect(page.getByText('Times when AB12 felt at home, and what made them possible')).toBeVisible();
  await expect(announcement).toHaveText('Stage: Check-in. No card.');
  await expectAxeClean(page);

  // Notes being typed leave the room's screen alone: only a change of state makes it read again.
  const reads: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/sessions.get')) reads.push(request.url());
  });
  await host.call('notes.save', {
    id: randomUUID(),
    reviewId,
    stage: 'checkin',
    side: 'provider',
    kind: 'story',
    text: 'We kept in touch all summer.',
  });
  await host.call('sessions.turn', { reviewId, side: 'commissioner' });
  await expect(status).toContainText('Commissioner’s turn');
  expect(reads).toHaveLength(1);
});

test('a home’s page charts the check-in across its reviews, with the figures behind the chart', async ({
  page,
  host,
}) => {
  const { council, provider, home, placement } = await seedCaseBook(host);
  const first = await host.call<Created>('reviews.create', {
    scope: 'home',
    homeId: home.id,
    commissionerId: council.id,
    scheduledFor: '2026-03-03T10:00:00.000Z',
  });
  await host.call('checkin.submit', { reviewId: first.id, side: 'commissioner', ratings: ratings([3, 3, 3, 3]) });
  await host.call('checkin.submit', { reviewId: first.id, side: 'provider', ratings: ratings([3, 3, 2, 3]) });
  await host.call('sessions.conclude', { reviewId: first.id });
  const second = await host.call<Created>('reviews.create', {
    scope: 'home',
    homeId: home.id,
    commissionerId: council.id,
    scheduledFor: '2026-09-08T10:00:00.000Z',
  });
  await host.call('checkin.submit', { reviewId: second.id, side: 'commissioner', ratings: ratings([4, 4, 5, 4]) });

  await page.goto(`${host.url}#/casebook/homes/${home.id}`);
  const section = page.getByRole('region', { name: 'Check-in across reviews' });
  const chart = section.getByRole('img');
  // Until the provider rates in the second review, only the first is shown.
  await expect(chart).toHaveAccessibleName('Average check-in score in 1 review: commissioner 3.0, provider 2.8');

  // The page follows: once both sides have rated, the second review joins the chart.
  await host.call('checkin.submit', { reviewId: second.id, side: 'provider', ratings: ratings([4, 4, 4, 4]) });
  await expect(chart).toHaveAccessibleName(
    'Average check-in score across 2 reviews: commissioner from 3.0 to 4.3, provider from 2.8 to 4.0',
  );
  await expect(section.getByRole('listitem')).toHaveText([
    'Commissioner (solid line, round points)',
    'Provider (dashed line, square points)',
  ]);

  const table = section.getByRole('table', { name: 'Check-in scores by review, from 1 (weak) to 5 (strong)' });
  await expect(table).toBeHidden();
  await section.getByText('Show the figures').click();
  await expect(table).toBeVisible();
  const cells = (row: number) => table.getByRole('row').nth(row).locator('th, td');
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(cells(0)).toHaveText([
    'Date',
    'Review',
    'Side',
    'Senior relationships',
    'Collaboration',
    'Difficult-to-meet needs',
    'Mutual advantage',
    'Average',
  ]);
  await expect(cells(1)).toHaveText(['3 March 2026', first.title, 'Commissioner', '3', '3', '3', '3', '3.0']);
  await expect(cells(2)).toHaveText(['Provider', '3', '3', '2', '3', '2.8']);
  await expect(cells(3)).toHaveText(['8 September 2026', second.title, 'Commissioner', '4', '4', '5', '4', '4.3']);
  await expect(cells(4)).toHaveText(['Provider', '4', '4', '4', '4', '4.0']);
  await expectAxeClean(page);

  // The provider's page shows the same reviews; a placement with no review has none yet.
  await page.goto(`${host.url}#/casebook/organisations/${provider.id}`);
  await expect(page.getByRole('region', { name: 'Check-in across reviews' }).getByRole('img')).toHaveAccessibleName(
    /across 2 reviews/,
  );
  await page.goto(`${host.url}#/casebook/placements/${placement.id}`);
  await expect(page.getByRole('region', { name: 'Check-in across reviews' })).toContainText(
    'No check-ins yet: ratings appear here once both sides have rated in a review.',
  );
  await expectAxeClean(page);
});
