import { useEffect, useState } from 'react';
import type { TimerView } from '@shared/domain/sessions';
import { clockTickMs, formatClock, timeLeftMs } from '@renderer/ui/clock';

/**
 * The stage's clock for the room: minutes and seconds left, “Time is up” once past the time box
 * (the review never moves on by itself), and whether it is paused. The figures are not a live
 * region: `onTimeUp` is told once when the time runs out, for the page to announce.
 */
export function PresenterTimer({
  timer,
  readAt,
  onTimeUp,
}: {
  timer: TimerView;
  readAt: number;
  onTimeUp: () => void;
}) {
  const [now, setNow] = useState(() => Date.now());
  const running = timer.startedAt !== null;

  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), clockTickMs);
    return () => clearInterval(tick);
  }, [running, readAt]);

  const left = timeLeftMs(timer, readAt, now);
  const over = left <= 0;
  useEffect(() => {
    if (over) onTimeUp();
  }, [over, onTimeUp]);

  const state = running ? null : timer.elapsedMs === 0 ? 'Not started' : 'Paused';
  return (
    <div className={over ? 'presenter-timer presenter-timer--over' : 'presenter-timer'}>
      <p className="presenter-label" id="presenter-timer-label">
        Time left
      </p>
      <p className="presenter-timer__time" role="timer" aria-labelledby="presenter-timer-label">
        {over ? 'Time is up' : formatClock(left)}
      </p>
      <p className="presenter-timer__state">{state}</p>
    </div>
  );
}
