import type { TimerView } from '@shared/domain/sessions';

/**
 * The stage's clock, shared by the facilitator's screen and the presenter view so that the two
 * never disagree: the same time left, and the same rounding.
 */

/** Time left in the stage's time box, counting on from when the session was read if the timer runs. */
export function timeLeftMs(timer: TimerView, readAt: number, now: number): number {
  const elapsed = timer.elapsedMs + (timer.startedAt ? Math.max(0, now - readAt) : 0);
  return timer.limitMs - elapsed;
}

/**
 * 09:05: minutes and whole seconds, rounded up, so the clock reads 00:01 until the time is really
 * up (and, counted past it, 00:01 over as soon as it is). Negative times are shown as their size.
 */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(Math.abs(ms) / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** How often a running clock is drawn again: often enough that the two screens turn together. */
export const clockTickMs = 250;
