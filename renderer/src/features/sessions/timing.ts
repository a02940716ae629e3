import type { TimerView } from '@shared/domain/sessions';

/** Time left in the stage, counting on from when the session was read if the timer runs. */
export function remainingMs(timer: TimerView, readAt: number, now: number): number {
  const elapsed = timer.elapsedMs + (timer.startedAt ? Math.max(0, now - readAt) : 0);
  return timer.limitMs - elapsed;
}

/** 12:05 */
export function formatClock(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
