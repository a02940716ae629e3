import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import {
  noteKindLabels,
  noteKinds,
  sideLabels,
  sides,
  stageLabels,
  stages,
  type NoteKind,
  type SessionNote,
  type Side,
  type Stage,
} from '@shared/domain/sessions';
import { useApiClient } from '@renderer/api/ApiProvider';
import { saveStateWords, TypedSaver, type SaveState } from '@renderer/api/typedSaver';
import { focusAfter } from '@renderer/ui/focusAfter';
import { useRoomStore } from './roomStore';
import { useChangeSession, useReadSessionAgain, useSession } from './useSession';

/** Concerns are listed beside the notes, and a moved note leaves this stage: both need the session read again. */
function needsReload(note: SessionNote, before: SessionNote | null): boolean {
  if (!before) return note.kind === 'concern';
  return note.kind === 'concern' || before.kind !== note.kind || before.stage !== note.stage;
}

/** A card a note can be about: one drawn in this review. */
export interface CardChoice {
  id: string;
  title: string;
}

export function NoteEditor({
  note,
  readOnly,
  cardChoices,
}: {
  note: SessionNote;
  readOnly: boolean;
  cardChoices: readonly CardChoice[];
}) {
  const session = useSession();
  const change = useChangeSession('notes');
  const api = useApiClient();
  const readSessionAgain = useReadSessionAgain();
  const focusNoteId = useRoomStore((state) => state.focusNoteId);
  const tookFocus = useRoomStore((state) => state.tookFocus);
  const forgetDraft = useRoomStore((state) => state.forgetDraft);
  const setUndo = useRoomStore((state) => state.setUndo);
  const [current, setCurrent] = useState(note);
  const [saveState, setSaveState] = useState<SaveState>({ state: 'saved' });
  const [saver] = useState(() => {
    let before: SessionNote | null = null;
    return new TypedSaver<SessionNote>(async (next) => {
      const { id, stage, cardId, side, kind, text, source, commissionerView, providerView } = next;
      await api.call('notes.save', {
        id,
        reviewId: session.reviewId,
        stage,
        cardId,
        side,
        kind,
        text,
        source,
        commissionerView,
        providerView,
      });
      if (needsReload(next, before)) readSessionAgain();
      before = next;
    }, setSaveState);
  });
  useEffect(() => () => saver.flushNow(), [saver]);
  const id = useId();
  const textArea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusNoteId === note.id) {
      textArea.current?.focus();
      tookFocus();
    }
  }, [focusNoteId, note.id, tookFocus]);

  // Typing latency, read by `npm run bench`: from the keystroke to the screen updated (the commit),
  // and to the next frame, which adds the wait for the display's refresh.
  useLayoutEffect(() => {
    if (performance.getEntriesByName('rr-keystroke', 'mark').length === 0) return;
    performance.measure('rr-keystroke-to-commit', 'rr-keystroke');
    requestAnimationFrame(() => {
      performance.measure('rr-keystroke-to-frame', 'rr-keystroke');
      performance.clearMarks('rr-keystroke');
    });
  }, [current.text]);

  function update(changes: Partial<SessionNote>) {
    const next = { ...current, ...changes };
    setCurrent(next);
    saver.save(next);
  }

  const isConcern = current.kind === 'concern';
  const isDisagreement = current.kind === 'disagreement';
  const textLabel = isDisagreement
    ? 'What the two sides disagree about'
    : `${current.kind === 'evidence' ? 'Evidence' : 'Note'} from the ${sideLabels[current.side].toLowerCase()}`;
  // A note keeps its card even if that card's draw was taken back.
  const choices =
    current.cardId && !cardChoices.some((card) => card.id === current.cardId)
      ? [...cardChoices, { id: current.cardId, title: current.cardId }]
      : cardChoices;
  async function remove() {
    const { reviewId } = session;
    const deleting = change('notes.delete', { reviewId, noteId: note.id }, 'Note deleted.');
    // The note and its buttons go: the keyboard goes to the stage's notes, by the undo.
    focusAfter(deleting, () => document.getElementById('notes-heading'));
    if (!(await deleting)) return;
    forgetDraft(note.id);
    setUndo({
      label: 'Undo: bring the note back',
      place: 'notes',
      run: (again) => again('notes.restore', { reviewId, noteId: note.id }, 'Note brought back.'),
    });
  }

  return (
    <div className={isConcern ? 'note note--concern' : 'note'}>
      <label htmlFor={`${id}-text`} className="note__label">
        {textLabel}
        {isConcern && <strong className="note__concern-flag"> (concern)</strong>}
      </label>
      <textarea
        id={`${id}-text`}
        ref={textArea}
        value={current.text}
        readOnly={readOnly}
        rows={3}
        onChange={(event) => {
          performance.mark('rr-keystroke');
          update({ text: event.target.value });
        }}
      />
      {current.kind === 'evidence' && (
        <label className="note__extra">
          Where it was seen, read or measured{' '}
          <input
            type="text"
            value={current.source}
            readOnly={readOnly}
            placeholder="For example: the home’s daily log, 3 March"
            onChange={(event) => update({ source: event.target.value })}
          />
        </label>
      )}
      {isDisagreement && (
        <div className="note__views">
          <label>
            The commissioner’s view{' '}
            <textarea
              rows={2}
              value={current.commissionerView}
              readOnly={readOnly}
              onChange={(event) => update({ commissionerView: event.target.value })}
            />
          </label>
          <label>
            The provider’s view{' '}
            <textarea
              rows={2}
              value={current.providerView}
              readOnly={readOnly}
              onChange={(event) => update({ providerView: event.target.value })}
            />
          </label>
        </div>
      )}
      <div className="note__meta">
        <label>
          Kind{' '}
          <select
            value={current.kind}
            disabled={readOnly}
            onChange={(event) => update({ kind: event.target.value as NoteKind })}
          >
            {noteKinds.map((kind) => (
              <option key={kind} value={kind}>
                {noteKindLabels[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Who spoke{' '}
          <select
            value={current.side}
            disabled={readOnly}
            onChange={(event) => update({ side: event.target.value as Side })}
          >
            {sides.map((side) => (
              <option key={side} value={side}>
                {sideLabels[side]}
              </option>
            ))}
          </select>
        </label>
        {choices.length > 0 && (
          <label>
            About the card{' '}
            <select
              value={current.cardId ?? ''}
              disabled={readOnly}
              onChange={(event) => update({ cardId: event.target.value || null })}
            >
              <option value="">No card</option>
              {choices.map((card) => (
                <option key={card.id} value={card.id}>
                  {card.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Stage{' '}
          <select
            value={current.stage}
            disabled={readOnly}
            onChange={(event) => update({ stage: event.target.value as Stage })}
          >
            {stages.map((stage) => (
              <option key={stage} value={stage}>
                {stageLabels[stage]}
              </option>
            ))}
          </select>
        </label>
        {!readOnly && (
          <button type="button" className="button button--link" onClick={() => void remove()}>
            Delete note
          </button>
        )}
        <span className="note__saved" aria-live="polite">
          {saveStateWords(saveState)}
        </span>
      </div>
    </div>
  );
}
