import { cardStages, defaultTimeBoxes } from '@shared/domain/sessions';
import { expect, expectAxeClean, test } from './fixtures';
import { reviewReadyToRun } from './session-steps';

interface Card {
  id: string;
  title: string;
  phases: string[];
  paper?: { text: string } | null;
  questions: { phase: string; text: string }[];
}

const rated = (score: number) => ({
  'senior-relationships': { score },
  collaboration: { score },
  'difficult-needs': { score: score - 1, word: 'patchy' },
  'mutual-advantage': { score },
});

test('the presenter fits the longest card at 1366×768 and 1920×1080, shows the revealed check-in, and keeps the facilitator’s time', async ({
  page,
  context,
  host,
}) => {
  test.setTimeout(120_000);
  const { review } = await reviewReadyToRun(host);
  const reviewId = review.id;
  const decks = await host.call<{ id: string }[]>('decks.list');
  const deckId = decks[0]!.id;
  await host.call('sessions.plan', {
    reviewId,
    affirmativeTopic: 'Times when AB12 felt at home, and what made them possible',
    deckId,
    timeBoxes: defaultTimeBoxes,
  });

  // The longest card the room can be shown: its title, its words from the paper and one stage's questions.
  const deck = await host.call<{ cards: Card[] }>('decks.get', { deckId });
  const shown = deck.cards.flatMap((card) =>
    cardStages
      .filter((stage) => card.phases.includes(stage))
      .map((stage) => {
        const questions = card.questions.filter((question) => question.phase === stage);
        const length = [card.title, card.paper?.text ?? '', ...questions.map((q) => q.text)].join(' ').length;
        return { card, stage, questions, length };
      }),
  );
  const longest = shown.reduce((a, b) => (b.length > a.length ? b : a));
  test.info().annotations.push({
    type: 'longest card',
    description: `${longest.card.id} in ${longest.stage}: ${longest.length} characters, ${longest.questions.length} questions`,
  });
  await host.call('sessions.stage', { reviewId, stage: longest.stage });
  await host.call('sessions.draw', { reviewId, cardId: longest.card.id });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(`${host.url}#/present/${reviewId}`);
    const card = page.getByRole('region', { name: longest.card.title });
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(longest.card.title);
    const last = longest.questions.length
      ? card.getByRole('listitem').last()
      : card.getByText(/This card has no questions/);
    await expect(last).toBeVisible();
    // Once the fonts are in and the type is fitted, the card's last words are inside the window.
    await page.evaluate(() => document.fonts.ready);
    await expect
      .poll(async () => {
        const box = await last.boundingBox();
        return box && box.y >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width;
      })
      .toBe(true);
    const fit = await page.evaluate(() => document.getElementById('main')!.style.getPropertyValue('--fit'));
    const lastBox = await last.boundingBox();
    test.info().annotations.push({
      type: `${viewport.width}×${viewport.height}`,
      description: `type drawn at ${fit}; last question's foot at ${Math.round(lastBox!.y + lastBox!.height)} px`,
    });
    const title = await card.getByRole('heading', { level: 2 }).boundingBox();
    expect(title!.y).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  }
  await expectAxeClean(page);

  // The check-in: who has rated, then both sides' ratings together, as the stage's words promise.
  await host.call('sessions.stage', { reviewId, stage: 'checkin' });
  await expect(page.getByText('Commissioner: not yet rated')).toBeVisible();
  await host.call('checkin.submit', { reviewId, side: 'commissioner', ratings: rated(4) });
  await expect(page.getByText('Commissioner: has rated')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await host.call('checkin.submit', { reviewId, side: 'provider', ratings: rated(3) });
  const table = page.getByRole('table', { name: /Both sides’ ratings/ });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row').nth(3)).toHaveText(
    /Success with difficult-to-meet needs\s*3\s*“patchy”\s*2\s*“patchy”/,
  );
  await expect(table.getByRole('row').nth(1)).toHaveText(/4\s*3$/);
  await expectAxeClean(page);

  // One clock: with the timer stopped part-way through a second, both screens read the same.
  await host.call('sessions.stage', { reviewId, stage: 'discover' });
  await host.call('sessions.timer', { reviewId, command: 'start' });
  await page.waitForTimeout(1_400);
  await host.call('sessions.timer', { reviewId, command: 'pause' });
  const facilitator = await context.newPage();
  await facilitator.goto(`${host.url}#/reviews/${reviewId}/run`);
  const theirs = facilitator.getByRole('group', { name: 'Stage timer' }).locator('.stage-timer__clock');
  await expect(theirs).toHaveText(/^\d\d:\d\d left/);
  const presenterTime = await page.getByRole('timer', { name: 'Time left' }).textContent();
  await expect(theirs).toHaveText(new RegExp(`^${presenterTime} left`));
});
