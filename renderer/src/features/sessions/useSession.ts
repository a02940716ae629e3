import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { Contract } from '@shared/api/contract';
import type { Session } from '@shared/domain/sessions';
import { useApiMutation } from '@renderer/api/useApiMutation';
import { queryKey } from '@renderer/api/queryKeys';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { useRoomStore } from './roomStore';

/** The methods that change a running review and answer with the session as it now stands. */
export type SessionChange = {
  [M in MethodName]: Contract[M]['effect'] extends 'reads' ? never : MethodOutput<M> extends Session ? M : never;
}[MethodName];

export type ChangeSession = <M extends SessionChange>(
  method: M,
  input: MethodInput<M>,
  success?: string,
) => Promise<boolean>;

const RunningReview = createContext<string | null>(null);
/** Gives the panels below the review they work on. */
export const RunningReviewProvider = RunningReview.Provider;

export function useRunningReviewId(): string {
  const reviewId = useContext(RunningReview);
  if (!reviewId) throw new Error('A session panel is drawn outside RunningReviewProvider.');
  return reviewId;
}

/** The session, as read by every window that shows it: the facilitator's and the presenter's. */
export function useSessionQuery(reviewId: string) {
  return useApiQuery('sessions.get', { reviewId });
}

/** Whether the review is concluded: its record is fixed, and every stage can be looked back over. */
export const isConcluded = (session: Session) => session.status === 'concluded' || session.status === 'signed';

/**
 * The running review's session: panels are only drawn once it is read. Once it is concluded, its
 * stage is the one being looked back over (see StageRail), so every panel shows that stage.
 */
export function useSession(): Session {
  const session = useSessionQuery(useRunningReviewId()).data!;
  const viewing = useRoomStore((state) => state.viewing);
  return useMemo(
    () => (isConcluded(session) && viewing && viewing !== session.stage ? { ...session, stage: viewing } : session),
    [session, viewing],
  );
}

/** When the session was read, by this computer's clock: a running timer counts on from here. */
export function useSessionReadAt(): number {
  return useSessionQuery(useRunningReviewId()).dataUpdatedAt;
}

/**
 * Reads the running review's session again. The server's event for a note being typed does not
 * ask for it (the screen typing shows the words), but a note that becomes a concern, or moves to
 * another stage, changes what other panels show.
 */
export function useReadSessionAgain(): () => void {
  const reviewId = useRunningReviewId();
  const queryClient = useQueryClient();
  return useCallback(
    () => void queryClient.invalidateQueries({ queryKey: queryKey('sessions.get', { reviewId }) }),
    [queryClient, reviewId],
  );
}

/**
 * Where on the facilitator's screen a change was made: its success or failure is said there,
 * beside the control that made it, not in one place far from it.
 */
export type SessionPlace =
  'room' | 'participants' | 'checkin' | 'matters' | 'card' | 'notes' | 'actions' | 'close' | `concern:${string}`;

/** The scope of one place's messages (see SessionNotice). */
export const sessionScope = (reviewId: string, place: SessionPlace = 'room') => ['session', reviewId, place];

/**
 * A change to the running review from any panel: its success or failure is said in that place's
 * notice (see SessionNotice), and what could be undone no longer can.
 */
export function useChangeSession(place: SessionPlace = 'room'): ChangeSession {
  const { run } = useApiMutation({ scope: sessionScope(useRunningReviewId(), place) });
  const setUndo = useRoomStore((state) => state.setUndo);
  return useCallback<ChangeSession>(
    async (method, input, success) => {
      const session = await run(method, input, success ? { success } : {});
      if (session) setUndo(null);
      return session !== undefined;
    },
    [run, setUndo],
  );
}
