import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { ApiCallError, errorMessage } from '@renderer/api/client';
import { guardLeaving } from '@renderer/navigation/routes';
import { useLeaveGuard } from './useLeaveGuard';

/**
 * react-hook-form with a zod schema from shared/, plus what the core says back: its field
 * messages land on the fields, anything else in a summary. While the form holds unsaved changes,
 * leaving the page asks first. After saving, `saved` decides what happens: a message (the form
 * clears for the next entry) or nothing (the caller moves on).
 */
export function useApiForm<Schema extends z.ZodType<FieldValues, FieldValues>>(options: {
  schema: Schema;
  defaultValues: DefaultValues<z.input<Schema>>;
  submit: (values: z.output<Schema>) => Promise<string | void>;
  /** After a save that returns a message: clear the form for the next entry (default), or keep what was saved. */
  afterSave?: 'clear' | 'keep';
}) {
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(options.schema as never) as unknown as Resolver<z.input<Schema>, unknown, z.output<Schema>>,
    defaultValues: options.defaultValues,
  });
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { isDirty } = form.formState;

  useLeaveGuard(isDirty);

  const onSubmit = form.handleSubmit(
    async (values) => {
      setStatus(null);
      setFailure(null);
      try {
        const done = await options.submit(values);
        guardLeaving(null);
        if (done) {
          form.reset(options.afterSave === 'keep' ? form.getValues() : options.defaultValues);
          setStatus(done);
        }
      } catch (error) {
        const fields = error instanceof ApiCallError ? error.body.fields : undefined;
        const known = Object.keys(fields ?? {}).filter((name) => name in (options.defaultValues as object));
        known.forEach((name, index) =>
          form.setError(name as Path<z.input<Schema>>, { message: fields![name] }, { shouldFocus: index === 0 }),
        );
        if (known.length === 0) setFailure(errorMessage(error));
      }
    },
    () => setStatus(null),
  );

  return { form, onSubmit, status, failure };
}
