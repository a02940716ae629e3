import { expect, test } from 'vitest';
import { formatClock, timeLeftMs } from '@renderer/ui/clock';

test('one clock for both screens: whole seconds rounded up, minutes and seconds in two figures', () => {
  expect(formatClock(20 * 60_000)).toBe('20:00');
  expect(formatClock(20 * 60_000 - 1)).toBe('20:00');
  expect(formatClock(20 * 60_000 - 1_000)).toBe('19:59');
  expect(formatClock(9 * 60_000 + 4_200)).toBe('09:05');
  expect(formatClock(1)).toBe('00:01');
  expect(formatClock(0)).toBe('00:00');
  // Past the time box, how far past: as soon as it is, a second.
  expect(formatClock(-1)).toBe('00:01');
  expect(formatClock(-61_000)).toBe('01:01');
});

test('time left counts on from the read only while the timer runs', () => {
  const paused = { stage: 'discover', startedAt: null, elapsedMs: 1_400, limitMs: 60_000 } as const;
  expect(timeLeftMs(paused, 0, 10_000)).toBe(58_600);
  const running = { ...paused, startedAt: '2026-12-03T10:00:00Z' };
  expect(timeLeftMs(running, 1_000, 3_000)).toBe(56_600);
  expect(formatClock(timeLeftMs(paused, 0, 0))).toBe('00:59');
});
