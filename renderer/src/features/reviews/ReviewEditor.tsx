import { z } from 'zod';
import { optionalDate, optionalText } from '@shared/domain/fields';
import { reviewScopeLabels, reviewScopes, type Review, type ReviewScope } from '@shared/domain/reviews';
import { toLocalInput } from '@shared/format/dates';
import {
  dayMonthYear,
  dayMonthYearHint,
  readDayMonthYearTime,
  showDayMonthYear,
  showDayMonthYearTime,
} from '@renderer/ui/dates';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor, navigate } from '@renderer/navigation/routes';
import { ErrorMessage } from '@renderer/ui/Screen';
import { SelectField, TextAreaField, TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';
import { EditorPage } from '@renderer/ui/EditorPage';
import { reviewName } from '@renderer/ui/reviewName';
import { FormButtons } from '@renderer/ui/FormButtons';

/**
 * One form for every scope: the fields a scope does not use are left empty and dropped before
 * the call, and the core's own schema decides what a scope needs.
 */
const reviewFormSchema = z.object({
  scope: z.enum(reviewScopes, { message: 'Choose what the review is of.' }),
  homeId: z.string(),
  placementId: z.string(),
  commissionerId: z.string(),
  providerId: z.string(),
  // Typed day, month, year and time, whatever the browser's language, and read as this computer's time.
  scheduledFor: z.preprocess(
    (value) => (typeof value === 'string' ? readDayMonthYearTime(value) : value),
    z
      .string()
      .min(1, 'Enter the date and time of the review.')
      .refine(
        (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) && !Number.isNaN(new Date(value).getTime()),
        'Enter the day, month, year and time, for example 03/12/2026 10:00.',
      ),
  ),
  place: optionalText(200),
  purpose: optionalText(2000),
  nextReviewDate: dayMonthYear(optionalDate('Enter the date of the next review, for example 27/03/2026.')),
  carryForward: z.boolean(),
});

/** “Plan the next review” of a home or a placement: what it is of is chosen already, and it starts from the last one. */
export interface NextReview {
  scope: 'home' | 'placement';
  subjectId: string;
  /** For a home: the local authority of its last review. */
  commissionerId?: string;
}

const neededBy: Record<ReviewScope, ('homeId' | 'placementId' | 'commissionerId' | 'providerId')[]> = {
  home: ['homeId', 'commissionerId'],
  placement: ['placementId'],
  relationship: ['commissionerId', 'providerId'],
};

export function ReviewEditor({ id, next }: { id?: string; next?: NextReview }) {
  return (
    <EditorPage
      id={id}
      get="reviews.get"
      addTitle={next ? 'Plan the next review' : 'Plan a review'}
      editTitle={(r) => `Change ${reviewName(r)}`}
    >
      {(review) => <ReviewFormWithLists review={review} next={next} />}
    </EditorPage>
  );
}

/** The lists to choose from are loaded first, so a home or placement chosen already shows as chosen. */
function ReviewFormWithLists(props: { review?: Review; next?: NextReview }) {
  const lists = [
    useApiQuery('organisations.list', {}),
    useApiQuery('homes.list', {}),
    useApiQuery('placements.list', {}),
  ];
  if (lists.some((list) => list.status === 'error')) return <ErrorMessage message={failureOf(...lists)} />;
  if (lists.some((list) => list.status !== 'success')) return <p role="status">Loading…</p>;
  return <ReviewForm {...props} />;
}

function ReviewForm({ review, next }: { review?: Review; next?: NextReview }) {
  const organisations = useApiQuery('organisations.list', {});
  const homes = useApiQuery('homes.list', {});
  const placements = useApiQuery('placements.list', {});
  const { form, onSubmit, failure } = useApiForm({
    schema: reviewFormSchema,
    defaultValues: {
      scope: review?.scope ?? next?.scope ?? 'home',
      homeId: review?.homeId ?? (next?.scope === 'home' ? next.subjectId : ''),
      placementId: review?.placementId ?? (next?.scope === 'placement' ? next.subjectId : ''),
      commissionerId: review?.commissionerId ?? next?.commissionerId ?? '',
      providerId: review?.providerId ?? '',
      scheduledFor: review ? showDayMonthYearTime(toLocalInput(review.scheduledFor)) : '',
      place: review?.place ?? '',
      purpose: review?.purpose ?? '',
      nextReviewDate: showDayMonthYear(review?.nextReviewDate),
      carryForward: Boolean(next),
    },
    submit: async (values, call) => {
      const details = {
        scheduledFor: new Date(values.scheduledFor).toISOString(),
        place: values.place,
        purpose: values.purpose,
        nextReviewDate: values.nextReviewDate,
      };
      if (review) {
        const saved = await call('reviews.update', { id: review.id, ...details });
        navigate('reviews', saved.id);
        return;
      }
      const subject = Object.fromEntries(neededBy[values.scope].map((field) => [field, values[field]]));
      const saved = await call('reviews.create', {
        scope: values.scope,
        ...subject,
        ...details,
        carryForward: values.carryForward,
      } as never);
      navigate('reviews', saved.id);
    },
  });
  const { errors, isSubmitting } = form.formState;
  const scope = form.watch('scope');
  const option = (value: string, label: string) => ({ value, label });
  const authorities = (organisations.data ?? [])
    .filter((o) => o.kind === 'local_authority')
    .map((o) => option(o.id, o.name));
  const providers = (organisations.data ?? []).filter((o) => o.kind === 'provider').map((o) => option(o.id, o.name));

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={review ? 'Change review' : 'Plan a review'}>
      <ErrorMessage message={failure ?? failureOf(organisations, homes, placements)} />
      {!review && (
        <fieldset className="fieldset">
          <legend>What is the review of?</legend>
          {reviewScopes.map((value) => (
            <label key={value} className="radio">
              <input type="radio" value={value} {...form.register('scope')} />
              {reviewScopeLabels[value]}
            </label>
          ))}
        </fieldset>
      )}
      {!review && scope === 'home' && (
        <>
          <SelectField
            label="Home"
            placeholder="Choose a home"
            options={(homes.data ?? []).map((h) => option(h.id, h.name))}
            error={errors.homeId?.message}
            registration={form.register('homeId')}
          />
          <SelectField
            label="Commissioning local authority"
            placeholder="Choose a local authority"
            options={authorities}
            error={errors.commissionerId?.message}
            registration={form.register('commissionerId')}
          />
        </>
      )}
      {!review && scope === 'placement' && (
        <SelectField
          label="Placement"
          placeholder="Choose a placement"
          options={(placements.data ?? []).map((p) => option(p.id, `${p.childReference} at ${p.homeName}`))}
          error={errors.placementId?.message}
          registration={form.register('placementId')}
        />
      )}
      {!review && scope === 'relationship' && (
        <>
          <SelectField
            label="Commissioning local authority"
            placeholder="Choose a local authority"
            options={authorities}
            error={errors.commissionerId?.message}
            registration={form.register('commissionerId')}
          />
          <SelectField
            label="Provider"
            placeholder="Choose a provider"
            options={providers}
            error={errors.providerId?.message}
            registration={form.register('providerId')}
          />
        </>
      )}
      <TextField
        label="Date and time"
        hint="Day, month, year and time, for example 03/12/2026 10:00."
        error={errors.scheduledFor?.message}
        registration={form.register('scheduledFor')}
        short
      />
      <TextField
        label="Place (optional)"
        hint="For example: the home’s meeting room."
        error={errors.place?.message}
        registration={form.register('place')}
      />
      <TextAreaField
        label="Purpose (optional)"
        error={errors.purpose?.message}
        registration={form.register('purpose')}
      />
      <TextField
        label="Next review (optional)"
        hint={dayMonthYearHint}
        error={errors.nextReviewDate?.message}
        registration={form.register('nextReviewDate')}
        short
      />
      {!review && (
        <label className="checkbox">
          <input type="checkbox" {...form.register('carryForward')} />
          Start with the participants and affirmative topic of the last review of the same home, placement or
          relationship (you can change them in the plan)
        </label>
      )}
      <FormButtons
        saveLabel={review ? 'Save changes' : 'Plan review'}
        cancelHref={review ? hrefFor('reviews', review.id) : hrefFor('reviews')}
        busy={isSubmitting}
      />
    </form>
  );
}
