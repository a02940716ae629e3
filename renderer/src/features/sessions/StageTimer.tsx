import { useEffect, useRef, useState } from 'react';
import { stageLabels } from '@shared/domain/sessions';
import { clockTickMs, formatClock, timeLeftMs } from '@renderer/ui/clock';
import { useChangeSession, useSession, useSessionReadAt } from './useSession';

/** A gentle, short tone: the stage's time is up. It never moves the review on. */
function chime(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = 660;
    volume.gain.setValueAtTime(0.08, audio.currentTime);
    volume.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 1.2);
    tone.connect(volume).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 1.2);
  } catch {
    // No sound on this computer: the words on screen still say it.
  }
}

export function StageTimer() {
  const session = useSession();
  const readAt = useSessionReadAt();
  const change = useChangeSession();
  const [now, setNow] = useState(() => Date.now());
  const running = session.timer.startedAt !== null;
  const left = timeLeftMs(session.timer, readAt, now);
  const over = left <= 0;
  const signalled = useRef(false);

  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), clockTickMs);
    return () => clearInterval(tick);
  }, [running]);

  useEffect(() => {
    if (over && running && !signalled.current) chime();
    signalled.current = over;
  }, [over, running]);

  const reviewId = session.reviewId;
  const concluded = session.status === 'concluded' || session.status === 'signed';
  return (
    <div className="stage-timer" role="group" aria-label="Stage timer">
      <p className={over ? 'stage-timer__clock stage-timer__clock--over' : 'stage-timer__clock'}>
        {over ? `Time is up: ${formatClock(-left)} over` : `${formatClock(left)} left`}
        {!running && !concluded && <span className="stage-timer__paused"> (paused)</span>}
      </p>
      <p role="status" className="visually-hidden">
        {over ? `Time is up for ${stageLabels[session.stage]}. Move on when you are ready.` : ''}
      </p>
      <button
        type="button"
        className="button"
        disabled={concluded}
        onClick={() => void change('sessions.timer', { reviewId, command: running ? 'pause' : 'start' })}
      >
        {running ? 'Pause' : 'Start'}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={concluded}
        onClick={() => void change('sessions.timer', { reviewId, command: 'extend', minutes: 5 })}
      >
        Add 5 minutes
      </button>
    </div>
  );
}
