import { stageLabels, stages } from '@shared/domain/sessions';
import { expect, expectAxeClean, test } from './fixtures';
import { reviewReadyToRun } from './session-steps';

test('at 1366 px the stage rail is one row, and no stage repeats its heading', async ({ page, host }) => {
  test.setTimeout(90_000);
  const { review } = await reviewReadyToRun(host);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${host.url}#/reviews/${review.id}/run`);
  const rail = page.getByRole('navigation', { name: 'Stages' });
  const buttons = rail.getByRole('button');
  await expect(buttons).toHaveCount(8);

  const railBox = (await rail.boundingBox())!;
  const boxes = await Promise.all(stages.map((_, index) => buttons.nth(index).boundingBox()));
  const tops = boxes.map((box) => Math.round(box!.y));
  test.info().annotations.push({
    type: 'rail at 1366 px',
    description: `tops ${tops.join(', ')}; rail ${Math.round(railBox.x)}–${Math.round(railBox.x + railBox.width)} px`,
  });
  expect(new Set(tops).size).toBe(1);
  for (const box of boxes) expect(box!.x + box!.width).toBeLessThanOrEqual(railBox.x + railBox.width + 0.5);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // Each stage's heading is said once: a panel inside it names what it holds, not the stage again.
  for (const stage of stages) {
    await rail.getByRole('button', { name: new RegExp(stageLabels[stage]) }).click();
    await expect(page.getByRole('heading', { level: 2, name: stageLabels[stage], exact: true })).toBeVisible();
    const headings = await page.getByRole('heading').allTextContents();
    const repeated = headings.filter((text, index) => headings.indexOf(text) !== index);
    expect(repeated, `${stageLabels[stage]}: ${headings.join(' / ')}`).toEqual([]);
  }
  await expectAxeClean(page);
});

test('what a form or button brings about is said beside it, not above the stage rail', async ({ page, host }) => {
  test.setTimeout(90_000);
  const { review } = await reviewReadyToRun(host);
  await host.call('sessions.stage', { reviewId: review.id, stage: 'deliver' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${host.url}#/reviews/${review.id}/run`);

  /** How far apart two things are, up and down: from the foot of the higher to the top of the lower. */
  async function gap(a: ReturnType<typeof page.locator>, b: ReturnType<typeof page.locator>) {
    const [x, y] = [(await a.boundingBox())!, (await b.boundingBox())!];
    return Math.max(0, Math.max(x.y, y.y) - Math.min(x.y + x.height, y.y + y.height));
  }
  const measured: string[] = [];

  // An action without what will be done.
  const actions = page.getByRole('group', { name: 'Add an action' });
  const add = actions.getByRole('button', { name: 'Add action' });
  await add.scrollIntoViewIfNeeded();
  await add.click();
  const say = page.getByText('Say what will be done.');
  await expect(say).toHaveCount(1);
  const sayGap = await gap(say, actions.getByLabel('What will be done'));
  measured.push(`“Say what will be done.” ${Math.round(sayGap)} px from its field`);
  expect(sayGap).toBeLessThan(40);
  await expect(actions.getByLabel('What will be done')).toBeFocused();

  // A concern answered with a reason.
  await page.getByRole('button', { name: 'Add a note for the provider' }).click();
  await page.keyboard.type('AB12 has missed two contact visits with their mother.');
  await page.getByLabel('Kind').selectOption({ label: 'Concern' });
  const concerns = page.getByRole('region', { name: 'Concerns (1)' });
  await concerns.getByLabel('Or why no action is needed').fill('Contact is already rearranged for next week.');
  const record = concerns.getByRole('button', { name: 'Record the reason' });
  await record.click();
  const recorded = page.getByText('Reason recorded.');
  await expect(recorded).toHaveCount(1);
  await expect(record).toBeFocused();
  const reasonGap = await gap(recorded, record);
  measured.push(`“Reason recorded.” ${Math.round(reasonGap)} px from its button`);
  expect(reasonGap).toBeLessThan(60);
  const rail = await page.getByRole('navigation', { name: 'Stages' }).boundingBox();
  expect((await recorded.boundingBox())!.y).toBeGreaterThan(rail!.y + rail!.height);

  // An action added: said beside the form, which is ready for the next.
  await actions.getByLabel('What will be done').fill('Share the education plan with the home');
  await actions.getByLabel('Who will do it').selectOption({ label: 'The commissioner' });
  await add.click();
  const added = page.getByRole('region', { name: 'Actions' }).getByText('Action added.');
  await expect(added).toBeVisible();
  const addedGap = await gap(added, add);
  measured.push(`“Action added.” ${Math.round(addedGap)} px from its button`);
  expect(addedGap).toBeLessThan(60);
  await expect(actions.getByLabel('What will be done')).toBeFocused();
  await expect(actions.getByLabel('Who will do it')).toHaveValue('');
  test.info().annotations.push({ type: 'distances at 1366×768', description: measured.join('; ') });
  await expectAxeClean(page);
});
