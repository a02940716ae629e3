import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { deckNameSchema } from '@shared/deck/decks';
import { ApiCallError, errorMessage } from '@renderer/api/client';
import { guardLeaving, unsavedChangesQuestion } from '@renderer/navigation/routes';
import { Field } from '@renderer/ui/Field';
import { ErrorMessage } from '@renderer/ui/Screen';

const schema = z.strictObject({ name: deckNameSchema });
type Values = z.input<typeof schema>;

interface Props {
  label: string;
  fieldLabel: string;
  submitLabel: string;
  defaultName: string;
  /** Saves the name; answers a message to announce, or where to go next. */
  save: (name: string) => Promise<string | (() => void)>;
}

/** One name and one button: used to duplicate and to rename a deck. */
export function DeckNameForm({ label, fieldLabel, submitLabel, defaultName, save }: Props) {
  const form = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { name: defaultName } });
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { errors, isSubmitting, isDirty } = form.formState;

  useEffect(() => {
    if (!isDirty) return;
    guardLeaving(() => window.confirm(unsavedChangesQuestion));
    return () => guardLeaving(null);
  }, [isDirty]);

  const onSubmit = form.handleSubmit(async ({ name }) => {
    setFailure(null);
    setStatus(null);
    try {
      const done = await save(name);
      guardLeaving(null);
      form.reset({ name });
      if (typeof done === 'function') done();
      else setStatus(done);
    } catch (error) {
      const message = error instanceof ApiCallError ? error.body.fields?.name : undefined;
      if (message) form.setError('name', { message }, { shouldFocus: true });
      else setFailure(errorMessage(error));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className="deck-name-form">
      <ErrorMessage message={failure} />
      <Field label={fieldLabel} error={errors.name?.message}>
        {(control) => <input {...control} {...form.register('name')} type="text" />}
      </Field>
      <button className="button" type="submit" disabled={isSubmitting}>
        {submitLabel}
      </button>
      <p role="status" className={status ? 'status-message' : 'visually-hidden'}>
        {status}
      </p>
    </form>
  );
}
