import { useEffect, useId, useRef, useState } from 'react';
import { namedAdultsPattern, possibleChildNamesIn } from '@shared/domain/child-names';
import {
  qualityOfCareVariables,
  ratingScale,
  visitNoteAboutLabels,
  visitNoteAbouts,
  visitNoteKindLabels,
  visitNoteKinds,
  visitNoteSaveSchema,
  type VariableNumber,
  type VisitNote,
  type VisitNoteAbout,
  type VisitNoteKind,
} from '@shared/domain/visits';
import { useApiClient } from '@renderer/api/ApiProvider';
import { saveStateWords, TypedSaver, type SaveState } from '@renderer/api/typedSaver';
import { LabelledSelect, LabelledText, sourceExample } from '@renderer/ui/Select';

/** The check-in's words for the ends of its scale. */
const ratingWords: Record<number, string> = { 1: 'not at all', 5: 'very much so' };

/** What the editor holds of a note: what is saved, without the core's times. */
export type NoteFields = Pick<
  VisitNote,
  'id' | 'text' | 'variable' | 'about' | 'kind' | 'source' | 'youngPerson' | 'rating' | 'reason'
>;

export const emptyNote = (id: string): NoteFields => ({
  id,
  text: '',
  variable: null,
  about: null,
  kind: null,
  source: '',
  youngPerson: '',
  rating: null,
  reason: '',
});

/**
 * One quick note at a visit, saved as it is typed: optionally against one of the thirteen
 * variables (its question from the paper shown as a prompt), about the home or the relationship,
 * of a kind, and with a rating and its reason. A note the schema would refuse (a young person's
 * name where a reference belongs) is not sent, and says why.
 */
export function VisitNoteEditor({
  visitId,
  visitors,
  note,
  number,
  focus,
  onFocused,
  onDelete,
  readOnly,
}: {
  visitId: string;
  /** The adults who visited: their names are not taken for a child's. */
  visitors: readonly string[];
  note: NoteFields;
  number: number;
  focus: boolean;
  onFocused: () => void;
  onDelete: (current: NoteFields, everSaved: boolean) => void;
  readOnly: boolean;
}) {
  const api = useApiClient();
  const [current, setCurrent] = useState(note);
  const [saveState, setSaveState] = useState<SaveState>({ state: 'saved' });
  const [refused, setRefused] = useState<string | null>(null);
  const [saver] = useState(
    () =>
      new TypedSaver<NoteFields>(async (fields) => {
        await api.call('visitNotes.save', { ...fields, visitId });
      }, setSaveState),
  );
  useEffect(() => () => saver.flushNow(), [saver]);
  const id = useId();
  const textArea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focus) {
      textArea.current?.focus();
      onFocused();
    }
  }, [focus, onFocused]);

  function update(changes: Partial<NoteFields>) {
    const next = { ...current, ...changes };
    setCurrent(next);
    const checked = visitNoteSaveSchema.safeParse({ ...next, visitId });
    if (!checked.success) {
      setRefused(checked.error.issues[0]?.message ?? 'This note cannot be saved as it is.');
      return;
    }
    setRefused(null);
    saver.save(next);
  }

  const variable = qualityOfCareVariables.find((v) => v.number === current.variable);
  const promptId = `${id}-prompt`;
  const namesId = `${id}-names`;
  // The visitors were there: named in full, or by their forename, they are not taken for a child.
  const possibleNames = [...new Set(possibleChildNamesIn(current.text, namedAdultsPattern({ present: visitors })))];
  const statusText = refused ? `Not saved: ${refused}` : saveStateWords(saveState);

  const selects = (
    <div className="visit-note__meta">
      <LabelledSelect
        label="Variable"
        value={current.variable}
        empty="No variable"
        options={qualityOfCareVariables.map((v) => ({ value: v.number, label: `${v.number}. ${v.name}` }))}
        disabled={readOnly}
        onChange={(value) => {
          const chosen = value ? (Number(value) as VariableNumber) : null;
          // A rating is for a variable: it goes with the variable.
          update(chosen ? { variable: chosen } : { variable: null, rating: null });
        }}
      />
      <LabelledSelect
        label="About"
        value={current.about}
        empty="Not said"
        options={visitNoteAbouts.map((about) => ({ value: about, label: visitNoteAboutLabels[about] }))}
        disabled={readOnly}
        onChange={(value) => update({ about: (value || null) as VisitNoteAbout | null })}
      />
      <LabelledSelect
        label="How it was noticed"
        value={current.kind}
        empty="Not said"
        options={visitNoteKinds.map((kind) => ({ value: kind, label: visitNoteKindLabels[kind] }))}
        disabled={readOnly}
        onChange={(value) => update({ kind: (value || null) as VisitNoteKind | null })}
      />
    </div>
  );

  return (
    <div className="visit-note">
      <div className="visit-note__writing">
        <div className="visit-note__text">
          <label htmlFor={`${id}-text`} className="visit-note__label">
            Note {number}
          </label>
          <textarea
            id={`${id}-text`}
            ref={textArea}
            value={current.text}
            readOnly={readOnly}
            rows={3}
            aria-describedby={
              [variable && promptId, possibleNames.length > 0 && namesId].filter(Boolean).join(' ') || undefined
            }
            onChange={(event) => update({ text: event.target.value })}
          />
          {possibleNames.length > 0 && !readOnly && (
            <p id={namesId} className="visit-note__names">
              {possibleNames.map((word) => `“${word}”`).join(', ')} may be a child’s name. Write the young person’s
              reference (initials or case number) instead: the case book never holds a child’s name.
            </p>
          )}
        </div>
        {variable && (
          <p id={promptId} className="visit-note__prompt">
            <span className="visit-note__asks">The paper asks of variable {variable.number}:</span>“{variable.question}”
          </p>
        )}
      </div>
      {selects}
      {(current.kind === 'read_record' || current.kind === 'heard_young_person' || variable) && (
        <div className="visit-note__meta">
          {current.kind === 'read_record' && (
            <LabelledText
              label="Which record"
              value={current.source}
              readOnly={readOnly}
              placeholder={sourceExample}
              onChange={(source) => update({ source })}
            />
          )}
          {current.kind === 'heard_young_person' && (
            <LabelledText
              label="The young person’s reference (initials or a case number, never a name)"
              value={current.youngPerson}
              readOnly={readOnly}
              onChange={(youngPerson) => update({ youngPerson })}
            />
          )}
          {variable && (
            <>
              <LabelledSelect
                label="Rating"
                value={current.rating}
                empty="Not rated"
                options={ratingScale.map((score) => ({
                  value: score,
                  label: ratingWords[score] ? `${score} (${ratingWords[score]})` : String(score),
                }))}
                disabled={readOnly}
                onChange={(value) => update({ rating: value ? Number(value) : null })}
              />
              <LabelledText
                label="Reason for the rating"
                value={current.reason}
                readOnly={readOnly}
                onChange={(reason) => update({ reason })}
              />
            </>
          )}
        </div>
      )}
      <div className="visit-note__actions">
        {!readOnly && (
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              // What is being typed is saved first, so the delete is of the note as it stands.
              saver.flushNow();
              void saver.settled().then(() => onDelete(current, saver.savedOnce));
            }}
          >
            Delete note {number}
          </button>
        )}
        <span
          className={refused ? 'visit-note__saved visit-note__saved--refused' : 'visit-note__saved'}
          aria-live="polite"
        >
          {statusText}
        </span>
      </div>
    </div>
  );
}
