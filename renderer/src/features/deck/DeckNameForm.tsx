import { z } from 'zod';
import { deckNameSchema } from '@shared/deck/decks';
import type { ApiCall } from '@renderer/api/useApiCall';
import { Field } from '@renderer/ui/Field';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { useApiForm } from '@renderer/ui/useApiForm';

const schema = z.strictObject({ name: deckNameSchema });

interface Props {
  label: string;
  fieldLabel: string;
  submitLabel: string;
  defaultName: string;
  /** Saves the name; answers a message to announce, or nothing when it moves on to another page. */
  save: (name: string, call: ApiCall) => Promise<string | void>;
}

/** One name and one button: used to duplicate and to rename a deck. */
export function DeckNameForm({ label, fieldLabel, submitLabel, defaultName, save }: Props) {
  const { form, onSubmit, status, failure } = useApiForm({
    schema,
    defaultValues: { name: defaultName },
    submit: ({ name }, call) => save(name, call),
    afterSave: 'keep',
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className="deck-name-form">
      <ErrorMessage message={failure} />
      <Field label={fieldLabel} error={errors.name?.message}>
        {(control) => <input {...control} {...form.register('name')} type="text" />}
      </Field>
      <button className="button" type="submit" disabled={isSubmitting}>
        {submitLabel}
      </button>
      <StatusMessage message={status} />
    </form>
  );
}
