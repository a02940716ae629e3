import { useScopeMessages } from '@renderer/api/useApiMutation';
import { ErrorMessage } from '@renderer/ui/Screen';
import { useRoomStore } from './roomStore';
import { sessionScope, useChangeSession, useRunningReviewId, type SessionPlace } from './useSession';

/**
 * What the latest change made in one place of the facilitator's screen came to: its failure, its
 * success, and the deletion that can be taken back. Drawn beside the controls of that place.
 */
export function SessionNotice({ place }: { place: SessionPlace }) {
  const reviewId = useRunningReviewId();
  const { failure, status } = useScopeMessages(sessionScope(reviewId, place));
  const undo = useRoomStore((state) => (state.undo?.place === place ? state.undo : null));
  const change = useChangeSession(place);
  return (
    <>
      <ErrorMessage message={failure} />
      <div className="session-notice">
        <p role="status">{status}</p>
        {undo && (
          <button type="button" className="button button--secondary" onClick={() => void undo.run(change)}>
            {undo.label}
          </button>
        )}
      </div>
    </>
  );
}
