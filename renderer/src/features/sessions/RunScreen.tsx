import { useCallback, useEffect, useRef } from 'react';
import { stageLabels } from '@shared/domain/sessions';
import { api } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { ErrorMessage, Screen } from '@renderer/ui/Screen';
import { ActionsPanel } from './ActionsPanel';
import { ConcernsPanel } from './ConcernsPanel';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StagePanel } from './StagePanel';
import { StageRail } from './StageRail';
import { StageTimer } from './StageTimer';
import { TurnControl } from './TurnControl';
import { useSessionStore } from './sessionStore';
import { useShortcuts } from './useShortcuts';
import './session.css';

/** The facilitator's screen: the stage rail, the timer and turn, the stage's work, concerns and actions. */
export function RunScreen({ reviewId }: { reviewId: string }) {
  const review = useApiQuery('reviews.get', { id: reviewId });
  const session = useSessionStore((state) => (state.session?.reviewId === reviewId ? state.session : null));
  const failure = useSessionStore((state) => state.failure);
  const notice = useSessionStore((state) => state.notice);
  const undo = useSessionStore((state) => state.undo);
  const load = useSessionStore((state) => state.load);
  const help = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    void load(reviewId);
    return api.subscribe('session.changed', (event) => {
      if (event.reviewId === reviewId && event.part === 'state') void load(reviewId);
    });
  }, [reviewId, load]);
  const showHelp = useCallback(() => help.current?.showModal(), []);
  useShortcuts(session, showHelp);

  if (review.status === 'error') return <ErrorMessage message={review.error} />;
  if (!session || review.status !== 'ready') return <ErrorMessage message={failure} />;
  const concluded = session.status === 'concluded' || session.status === 'signed';

  return (
    <Screen title={review.data.title}>
      <div className="session-bar">
        <p className="session-bar__stage">
          Stage: <strong>{stageLabels[session.stage]}</strong>
        </p>
        <StageTimer />
        <TurnControl />
        <div className="session-bar__tools">
          <button type="button" className="button button--secondary" onClick={() => window.open(`#/present/${reviewId}`, 'relational-review-presenter')}>
            Open presenter view
          </button>
          <button type="button" className="button button--link" onClick={showHelp}>
            Keyboard shortcuts
          </button>
        </div>
      </div>
      {concluded && (
        <p className="archived-banner">
          This review is concluded: its record is fixed and its minutes have been drafted. <a href={hrefFor('reviews', reviewId)}>Back to the review</a>.
        </p>
      )}
      <ErrorMessage message={failure} />
      <div className="session-notice">
        <p role="status">{notice}</p>
        {undo && (
          <button type="button" className="button button--secondary" onClick={() => void undo.run()}>
            {undo.label}
          </button>
        )}
      </div>
      <StageRail />
      <div className="session-layout">
        <div className="session-layout__main">
          <StagePanel />
        </div>
        <aside className="session-layout__aside" aria-label="Concerns and actions">
          <ConcernsPanel />
          <ActionsPanel />
        </aside>
      </div>
      <ShortcutsHelp ref={help} />
    </Screen>
  );
}
