import { useEffect, type RefObject } from 'react';
import type { z } from 'zod';
import { proseSchema, proseStages, type MinutesVersion } from '@shared/domain/minutes';
import { stageLabels } from '@shared/domain/sessions';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { TextAreaField } from '@renderer/ui/Select';
import { useApiForm } from '@renderer/ui/useApiForm';

export type ProseWords = z.input<typeof proseSchema>;

/**
 * The words of draft minutes: a summary and one for each stage. The rest follows the review.
 * `wordsNowRef` lets the screen read the words as they stand, so locking saves them first.
 */
export function ProseForm({
  minutes,
  wordsNowRef,
}: {
  minutes: MinutesVersion;
  wordsNowRef: RefObject<(() => ProseWords) | null>;
}) {
  const stage = (name: (typeof proseStages)[number]) =>
    minutes.content.stages.find((s) => s.stage === name)?.summary ?? '';
  const { form, onSubmit, status, failure } = useApiForm({
    schema: proseSchema,
    defaultValues: {
      minutesId: minutes.id,
      summary: minutes.content.summary,
      discover: stage('discover'),
      dream: stage('dream'),
      design: stage('design'),
      deliver: stage('deliver'),
    },
    submit: async (values, call) => {
      await call('minutes.saveProse', values);
      return 'The words are saved.';
    },
    afterSave: 'keep',
  });
  useEffect(() => {
    wordsNowRef.current = () => form.getValues();
    return () => {
      wordsNowRef.current = null;
    };
  }, [form, wordsNowRef]);
  const { errors, isSubmitting } = form.formState;
  return (
    <form className="form form--plain" onSubmit={onSubmit} noValidate aria-label="The words of the minutes">
      <ErrorMessage message={failure} />
      <TextAreaField
        label="Summary"
        hint="A few sentences on how the review went."
        error={errors.summary?.message}
        registration={form.register('summary')}
      />
      {proseStages.map((name) => (
        <TextAreaField
          key={name}
          label={`What was said in ${stageLabels[name]}`}
          error={errors[name]?.message}
          registration={form.register(name)}
        />
      ))}
      <button type="submit" className="button" disabled={isSubmitting}>
        Save the words
      </button>
      <StatusMessage message={status} />
    </form>
  );
}
