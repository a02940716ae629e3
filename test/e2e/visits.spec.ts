import type { Locator, Page } from '@playwright/test';
import type { Visit } from '@shared/domain/visits';
import { expect, expectAxeClean, test } from './fixtures';
import { reviewReadyToRun } from './session-steps';

/*
 * Issue 15's done-when, its first part: a visit recorded by keyboard alone on a 13-inch laptop's
 * screen (notes against three variables, one rating with its reason, one note heard from a young
 * person by reference), and the home's page showing the variable's history.
 */

/** Presses Tab until `target` has the keyboard, as someone without a mouse would: it must be reachable. */
async function tabTo(page: Page, target: Locator, most = 60) {
  for (let presses = 0; presses < most; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Chooses an option of the focused select by typing the start of its words, as the keyboard does. */
async function choose(page: Page, select: Locator, typed: string, value: string) {
  await expect(select).toBeFocused();
  await page.keyboard.type(typed);
  await expect(select).toHaveValue(value);
}

test('a visit recorded by keyboard alone: three variables, a rating with its reason, a young person heard by reference; the home’s page charts the variable', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const { home, placement } = await reviewReadyToRun(host);
  // An earlier visit rated the same variable lower: the home's page shows the change.
  const earlier = await host.call<Visit>('visits.create', {
    homeId: home.id,
    visitedAt: '2026-09-08T10:00:00.000Z',
    kind: 'independent',
    purpose: '',
    visitors: [{ name: 'Jo Reg44' }],
    placementIds: [],
  });
  await host.call('visitNotes.save', {
    id: crypto.randomUUID(),
    visitId: earlier.id,
    text: 'Staff mostly in the office.',
    variable: 2,
    rating: 2,
    reason: 'Staff spent the evening on paperwork',
  });

  await page.goto(`${host.url}#/visits`);
  await expect(page.getByRole('heading', { level: 1, name: 'Visits' })).toBeVisible();
  await expectAxeClean(page);
  await tabTo(page, page.getByRole('link', { name: 'Record a visit' }));
  await page.keyboard.press('Enter');

  // The form: the one home is chosen already; when, kind, purpose, who, and the placement.
  await expect(page.getByRole('heading', { level: 1, name: 'Record a visit' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Record a visit' });
  await expect(form.getByRole('combobox', { name: 'Home visited' })).toHaveValue(home.id);
  await expectAxeClean(page);
  const when = form.getByRole('textbox', { name: 'When' });
  await tabTo(page, when);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('3/12/2026 10:30');
  await page.keyboard.press('Tab');
  await choose(page, form.getByRole('combobox', { name: 'Kind of visit' }), 'The c', 'commissioner');
  await page.keyboard.press('Tab');
  await page.keyboard.type('To see the new activity room and how evenings go');
  await tabTo(page, form.getByRole('checkbox', { name: /Sam Okoro/ }));
  await page.keyboard.press('Space');
  await tabTo(page, form.getByRole('checkbox', { name: 'AB12' }));
  await page.keyboard.press('Space');
  await tabTo(page, form.getByRole('button', { name: 'Record the visit' }));
  await page.keyboard.press('Enter');

  // The visit's page: its facts, and notes taken by keyboard.
  await expect(page.getByRole('heading', { level: 1, name: 'Visit to Oakwood House, 3 December 2026' })).toBeVisible();
  const visitId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
  await expect(page.getByText('Sam Okoro', { exact: true })).toBeVisible();
  await expect(page.getByText('The commissioner’s visit')).toBeVisible();
  const notes = page.getByRole('region', { name: 'Notes' });

  // Note 1: N adds it; variable 2 with its question as the prompt, about daily life, rated 4 with a reason.
  await page.keyboard.press('n');
  const first = notes.getByRole('listitem').nth(0);
  await expect(first.getByRole('textbox', { name: 'Note 1' })).toBeFocused();
  await page.keyboard.type('Staff ate tea with the young people and talked about the weekend.');
  await page.keyboard.press('Tab');
  await choose(page, first.getByRole('combobox', { name: 'Variable' }), '2', '2');
  await expect(first).toContainText('The amount of time staff spend with young people rather than doing other duties.');
  await page.keyboard.press('Tab');
  await choose(page, first.getByRole('combobox', { name: 'About' }), 'The h', 'home');
  await page.keyboard.press('Tab');
  await choose(page, first.getByRole('combobox', { name: 'How it was noticed' }), 'Seen', 'seen');
  await page.keyboard.press('Tab');
  await choose(page, first.getByRole('combobox', { name: 'Rating' }), '4', '4');
  await page.keyboard.press('Tab');
  await expect(first.getByRole('textbox', { name: 'Reason for the rating' })).toBeFocused();
  await page.keyboard.type('Staff sat with everyone at tea, not in the office');

  // Note 2: Ctrl+Enter from anywhere in a note adds the next; heard from a young person, by reference.
  await page.keyboard.press('ControlOrMeta+Enter');
  const second = notes.getByRole('listitem').nth(1);
  await expect(second.getByRole('textbox', { name: 'Note 2' })).toBeFocused();
  await page.keyboard.type('Says the new activity room is the best thing this year.');
  await page.keyboard.press('Tab');
  await choose(page, second.getByRole('combobox', { name: 'Variable' }), '4', '4');
  await expect(second).toContainText('Is the home and activity stimulating?');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await choose(
    page,
    second.getByRole('combobox', { name: 'How it was noticed' }),
    'Heard from a',
    'heard_young_person',
  );
  await page.keyboard.press('Tab');
  await expect(second.getByRole('textbox', { name: /The young person’s reference/ })).toBeFocused();
  await page.keyboard.type('AB12');

  // Note 3: variable 8, about how the authority and the home relate.
  await page.keyboard.press('ControlOrMeta+Enter');
  const third = notes.getByRole('listitem').nth(2);
  await expect(third.getByRole('textbox', { name: 'Note 3' })).toBeFocused();
  await page.keyboard.type('Staff were glad the council asked before the visit, not after.');
  await page.keyboard.press('Tab');
  await choose(page, third.getByRole('combobox', { name: 'Variable' }), '8', '8');
  await expect(third).toContainText('Do staff seems to enjoy their work and being with young people?');
  await page.keyboard.press('Tab');
  await choose(page, third.getByRole('combobox', { name: 'About' }), 'How', 'relationship');

  // Everything typed is in the case book, as typed.
  await expect(notes.getByText('Saved', { exact: true })).toHaveCount(3);
  await expect
    .poll(async () => {
      const visit = await host.call<Visit>('visits.get', { visitId });
      return visit.notes.map(({ variable, about, kind, youngPerson, rating, reason }) => ({
        variable,
        about,
        kind,
        youngPerson,
        rating,
        reason,
      }));
    })
    .toEqual([
      {
        variable: 2,
        about: 'home',
        kind: 'seen',
        youngPerson: '',
        rating: 4,
        reason: 'Staff sat with everyone at tea, not in the office',
      },
      { variable: 4, about: null, kind: 'heard_young_person', youngPerson: 'AB12', rating: null, reason: '' },
      { variable: 8, about: 'relationship', kind: null, youngPerson: '', rating: null, reason: '' },
    ]);
  const visit = await host.call<Visit>('visits.get', { visitId });
  expect(visit).toMatchObject({
    homeId: home.id,
    visitedAt: new Date('2026-12-03T10:30').toISOString(),
    kind: 'commissioner',
    purpose: 'To see the new activity room and how evenings go',
    visitors: [{ name: 'Sam Okoro' }],
    placements: [{ id: placement.id, childReference: 'AB12' }],
  });
  // The notes fit a 13-inch laptop's screen: nothing is wider than the window.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  await expectAxeClean(page);

  // The home's page: the visits in its history, and variable 2's ratings over time.
  await page.goto(`${host.url}#/casebook/homes/${home.id}`);
  const visits = page.getByRole('region', { name: 'Visits' });
  await expect(visits.getByRole('row')).toHaveCount(3);
  await expect(visits.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    /^3 December 2026/,
    'The commissioner’s visit',
    'Sam Okoro',
    '3',
  ]);
  const variables = page.getByRole('region', { name: 'The thirteen variables across visits' });
  const chart = variables.getByRole('img', { name: /^2\. Degree of staff involvement/ });
  await expect(chart).toHaveAccessibleName(
    '2. Degree of staff involvement with young people: rated at 2 visits, from 2 on 8 September 2026 to 4 on 3 December 2026',
  );
  // Only rated variables are charted.
  await expect(variables.getByRole('img')).toHaveCount(1);
  const box = (await chart.boundingBox())!;
  expect(box.width).toBeGreaterThan(200);
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
  const [before, after] = await Promise.all([0, 1].map((n) => chart.locator('circle').nth(n).boundingBox()));
  // The later, higher rating is to the right and higher up.
  expect(after!.x).toBeGreaterThan(before!.x);
  expect(after!.y).toBeLessThan(before!.y);

  const table = variables.getByRole('table', { name: /^2\. Degree of staff involvement/ });
  await expect(table).toBeHidden();
  await variables.getByText('Show the figures').focus();
  await page.keyboard.press('Enter');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row').nth(1).locator('th, td')).toHaveText([
    '8 September 2026',
    '2',
    'Staff spent the evening on paperwork',
  ]);
  await expect(table.getByRole('row').nth(2).locator('th, td')).toHaveText([
    '3 December 2026',
    '4',
    'Staff sat with everyone at tea, not in the office',
  ]);
  await expectAxeClean(page);
});
