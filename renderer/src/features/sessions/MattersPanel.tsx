import { useRef } from 'react';
import {
  actionStatusLabels,
  actionStatuses,
  actionUpdateSchema,
  sideLabels,
  type MatterArising,
} from '@shared/domain/sessions';
import { formatDate } from '@shared/format/dates';
import { useApiForm } from '@renderer/ui/useApiForm';
import { SessionNotice } from './SessionNotice';
import { useFocusAfterSave } from './useFocusAfterSave';
import { isConcluded, useChangeSession, useSession } from './useSession';

function MatterForm({ matter }: { matter: MatterArising }) {
  const session = useSession();
  const { reviewId } = session;
  const change = useChangeSession('matters');
  const save = useRef<HTMLButtonElement>(null);
  const { form, onSubmit } = useApiForm({
    schema: actionUpdateSchema,
    defaultValues: { reviewId, actionId: matter.id, status: matter.status, reason: matter.reason },
    submit: async (values) => {
      const saved = await change('actions.update', values, `Updated: ${matter.text}`);
      // The button was disabled while it saved: the keyboard goes back to it.
      if (saved) focus.saved();
      return saved;
    },
    afterSave: 'keep',
  });
  const { errors, isSubmitting } = form.formState;
  const focus = useFocusAfterSave(isSubmitting, save);
  const owner = matter.ownerName ?? (matter.ownerSide ? sideLabels[matter.ownerSide] : 'No one named');
  return (
    <li className="matter">
      <p className="matter__text">
        <strong>{matter.text}</strong>
      </p>
      <p className="matter__meta">
        {owner}
        {matter.dueDate && `, due ${formatDate(matter.dueDate)}`}. From {matter.fromReviewTitle},{' '}
        {formatDate(matter.fromReviewDate)}.
        {matter.updatedInThisReview && <span className="tag">Updated: {actionStatusLabels[matter.status]}</span>}
      </p>
      {!isConcluded(session) && (
        <form className="matter__form" onSubmit={onSubmit} noValidate>
          <label>
            Where it stands{' '}
            <select {...form.register('status')}>
              {actionStatuses.map((s) => (
                <option key={s} value={s}>
                  {actionStatusLabels[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {form.watch('status') === 'dropped' ? 'Why it was dropped' : 'Note (optional)'}{' '}
            <input {...form.register('reason')} aria-invalid={errors.reason ? true : undefined} />
          </label>
          {errors.reason && <p className="field-error">{errors.reason.message}</p>}
          <button type="submit" className="button button--secondary" disabled={isSubmitting} ref={save}>
            Save<span className="visually-hidden">: {matter.text}</span>
          </button>
        </form>
      )}
    </li>
  );
}

/** The actions of earlier reviews of the same subject that were still open: where each stands now. */
export function MattersPanel() {
  const { matters } = useSession();
  return (
    <section aria-labelledby="matters-heading" className="subpanel">
      <h3 id="matters-heading">Actions from earlier reviews</h3>
      {matters.length === 0 ? (
        <p className="empty-state">No actions are carried over from an earlier review of this subject.</p>
      ) : (
        <ul className="matters">
          {matters.map((matter) => (
            <MatterForm key={matter.id} matter={matter} />
          ))}
        </ul>
      )}
      <SessionNotice place="matters" />
    </section>
  );
}
