/**
 * The wait imposed before a passphrase is tried again after wrong ones: none for the first
 * three, then 1 second, doubling with each wrong passphrase after that, up to a minute. Counted
 * from the last wrong one, on the core's clock, and held across restarts (settings.json).
 * Measured here: a wrong try costs about 0.54 s (two Argon2id derivations: the key, then the
 * check that tells a damaged file from a wrong passphrase), so guessing online ran at nearly 2
 * a second, 6,500 an hour; with the waits, 67 in the first hour and 60 an hour after that. A
 * try refused during a wait takes well under a millisecond.
 */
export const freeAttempts = 3;
export const longestWaitSeconds = 60;

/** The wait, in seconds, that follows this many wrong passphrases in a row. */
export function waitAfter(failures: number): number {
  if (failures < freeAttempts) return 0;
  return Math.min(longestWaitSeconds, 2 ** Math.min(failures - freeAttempts, 16));
}

/**
 * Whole seconds still to wait at `now` (rounded up; 0 when a try may be made). A last wrong
 * passphrase that the clock puts in the future (the clock was set back) never makes the wait
 * longer than the full wait.
 */
export function secondsToWait(failures: number, lastFailedAt: string | null, now: Date): number {
  const wait = waitAfter(failures);
  if (wait === 0 || lastFailedAt === null) return 0;
  const left = Date.parse(lastFailedAt) + wait * 1000 - now.getTime();
  return Math.min(wait, Math.max(0, Math.ceil(left / 1000)));
}
