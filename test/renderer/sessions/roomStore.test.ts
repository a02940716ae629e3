import { beforeEach, expect, test } from 'vitest';
import type { Session } from '@shared/domain/sessions';
import { useRoomStore } from '@renderer/features/sessions/roomStore';

const inDiscover = {
  reviewId: 'r1',
  stage: 'discover',
  cards: [
    { drawId: 'd1', cardId: 'done-card', stage: 'discover', state: 'done' },
    { drawId: 'd2', cardId: 'card-in-play', stage: 'discover', state: 'current' },
  ],
} as Session;

beforeEach(() => {
  useRoomStore.setState(useRoomStore.getInitialState(), true);
  useRoomStore.getState().enter('r1');
});

test('a note begun for a side is written against the stage and the card in play, and takes the keyboard', () => {
  useRoomStore.getState().startNote(inDiscover, 'provider');
  const { drafts, focusNoteId } = useRoomStore.getState();
  expect(drafts).toHaveLength(1);
  expect(drafts[0]).toMatchObject({
    stage: 'discover',
    cardId: 'card-in-play',
    side: 'provider',
    kind: 'story',
    text: '',
  });
  expect(focusNoteId).toBe(drafts[0]!.id);

  useRoomStore.getState().tookFocus();
  expect(useRoomStore.getState().focusNoteId).toBeNull();
});

test('with no card in play, a note belongs to the stage alone', () => {
  useRoomStore.getState().startNote({ ...inDiscover, cards: [] }, 'commissioner', 'concern');
  expect(useRoomStore.getState().drafts[0]).toMatchObject({ cardId: null, side: 'commissioner', kind: 'concern' });
});

test('running another review starts afresh: no notes, undo or action request carried over', () => {
  const store = useRoomStore.getState();
  store.startNote(inDiscover, 'provider');
  store.setUndo({ label: 'Undo: bring the note back', place: 'notes', run: async () => true });
  store.askForAction('note-1');

  store.enter('r1');
  expect(useRoomStore.getState().drafts).toHaveLength(1);

  store.enter('r2');
  expect(useRoomStore.getState()).toMatchObject({
    reviewId: 'r2',
    drafts: [],
    undo: null,
    actionFor: null,
    focusNoteId: null,
  });
});

test('a deleted draft leaves the screen', () => {
  const store = useRoomStore.getState();
  store.startNote(inDiscover, 'provider');
  store.startNote(inDiscover, 'commissioner');
  const [first, second] = useRoomStore.getState().drafts;
  store.forgetDraft(first!.id);
  expect(useRoomStore.getState().drafts.map((draft) => draft.id)).toEqual([second!.id]);
});
