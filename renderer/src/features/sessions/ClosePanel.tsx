import { useEffect, useRef, useState } from 'react';
import { hrefFor } from '@renderer/navigation/routes';
import { SessionNotice } from './SessionNotice';
import { isConcluded, useChangeSession, useSession } from './useSession';

/**
 * Concluding ends the review and drafts its minutes, once no concern is left unanswered. It cannot
 * be undone, so it takes two steps: the button asks, and the facilitator confirms or goes back.
 */
export function ClosePanel() {
  const session = useSession();
  const change = useChangeSession('close');
  const concluded = isConcluded(session);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const askButton = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLHeadingElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const wasConcluded = useRef(concluded);
  const open = session.openConcerns.length;

  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  // Concluded here: the keyboard goes to what it came to, not to the page's body.
  useEffect(() => {
    if (concluded && !wasConcluded.current) done.current?.focus();
    wasConcluded.current = concluded;
  }, [concluded]);

  function goBack() {
    setAsking(false);
    // The question's buttons are gone: the keyboard goes back to the button that asked.
    setTimeout(() => askButton.current?.focus());
  }

  async function conclude() {
    setBusy(true);
    const ok = await change(
      'sessions.conclude',
      { reviewId: session.reviewId },
      'The review is concluded and its minutes are drafted.',
    );
    setBusy(false);
    if (!ok) goBack();
  }

  if (concluded) {
    return (
      <p className="status-message" tabIndex={-1} ref={done}>
        This review is concluded and its minutes have been drafted.{' '}
        <a href={hrefFor('reviews', session.reviewId)}>Back to the review</a>.
      </p>
    );
  }
  return (
    <section aria-labelledby="close-heading" className="subpanel">
      <h3 id="close-heading">Conclude the review</h3>
      <ul>
        <li>{session.notes.filter((note) => note.text.trim()).length} notes</li>
        <li>{session.actions.length} actions</li>
        <li>{session.notes.filter((note) => note.kind === 'concern' && note.text.trim()).length} concerns</li>
      </ul>
      {open > 0 && (
        <p className="warning">
          {open === 1 ? 'One concern has' : `${open} concerns have`} neither an action nor a reason for none. Answer{' '}
          {open === 1 ? 'it' : 'them'} under Concerns before concluding.
        </p>
      )}
      {asking ? (
        <div
          className="confirm"
          role="group"
          aria-labelledby="conclude-question"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              goBack();
            }
          }}
        >
          <h4 id="conclude-question" tabIndex={-1} ref={question}>
            Conclude the review now?
          </h4>
          <p>
            Concluding fixes the review’s record and drafts its minutes. It cannot be undone: no note, action or rating
            can be changed after.
          </p>
          <div className="toolbar">
            <button type="button" className="button" disabled={busy} onClick={() => void conclude()}>
              Yes, conclude the review
            </button>
            <button type="button" className="button button--secondary" onClick={goBack}>
              Not yet
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button" ref={askButton} onClick={() => setAsking(true)}>
          Conclude the review
        </button>
      )}
      <SessionNotice place="close" />
    </section>
  );
}
