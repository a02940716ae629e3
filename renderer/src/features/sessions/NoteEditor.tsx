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
import { LabelledSelect, LabelledText, sourceExample } from '@renderer/ui/Select';
import { useRoomStore } from './roomStore';
import { useChangeSession, useReadSessionAgain, useSession } from './useSession';

/** Concerns are listed beside the notes, and a moved note leaves this stage: both need the session read again. */
/** Each side's own box in an agreed disagreement. */
const views = [
  ['commissionerView', 'The commissioner’s view'],
  ['providerView', 'The provider’s view'],
] as const;

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
        <LabelledText
          className="note__extra"
          label="Where it was seen, read or measured"
          value={current.source}
          readOnly={readOnly}
          placeholder={sourceExample}
          onChange={(source) => update({ source })}
        />
      )}
      {isDisagreement && (
        <div className="note__views">
          {views.map(([field, label]) => (
            <label key={field}>
              {label}{' '}
              <textarea
                rows={2}
                value={current[field]}
                readOnly={readOnly}
                onChange={(event) => update({ [field]: event.target.value })}
              />
            </label>
          ))}
        </div>
      )}
      <div className="note__meta">
        <LabelledSelect
          label="Kind"
          value={current.kind}
          options={noteKinds.map((kind) => ({ value: kind, label: noteKindLabels[kind] }))}
          disabled={readOnly}
          onChange={(value) => update({ kind: value as NoteKind })}
        />
        <LabelledSelect
          label="Who spoke"
          value={current.side}
          options={sides.map((side) => ({ value: side, label: sideLabels[side] }))}
          disabled={readOnly}
          onChange={(value) => update({ side: value as Side })}
        />
        {choices.length > 0 && (
          <LabelledSelect
            label="About the card"
            value={current.cardId}
            empty="No card"
            options={choices.map((card) => ({ value: card.id, label: card.title }))}
            disabled={readOnly}
            onChange={(value) => update({ cardId: value || null })}
          />
        )}
        <LabelledSelect
          label="Stage"
          value={current.stage}
          options={stages.map((stage) => ({ value: stage, label: stageLabels[stage] }))}
          disabled={readOnly}
          onChange={(value) => update({ stage: value as Stage })}
        />
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
