import { create } from 'zustand';
import {
  currentDraw,
  type NoteKind,
  type Session,
  type SessionNote,
  type Side,
  type Stage,
} from '@shared/domain/sessions';
import type { ChangeSession, SessionPlace } from './useSession';

/** A deletion that can be taken back, offered in the place it was made. */
export interface Undo {
  label: string;
  place: SessionPlace;
  run: (change: ChangeSession) => Promise<boolean>;
}

interface RoomState {
  /** The review this room is running; entering another starts afresh. */
  reviewId: string | null;
  /** Notes begun on this screen and not yet read back in the session: they save as they are typed. */
  drafts: SessionNote[];
  /** The note whose editor should take focus when it appears. */
  focusNoteId: string | null;
  /** The last deletion, which can be taken back. */
  undo: Undo | null;
  /** A concern the facilitator asked to write an action for: the actions form takes it up. */
  actionFor: string | null;
  /** Once the review is concluded, the stage being looked back over (the session's own stage stays fixed). */
  viewing: Stage | null;
  enter: (reviewId: string) => void;
  /** Begins a note for a side against the card in play; the new note's editor takes focus. */
  startNote: (session: Session, side: Side, kind?: NoteKind) => void;
  forgetDraft: (noteId: string) => void;
  setUndo: (undo: Undo | null) => void;
  askForAction: (noteId: string | null) => void;
  tookFocus: () => void;
  view: (stage: Stage | null) => void;
}

/**
 * What the facilitator's screen holds beside the session itself (which is the query
 * 'sessions.get'): notes begun here, where the keyboard goes, what can be undone.
 */
export const useRoomStore = create<RoomState>((set, get) => ({
  reviewId: null,
  drafts: [],
  focusNoteId: null,
  undo: null,
  actionFor: null,
  viewing: null,
  enter: (reviewId) => {
    if (get().reviewId !== reviewId)
      set({ reviewId, drafts: [], focusNoteId: null, undo: null, actionFor: null, viewing: null });
  },
  startNote: (session, side, kind = 'story') => {
    const now = new Date().toISOString();
    const note: SessionNote = {
      id: crypto.randomUUID(),
      stage: session.stage,
      cardId: currentDraw(session)?.cardId ?? null,
      side,
      kind,
      text: '',
      source: '',
      commissionerView: '',
      providerView: '',
      visitNoteId: null,
      noActionReason: null,
      createdAt: now,
      updatedAt: now,
    };
    set((state) => ({ drafts: [...state.drafts, note], focusNoteId: note.id }));
  },
  forgetDraft: (noteId) => set((state) => ({ drafts: state.drafts.filter((draft) => draft.id !== noteId) })),
  setUndo: (undo) => set({ undo }),
  askForAction: (noteId) => set({ actionFor: noteId }),
  tookFocus: () => set({ focusNoteId: null }),
  view: (stage) => set({ viewing: stage }),
}));
