import { useState } from 'react';
import { currentDraw, type Side } from '@shared/domain/sessions';
import {
  qualityOfCareVariables,
  visitKindLabels,
  visitNoteKindLabels,
  type Visit,
  type VisitKind,
  type VisitNote,
} from '@shared/domain/visits';
import { formatDate } from '@shared/format/dates';
import { useApiClient } from '@renderer/api/ApiProvider';
import { errorMessage } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { StatusMessage } from '@renderer/ui/Screen';
import { isConcluded, useReadSessionAgain, useSession } from './useSession';

/** Whose words a visit's note is, in the room: the visitor's side. */
const sideOfVisit: Record<VisitKind, Side> = {
  commissioner: 'commissioner',
  quality_review: 'provider',
  independent: 'other',
  other: 'other',
};

/**
 * The visits to the home since the last review, with their notes, in Matters arising and Discover:
 * the facilitator brings any note into the room as a story or as evidence, and the minutes cite it.
 */
export function SinceLastReviewPanel() {
  const session = useSession();
  const visits = useApiQuery('visits.sinceLastReview', { reviewId: session.reviewId });
  const api = useApiClient();
  const readSessionAgain = useReadSessionAgain();
  const [said, setSaid] = useState<{ noteId: string; message: string } | null>(null);
  const inRoom = new Set(session.notes.map((note) => note.visitNoteId).filter(Boolean));
  const concluded = isConcluded(session);

  async function bringIn(visit: Visit, note: VisitNote, kind: 'story' | 'evidence') {
    const citation = `${visitKindLabels[visit.kind]} on ${formatDate(visit.visitedAt)}`;
    try {
      await api.call('notes.save', {
        id: crypto.randomUUID(),
        reviewId: session.reviewId,
        stage: session.stage,
        cardId: currentDraw(session)?.cardId ?? null,
        side: sideOfVisit[visit.kind],
        kind,
        text: note.text,
        source: kind === 'evidence' ? [note.source, citation].filter(Boolean).join('; ') : '',
        visitNoteId: note.id,
      });
      readSessionAgain();
      setSaid({ noteId: note.id, message: `Brought into the room as ${kind === 'story' ? 'a story' : 'evidence'}.` });
    } catch (error) {
      setSaid({ noteId: note.id, message: errorMessage(error) });
    }
  }

  const list = visits.data ?? [];
  return (
    <section aria-labelledby="since-heading" className="subpanel since-last-review">
      <h3 id="since-heading">Since the last review</h3>
      {visits.isPending ? (
        <p>Reading the visits…</p>
      ) : visits.isError ? (
        <p className="field-error">The visits could not be read: {errorMessage(visits.error)}</p>
      ) : list.length === 0 ? (
        <p className="empty-state">No visits were recorded since the last review.</p>
      ) : (
        list.map((visit) => (
          <article key={visit.id} aria-labelledby={`visit-${visit.id}`} className="since-last-review__visit">
            <h4 id={`visit-${visit.id}`}>
              {visitKindLabels[visit.kind]}, {formatDate(visit.visitedAt)}
            </h4>
            <p className="since-last-review__who">
              {visit.visitors.map((visitor) => visitor.name).join(', ')}
              {visit.purpose && `: ${visit.purpose}`}
            </p>
            {visit.notes.filter((note) => note.text.trim()).length === 0 ? (
              <p className="empty-state">No notes were taken.</p>
            ) : (
              <ul className="since-last-review__notes">
                {visit.notes
                  .filter((note) => note.text.trim())
                  .map((note) => {
                    const variable = qualityOfCareVariables.find((entry) => entry.number === note.variable);
                    const facts = [
                      variable && `${variable.number}. ${variable.name}`,
                      note.kind && visitNoteKindLabels[note.kind],
                      note.youngPerson && `young person ${note.youngPerson}`,
                      note.rating !== null && `rated ${note.rating} of 5${note.reason ? `: ${note.reason}` : ''}`,
                      note.source && `source: ${note.source}`,
                    ].filter(Boolean);
                    return (
                      <li key={note.id}>
                        <p>{note.text}</p>
                        {facts.length > 0 && <p className="since-last-review__facts">{facts.join('; ')}</p>}
                        {inRoom.has(note.id) ? (
                          <p className="tag">In the room</p>
                        ) : (
                          !concluded && (
                            <div className="toolbar">
                              <button
                                type="button"
                                className="button button--secondary"
                                onClick={() => void bringIn(visit, note, 'story')}
                                aria-label={`Bring in as a story: ${note.text.slice(0, 60)}`}
                              >
                                Bring in as a story
                              </button>
                              <button
                                type="button"
                                className="button button--secondary"
                                onClick={() => void bringIn(visit, note, 'evidence')}
                                aria-label={`Bring in as evidence: ${note.text.slice(0, 60)}`}
                              >
                                Bring in as evidence
                              </button>
                            </div>
                          )
                        )}
                        {said?.noteId === note.id && <StatusMessage message={said.message} />}
                      </li>
                    );
                  })}
              </ul>
            )}
          </article>
        ))
      )}
    </section>
  );
}
