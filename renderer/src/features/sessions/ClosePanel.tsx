import { hrefFor } from '@renderer/navigation/routes';
import { useChangeSession, useSession } from './useSession';

/** Concluding ends the review and drafts its minutes, once no concern is left unanswered. */
export function ClosePanel() {
  const session = useSession();
  const change = useChangeSession();
  const concluded = session.status === 'concluded' || session.status === 'signed';
  const open = session.openConcerns.length;
  if (concluded) {
    return (
      <p className="status-message">
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
      <button
        type="button"
        className="button"
        onClick={() =>
          void change(
            'sessions.conclude',
            { reviewId: session.reviewId },
            'The review is concluded and its minutes are drafted.',
          )
        }
      >
        Conclude the review
      </button>
    </section>
  );
}
