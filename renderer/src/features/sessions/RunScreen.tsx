import { useCallback, useEffect, useRef } from 'react';
import { stageLabels } from '@shared/domain/sessions';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { ErrorMessage, Screen } from '@renderer/ui/Screen';
import { reviewName } from '@renderer/ui/reviewName';
import { ActionsPanel } from './ActionsPanel';
import { ConcernsPanel } from './ConcernsPanel';
import { SessionNotice } from './SessionNotice';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StagePanel } from './StagePanel';
import { StageRail } from './StageRail';
import { StageTimer } from './StageTimer';
import { TurnControl } from './TurnControl';
import { useRoomStore } from './roomStore';
import {
  isConcluded,
  RunningReviewProvider,
  useChangeSession,
  useRunningReviewId,
  useSession,
  useSessionQuery,
} from './useSession';
import { useShortcuts } from './useShortcuts';
import './session.css';

/** The facilitator's screen: the stage rail, the timer and turn, the stage's work, concerns and actions. */
export function RunScreen({ reviewId }: { reviewId: string }) {
  const review = useApiQuery('reviews.get', { id: reviewId });
  const session = useSessionQuery(reviewId);
  const enter = useRoomStore((state) => state.enter);
  useEffect(() => enter(reviewId), [enter, reviewId]);

  if (review.status === 'error') return <ErrorMessage message={failureOf(review)} />;
  if (!session.data || review.status !== 'success') return <ErrorMessage message={failureOf(session)} />;
  return (
    <RunningReviewProvider value={reviewId}>
      <Room title={reviewName(review.data)} />
    </RunningReviewProvider>
  );
}

function Room({ title }: { title: string }) {
  const reviewId = useRunningReviewId();
  const session = useSession();
  const change = useChangeSession();
  // A read that failed after the first keeps the session on screen, and says so.
  const readFailure = failureOf(useSessionQuery(reviewId));
  const help = useRef<HTMLDialogElement>(null);
  const showHelp = useCallback(() => help.current?.showModal(), []);
  useShortcuts(session, change, showHelp);
  const concluded = isConcluded(session);

  return (
    <Screen title={title}>
      <div className="session-bar">
        <p className="session-bar__stage">
          Stage: <strong>{stageLabels[session.stage]}</strong>
        </p>
        <StageTimer />
        <TurnControl />
        <div className="session-bar__tools">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => window.open(`#/present/${reviewId}`, 'relational-review-presenter')}
          >
            Open presenter view
          </button>
          <button type="button" className="button button--link" onClick={showHelp}>
            Keyboard shortcuts
          </button>
        </div>
      </div>
      {concluded && (
        <p className="archived-banner">
          This review is concluded: its record is fixed and its minutes have been drafted. Every stage can still be
          opened and read. <a href={hrefFor('reviews', reviewId)}>Back to the review</a>.
        </p>
      )}
      <ErrorMessage message={readFailure} />
      <StageRail />
      {/* What the rail, the timer, the turn and the keys did: beside the rail. */}
      <SessionNotice place="room" />
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
