import { currentDraw } from '@shared/domain/sessions';
import { create } from 'zustand';
import type { MethodInput } from '@shared/api/contract';
import type { NoteKind, Session, SessionNote, Side } from '@shared/domain/sessions';
import { api, errorMessage } from '@renderer/api/client';

/** The session's methods that answer with the session as it now stands. */
type SessionChange =
  | 'sessions.plan'
  | 'sessions.addParticipant'
  | 'sessions.removeParticipant'
  | 'sessions.stage'
  | 'sessions.turn'
  | 'sessions.timer'
  | 'sessions.draw'
  | 'sessions.cardState'
  | 'sessions.conclude'
  | 'notes.delete'
  | 'notes.restore'
  | 'notes.concernReason'
  | 'actions.save'
  | 'actions.delete'
  | 'actions.restore'
  | 'actions.update'
  | 'checkin.submit';

interface SessionState {
  session: Session | null;
  /** When the session was read, by this computer's clock: the timer counts on from here. */
  readAt: number;
  failure: string | null;
  /** A short message for the status region, such as "Note deleted". */
  notice: string | null;
  load(reviewId: string): Promise<void>;
  change<M extends SessionChange>(method: M, input: MethodInput<M>, notice?: string): Promise<boolean>;
  setNotice(notice: string | null): void;
  /** Takes a session a form's own call answered with. */
  apply(session: Session): void;
  /** Notes begun on this screen and not yet read back in a session: they save as they are typed. */
  drafts: SessionNote[];
  /** Begins a note for a side against the card in play; the new note's editor takes focus. */
  startNote(side: Side, kind?: NoteKind): void;
  /** The note whose editor should take focus when it appears. */
  focusNoteId: string | null;
  /** The last deletion, which can be taken back. */
  undo: { label: string; run: () => Promise<boolean> } | null;
  /** The note the action being written comes from ('' for none). */
  actionNoteId: string;
}

/** The running review, shared by every panel of the facilitator's screen. */
export const useSessionStore = create<SessionState>((set) => ({
  session: null,
  readAt: 0,
  failure: null,
  notice: null,
  async load(reviewId) {
    try {
      const session = await api.call('sessions.get', { reviewId });
      set({ session, readAt: Date.now(), failure: null });
    } catch (error) {
      set({ failure: errorMessage(error) });
    }
  },
  async change(method, input, notice) {
    try {
      const session = (await api.call(method, input as never)) as Session;
      set({ session, readAt: Date.now(), failure: null, notice: notice ?? null, undo: null });
      return true;
    } catch (error) {
      set({ failure: errorMessage(error), notice: null });
      return false;
    }
  },
  setNotice: (notice) => set({ notice }),
  apply: (session) => set({ session, readAt: Date.now(), failure: null }),
  drafts: [],
  focusNoteId: null,
  undo: null,
  actionNoteId: '',
  startNote: (side, kind = 'story') =>
    set((state) => {
      if (!state.session) return {};
      const now = new Date().toISOString();
      const note: SessionNote = {
        id: crypto.randomUUID(),
        stage: state.session.stage,
        cardId: currentDraw(state.session)?.cardId ?? null,
        side,
        kind,
        text: '',
        noActionReason: null,
        createdAt: now,
        updatedAt: now,
      };
      return { drafts: [...state.drafts, note], focusNoteId: note.id };
    }),
}));

/** The session, once loaded: panels are only drawn when it is. */
export function useSession(): Session {
  return useSessionStore((state) => state.session)!;
}
