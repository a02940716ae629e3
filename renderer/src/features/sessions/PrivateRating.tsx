import { useController, type Control } from 'react-hook-form';
import type { z } from 'zod';
import {
  checkinSchema,
  sellickFeatures,
  sideLabels,
  type SellickFeature,
  type TurnSide,
} from '@shared/domain/sessions';
import { useApiForm } from '@renderer/ui/useApiForm';
import { useChangeSession, useSession } from './useSession';

/** The review and the side come from the screen; the side rates the four features. */
const ratingsSchema = checkinSchema.omit({ reviewId: true, side: true });
type Ratings = Control<z.input<typeof ratingsSchema>, unknown, z.output<typeof ratingsSchema>>;
const unrated = () =>
  Object.fromEntries(sellickFeatures.map((feature) => [feature.id, { score: undefined, word: '' }]));

/** One side's private ratings: drawn only while that side rates, and cleared from the screen after. */
export function PrivateRating({ side, onDone }: { side: TurnSide; onDone: () => void }) {
  const { reviewId } = useSession();
  const change = useChangeSession('checkin');
  const who = sideLabels[side].toLowerCase();
  const { form, onSubmit } = useApiForm({
    schema: ratingsSchema,
    defaultValues: { ratings: unrated() },
    submit: async ({ ratings }) => {
      const handedIn = await change('checkin.submit', { reviewId, side, ratings }, `The ${who} has rated.`);
      if (handedIn) onDone();
      return handedIn;
    },
  });
  const scoreErrors = sellickFeatures.map((feature) => form.formState.errors.ratings?.[feature.id]?.score?.message);

  return (
    <form className="form form--plain" onSubmit={onSubmit} noValidate>
      <div role="group" aria-label={`Ratings from the ${who}`}>
        <p>
          Only the {who} should see this. From 1 (not at all) to 5 (very much so): how true is each of these of the
          relationship now?
        </p>
        {scoreErrors.some(Boolean) && (
          <p role="alert" className="error-summary">
            Give a rating from 1 to 5 for each of the four.
          </p>
        )}
        {sellickFeatures.map((feature, index) => (
          <fieldset key={feature.id} className="fieldset rating">
            <legend>{feature.label}</legend>
            {scoreErrors[index] && <p className="field-error">{scoreErrors[index]}</p>}
            <Scores control={form.control} feature={feature.id} group={`${side}-${feature.id}`} />
            <label className="rating__word">
              One word (optional) <input {...form.register(`ratings.${feature.id}.word`)} maxLength={60} />
            </label>
          </fieldset>
        ))}
        <button type="submit" className="button">
          Hand in the {who}’s ratings
        </button>
      </div>
    </form>
  );
}

/** A score from 1 to 5 as radio buttons: their values are numbers, as the schema asks. */
function Scores({ control, feature, group }: { control: Ratings; feature: SellickFeature; group: string }) {
  const { field } = useController({ control, name: `ratings.${feature}.score` });
  return (
    <div className="rating__scores">
      {[1, 2, 3, 4, 5].map((score) => (
        <label key={score} className="radio">
          <input
            type="radio"
            name={group}
            checked={field.value === score}
            onChange={() => field.onChange(score)}
            onBlur={field.onBlur}
          />
          {score}
        </label>
      ))}
    </div>
  );
}
