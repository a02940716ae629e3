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
