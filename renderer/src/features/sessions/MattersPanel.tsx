import { useState } from 'react';
import { actionStatusLabels, actionStatuses, sideLabels, type ActionStatus, type MatterArising } from '@shared/domain/sessions';
import { formatDate } from '@shared/format/dates';
import { useSession, useSessionStore } from './sessionStore';

function MatterForm({ matter }: { matter: MatterArising }) {
  const session = useSession();
  const change = useSessionStore((state) => state.change);
  const [status, setStatus] = useState<ActionStatus>(matter.status);
  const [reason, setReason] = useState(matter.reason);
  const owner = matter.ownerName ?? (matter.ownerSide ? sideLabels[matter.ownerSide] : 'No one named');
  return (
    <li className="matter">
      <p className="matter__text">
        <strong>{matter.text}</strong>
      </p>
      <p className="matter__meta">
        {owner}
        {matter.dueDate && `, due ${formatDate(matter.dueDate)}`}. From {matter.fromReviewTitle}, {formatDate(matter.fromReviewDate)}.
        {matter.updatedInThisReview && <span className="tag">Updated: {actionStatusLabels[matter.status]}</span>}
      </p>
      <div className="matter__form">
        <label>
          Where it stands{' '}
          <select value={status} onChange={(event) => setStatus(event.target.value as ActionStatus)}>
            {actionStatuses.map((s) => (
              <option key={s} value={s}>
                {actionStatusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {status === 'dropped' ? 'Why it was dropped' : 'Note (optional)'} <input value={reason} onChange={(event) => setReason(event.target.value)} />
        </label>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void change('actions.update', { reviewId: session.reviewId, actionId: matter.id, status, reason }, `Updated: ${matter.text}`)}
        >
          Save<span className="visually-hidden">: {matter.text}</span>
        </button>
      </div>
    </li>
  );
}

/** The actions of earlier reviews of the same subject that were still open: where each stands now. */
export function MattersPanel() {
  const { matters } = useSession();
  return (
    <section aria-labelledby="matters-heading" className="subpanel">
      <h3 id="matters-heading">Matters arising</h3>
      {matters.length === 0 ? (
        <p className="empty-state">No actions are carried over from an earlier review of this subject.</p>
      ) : (
        <ul className="matters">
          {matters.map((matter) => (
            <MatterForm key={matter.id} matter={matter} />
          ))}
        </ul>
      )}
    </section>
  );
}
