import { useEffect } from 'react';
import { stages, type Session } from '@shared/domain/sessions';
import { useSessionStore } from './sessionStore';

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The facilitator's keys (see shortcuts.ts); Escape in a text box hands the keys back. */
export function useShortcuts(session: Session | null, showHelp: () => void): void {
  useEffect(() => {
    if (!session || session.status === 'concluded' || session.status === 'signed') return;
    const { reviewId, stage } = session;
    const { change, startNote } = useSessionStore.getState();
    const running = session.timer.startedAt !== null;
    const stageIndex = stages.indexOf(stage);

    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape' && typingInto(event.target)) {
        (event.target as HTMLElement).blur();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target) || document.querySelector('dialog[open]')) return;
      const actions: Record<string, () => void> = {
        d: () => void change('sessions.draw', { reviewId }),
        ']': () => stageIndex < stages.length - 1 && void change('sessions.stage', { reviewId, stage: stages[stageIndex + 1]! }),
        '[': () => stageIndex > 0 && void change('sessions.stage', { reviewId, stage: stages[stageIndex - 1]! }),
        t: () => void change('sessions.timer', { reviewId, command: running ? 'pause' : 'start' }),
        c: () => stage !== 'close' && startNote('commissioner'),
        p: () => stage !== 'close' && startNote('provider'),
        f: () => stage !== 'close' && startNote('facilitator'),
        '?': showHelp,
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [session, showHelp]);
}
