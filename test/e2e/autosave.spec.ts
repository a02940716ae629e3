import { expect, test } from './fixtures';
import { reviewReadyToRun } from './session-steps';

const text =
  'The staff know AB12 well: they noticed the quiet days before anyone else did, and the keyworker’s walks on Sundays have become a fixed point of the week. ';

/**
 * Types a note a key at a time and kills the host part-way, as a crash or power cut would. After
 * a restart, the note holds at least everything typed until half a second before the kill.
 */
test('a note typed when the host is killed loses at most the last half second', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { review } = await reviewReadyToRun(host);
  await host.call('sessions.stage', { reviewId: review.id, stage: 'discover' });

  const runs = 3;
  for (let run = 0; run < runs; run++) {
    await page.goto(`${host.url}#/reviews/${review.id}/run`);
    await page.getByRole('button', { name: 'Add a note for the commissioner' }).click();
    const killAfter = 30 + Math.floor(Math.random() * 90);
    const typedAt: number[] = [];
    for (const character of text.slice(0, killAfter)) {
      await page.keyboard.type(character);
      typedAt.push(Date.now());
      await page.waitForTimeout(15);
    }
    const killedAt = Date.now();
    await host.crash();

    const notes = (
      await host.call<{ notes: { side: string; text: string }[] }>('sessions.get', { reviewId: review.id })
    ).notes;
    const saved = notes[run]?.text ?? '';
    const typedBeforeMargin = typedAt.filter((time) => time <= killedAt - 500).length;
    expect(text.startsWith(saved), `run ${run + 1}: the saved text is what was typed`).toBe(true);
    expect(
      saved.length,
      `run ${run + 1}: typed ${killAfter}, ${typedBeforeMargin} of them over half a second before the kill`,
    ).toBeGreaterThanOrEqual(typedBeforeMargin);
    test.info().annotations.push({
      type: 'autosave',
      description: `run ${run + 1}: typed ${killAfter} characters, ${saved.length} saved, ${killAfter - saved.length} lost`,
    });
  }
});
