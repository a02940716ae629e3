import type { Visit } from '@shared/domain/visits';
import { expect, expectAxeClean, test } from './fixtures';
import { moveTo, reviewReadyToRun } from './session-steps';

/*
 * Issue 15's done-when, the review's part: a visit to the home between reviews, with notes against
 * the variables, is there when the next review of its placement is planned from the placement's page; it
 * shows in Matters arising and Discover, one of its notes is brought into Discover as evidence,
 * and once concluded the minutes list the visit and cite the note.
 */

test('a visit since the last review is in Matters arising and Discover, a note of it is brought in, and the minutes cite it', async ({
  page,
  host,
}) => {
  test.setTimeout(150_000);
  // The earlier review was held in June; the one planned for 3 December is not held yet.
  const { home, placement } = await reviewReadyToRun(host);
  const visit = await host.call<Visit>('visits.create', {
    homeId: home.id,
    visitedAt: '2026-10-14T08:30:00.000Z',
    kind: 'commissioner',
    purpose: 'Breakfast before school',
    visitors: [{ name: 'Sam Okoro' }],
    placementIds: [placement.id],
  });
  const evidence = 'The contact log shows all twelve visits kept this term';
  for (const fields of [
    {
      text: evidence,
      variable: 10,
      kind: 'read_record',
      source: 'the home’s contact log',
      rating: 5,
      reason: '12 of 12',
    },
    { text: 'Staff and young people ate together, unhurried', variable: 1, kind: 'seen' },
  ])
    await host.call('visitNotes.save', { id: crypto.randomUUID(), visitId: visit.id, ...fields });

  // The next review of the placement, planned from its page.
  await page.goto(`${host.url}#/casebook/placements/${placement.id}`);
  await page.getByRole('link', { name: 'Plan the next review' }).click();
  const form = page.getByRole('form', { name: 'Plan a review' });
  await form.getByLabel('Date and time').fill('10/12/2026 10:00');
  await form.getByRole('button', { name: 'Plan review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /10 December 2026/ })).toBeVisible();
  const reviewId = page.url().split('#/reviews/')[1]!.split('/')[0]!;
  await page.goto(`${host.url}#/reviews/${reviewId}/run`);

  // Matters arising: the visit and its notes.
  await moveTo(page, 'matters');
  const since = page.getByRole('region', { name: 'Since the last review' });
  const visitCard = since.getByRole('article', { name: 'The commissioner’s visit, 14 October 2026' });
  await expect(visitCard).toContainText('Sam Okoro: Breakfast before school');
  await expect(visitCard).toContainText('10. Emphasis on family contact; Read in a record; rated 5 of 5: 12 of 12');
  await expect(visitCard).toContainText('Staff and young people ate together, unhurried');
  await expectAxeClean(page);

  // Discover: one note brought into the room as evidence, once.
  await moveTo(page, 'discover');
  await visitCard.getByRole('button', { name: `Bring in as evidence: ${evidence}` }).click();
  await expect(visitCard.getByText('Brought into the room as evidence.')).toBeVisible();
  await expect(visitCard.getByText('In the room')).toBeVisible();
  const notes = page.getByRole('region', { name: 'Notes in Discover' });
  await expect(notes.getByRole('textbox', { name: 'Evidence from the commissioner' })).toHaveValue(evidence);
  await expect(notes.getByLabel('Where it was seen, read or measured')).toHaveValue(
    'the home’s contact log; The commissioner’s visit on 14 October 2026',
  );

  await moveTo(page, 'close');
  await page.getByRole('button', { name: 'Conclude the review' }).click();
  await page.getByRole('button', { name: 'Yes, conclude the review' }).click();
  await expect(page.getByText('This review is concluded and its minutes have been drafted.')).toBeVisible();

  await page.goto(`${host.url}#/reviews/${reviewId}/minutes`);
  const minutes = page.getByRole('article', { name: 'The minutes' });
  const visits = minutes.getByRole('region', { name: 'Visits since the last review' });
  await expect(visits).toContainText(
    'the commissioner’s visit to Oakwood House, by Sam Okoro. Breakfast before school (2 notes)',
  );
  await expect(minutes).toContainText(`${evidence} (Commissioner, evidence: seen, read or measured)`);
  await expect(minutes).toContainText('From the commissioner’s visit on 14 October 2026.');
  await expectAxeClean(page);
});
