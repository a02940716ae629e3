import { useCallback, useEffect, useRef, useState } from 'react';
import { visitKindLabels, type Visit } from '@shared/domain/visits';
import { formatDate, formatDateTime } from '@shared/format/dates';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { useApiMutation } from '@renderer/api/useApiMutation';
import { hrefFor } from '@renderer/navigation/routes';
import { focusAfter } from '@renderer/ui/focusAfter';
import { ArchivedBanner, DetailList } from '@renderer/ui/RecordPage';
import { ErrorMessage, Screen, StatusMessage } from '@renderer/ui/Screen';
import { emptyNote, VisitNoteEditor, type NoteFields } from './VisitNoteEditor';
import './visits.css';

/** Whether a key press is typing into a field (a shortcut must not take it). */
function typingInto(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(element && (/^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName) || element.isContentEditable));
}

function inNotes(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.visit-notes') !== null;
}

export function VisitPage({ id }: { id: string }) {
  const visit = useApiQuery('visits.get', { visitId: id });
  if (visit.status === 'error') {
    return (
      <Screen title="Visit">
        <ErrorMessage message={failureOf(visit)} />
      </Screen>
    );
  }
  if (visit.status === 'pending') return <p role="status">Loading…</p>;
  const v = visit.data;
  return (
    <Screen title={`Visit to ${v.homeName}, ${formatDate(v.visitedAt)}`}>
      <ArchivedBanner archivedAt={v.archivedAt} what="visit" />
      <VisitFacts visit={v} />
      <VisitNotes visit={v} />
    </Screen>
  );
}

function VisitFacts({ visit }: { visit: Visit }) {
  const { run, busy, failure, status } = useApiMutation();
  const archived = Boolean(visit.archivedAt);
  return (
    <section aria-labelledby="visit-facts-heading" className="panel">
      <h2 id="visit-facts-heading">The visit</h2>
      <DetailList
        details={[
          { label: 'Home', value: <a href={hrefFor('casebook', 'homes', visit.homeId)}>{visit.homeName}</a> },
          { label: 'When', value: formatDateTime(visit.visitedAt) },
          { label: 'Kind', value: visitKindLabels[visit.kind] },
          { label: 'Purpose', value: visit.purpose },
          { label: 'Who visited', value: visit.visitors.map((visitor) => visitor.name).join(', ') },
          {
            label: 'Placements',
            value: visit.placements.map((placement) => placement.childReference).join(', '),
          },
        ]}
      />
      <div className="toolbar">
        <a className="button button--secondary" href={hrefFor('visits', visit.id, 'edit')}>
          Change the visit
        </a>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() =>
            void run(
              archived ? 'visits.restore' : 'visits.archive',
              { visitId: visit.id },
              {
                success: archived ? 'Restored this visit.' : 'Archived this visit. You can restore it at any time.',
              },
            )
          }
        >
          {archived ? 'Restore visit' : 'Archive visit'}
        </button>
      </div>
      <ErrorMessage message={failure} />
      <StatusMessage message={status} />
    </section>
  );
}

/**
 * The visit's quick notes, saved as they are typed. “Add a note” (or N, or Ctrl+Enter in a note)
 * adds one and puts the keyboard in it; a deleted note can be brought back.
 */
function VisitNotes({ visit }: { visit: Visit }) {
  const readOnly = Boolean(visit.archivedAt);
  const [drafts, setDrafts] = useState<NoteFields[]>([]);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [undoId, setUndoId] = useState<string | null>(null);
  const { run, failure, status } = useApiMutation();
  const heading = useRef<HTMLHeadingElement>(null);

  const saved = new Set(visit.notes.map((note) => note.id));
  const notes: NoteFields[] = [...visit.notes, ...drafts.filter((draft) => !saved.has(draft.id))];

  const addNote = useCallback(() => {
    const note = emptyNote(crypto.randomUUID());
    setDrafts((list) => [...list, note]);
    setFocusId(note.id);
  }, []);
  const focused = useCallback(() => setFocusId(null), []);

  useEffect(() => {
    if (readOnly) return;
    function onKey(event: KeyboardEvent) {
      // Ctrl+Enter anywhere in a note: the next note.
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && inNotes(event.target)) {
        event.preventDefault();
        addNote();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        addNote();
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [addNote, readOnly]);

  async function remove(note: NoteFields, everSaved: boolean) {
    const forget = () => setDrafts((list) => list.filter((draft) => draft.id !== note.id));
    if (!saved.has(note.id) && !everSaved) {
      // Never saved: nothing to delete in the case book, and nothing to bring back.
      forget();
      heading.current?.focus();
      return;
    }
    const deleting = run('visitNotes.delete', { visitId: visit.id, noteId: note.id }, { success: 'Note deleted.' });
    focusAfter(deleting, () => heading.current);
    if (!(await deleting)) return;
    forget();
    setUndoId(note.id);
  }

  async function undo() {
    if (!undoId) return;
    const noteId = undoId;
    const restored = await run('visitNotes.restore', { visitId: visit.id, noteId }, { success: 'Note brought back.' });
    if (!restored) return;
    setUndoId(null);
    setFocusId(noteId);
  }

  return (
    <section aria-labelledby="visit-notes-heading" className="panel">
      <h2 id="visit-notes-heading" tabIndex={-1} ref={heading}>
        Notes
      </h2>
      {!readOnly && (
        <p className="muted" id="visit-notes-keys">
          Each note is saved as you type. Press N (when not typing), or Ctrl+Enter anywhere in a note, to add another.
        </p>
      )}
      <ErrorMessage message={failure} />
      <div className="toolbar visit-notes__undo">
        <StatusMessage message={status} />
        {undoId && (
          <button type="button" className="button button--secondary" onClick={() => void undo()}>
            Undo: bring the note back
          </button>
        )}
      </div>
      {notes.length === 0 ? (
        <p className="empty-state">No notes yet.</p>
      ) : (
        <ol className="visit-notes">
          {notes.map((note, index) => (
            <li key={note.id}>
              <VisitNoteEditor
                visitId={visit.id}
                visitors={visit.visitors.map((visitor) => visitor.name)}
                note={note}
                number={index + 1}
                focus={focusId === note.id}
                onFocused={focused}
                onDelete={(current, everSaved) => void remove(current, everSaved)}
                readOnly={readOnly}
              />
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <div className="toolbar">
          <button type="button" className="button" onClick={addNote} aria-describedby="visit-notes-keys">
            Add a note
          </button>
        </div>
      )}
    </section>
  );
}
