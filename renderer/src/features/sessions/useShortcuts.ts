import { useEffect } from 'react';
import { stages, type Session } from '@shared/domain/sessions';
import { useRoomStore } from './roomStore';
import type { ChangeSession } from './useSession';

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The facilitator's keys (see shortcuts.ts); Escape in a text box hands the keys back. */
export function useShortcuts(session: Session, change: ChangeSession, showHelp: () => void): void {
  const startNote = useRoomStore((state) => state.startNote);
  useEffect(() => {
    if (session.status === 'concluded' || session.status === 'signed') return;
    const { reviewId, stage } = session;
    const running = session.timer.startedAt !== null;
    const stageIndex = stages.indexOf(stage);

    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape' && typingInto(event.target)) {
        (event.target as HTMLElement).blur();
        return;
      }
      if (
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        typingInto(event.target) ||
        document.querySelector('dialog[open]')
      )
        return;
      const actions: Record<string, () => void> = {
        d: () => void change('sessions.draw', { reviewId }),
        ']': () =>
          stageIndex < stages.length - 1 && void change('sessions.stage', { reviewId, stage: stages[stageIndex + 1]! }),
        '[': () => stageIndex > 0 && void change('sessions.stage', { reviewId, stage: stages[stageIndex - 1]! }),
        t: () => void change('sessions.timer', { reviewId, command: running ? 'pause' : 'start' }),
        c: () => startNote(session, 'commissioner'),
        p: () => startNote(session, 'provider'),
        f: () => startNote(session, 'facilitator'),
        '?': showHelp,
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [session, change, startNote, showHelp]);
}
