import { useRef } from 'react';
import { planSchema, stageLabels, stages } from '@shared/domain/sessions';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import type { DeckSummary } from '@shared/deck/decks';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { SelectField, TextAreaField, TextField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';
import { useFocusAfterSave } from './useFocusAfterSave';
import { isConcluded, useSession } from './useSession';

const reframing =
  'Turn a problem into what you want more of. Instead of “placement breakdowns”, ask about “placements that last and the days that make them work”.';

/** The plan: purpose, affirmative topic, apologies, the deck to draw from and the time for each stage. */
export function PlanPanel() {
  const decks = useApiQuery('decks.list', {});
  if (decks.status !== 'success') return <ErrorMessage message={failureOf(decks)} />;
  return <PlanForm decks={decks.data} />;
}

function PlanForm({ decks }: { decks: DeckSummary[] }) {
  const session = useSession();
  const save = useRef<HTMLButtonElement>(null);
  const { form, onSubmit, status, failure } = useApiForm({
    schema: planSchema,
    defaultValues: {
      reviewId: session.reviewId,
      purpose: session.purpose,
      affirmativeTopic: session.affirmativeTopic,
      apologies: session.apologies,
      deckId: session.deckId,
      timeBoxes: session.timeBoxes,
    },
    submit: async (values, call) => {
      await call('sessions.plan', values);
      // The button was disabled while it saved: the keyboard goes back to it, by the message.
      focus.saved();
      return 'Plan saved.';
    },
    afterSave: 'keep',
  });
  const { errors, isSubmitting } = form.formState;
  const focus = useFocusAfterSave(isSubmitting, save);
  const total = stages.reduce((sum, stage) => sum + (Number(form.watch(`timeBoxes.${stage}`)) || 0), 0);

  return (
    <form className="form form--plain" onSubmit={onSubmit} noValidate aria-label="Plan">
      <h3>Plan</h3>
      <ErrorMessage message={failure} />
      {/* A concluded review's plan is read, not changed. */}
      <fieldset className="plain-fieldset" disabled={isConcluded(session)}>
        <TextAreaField label="Purpose" error={errors.purpose?.message} registration={form.register('purpose')} />
        <TextAreaField
          label="Affirmative topic"
          hint={reframing}
          error={errors.affirmativeTopic?.message}
          registration={form.register('affirmativeTopic')}
        />
        <TextField
          label="Apologies (optional)"
          hint="Who could not come."
          error={errors.apologies?.message}
          registration={form.register('apologies')}
        />
        <SelectField
          label="Deck"
          placeholder="Choose a deck"
          options={decks.map((deck) => ({ value: deck.id, label: `${deck.name} (${deck.cardCount} cards)` }))}
          error={errors.deckId?.message}
          registration={form.register('deckId')}
        />
        <fieldset className="fieldset time-boxes">
          <legend>Minutes for each stage ({total} in all)</legend>
          {stages.map((stage) => (
            <TextField
              key={stage}
              label={stageLabels[stage]}
              type="number"
              short
              error={errors.timeBoxes?.[stage]?.message}
              registration={form.register(`timeBoxes.${stage}`, { valueAsNumber: true })}
            />
          ))}
        </fieldset>
        {!isConcluded(session) && (
          <button type="submit" className="button" disabled={isSubmitting} ref={save}>
            Save the plan
          </button>
        )}
      </fieldset>
      <StatusMessage message={status} />
    </form>
  );
}
