import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type BaseSyntheticEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { ApiCallError, errorMessage } from '@renderer/api/client';
import { useApiCall, type ApiCall } from '@renderer/api/useApiCall';
import { useLeaveGuard } from './useLeaveGuard';

/** The core's field messages for fields this form has (a field path's first part names the field). */
function fieldsOnForm(error: unknown, defaultValues: object): [string, string][] {
  const fields = error instanceof ApiCallError ? Object.entries(error.body.fields ?? {}) : [];
  return fields.filter(([path]) => path.split('.')[0]! in defaultValues);
}

/**
 * What `submit` answers: a message to show (it saved), true (it saved, and the message is shown
 * elsewhere), or nothing (the form stays as it is: it moved to another page, or nothing changed).
 */
export type SubmitOutcome = string | boolean | void;

/**
 * react-hook-form with a zod schema from shared/, plus what the core says back: its field
 * messages land on the fields, anything else in a summary. While the form holds unsaved changes,
 * leaving the page asks first. `submit` makes its calls with `call` (see useApiCall).
 *
 * After a save the form starts afresh (`afterSave`): cleared for the next entry (the default),
 * kept as saved, or as a function of what was sent. Anything typed while the save ran is kept.
 */
export function useApiForm<Schema extends z.ZodType<FieldValues, FieldValues>>(options: {
  schema: Schema;
  defaultValues: DefaultValues<z.input<Schema>>;
  submit: (values: z.output<Schema>, call: ApiCall) => Promise<SubmitOutcome>;
  afterSave?: 'clear' | 'keep' | ((sent: z.input<Schema>) => z.input<Schema>);
  /** Whether leaving with unsaved changes asks first. Not for a passphrase: it is not work to lose. */
  guardLeaving?: boolean;
}) {
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(options.schema as never) as unknown as Resolver<z.input<Schema>, unknown, z.output<Schema>>,
    defaultValues: options.defaultValues,
  });
  const call = useApiCall();
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const letGo = useLeaveGuard(form.formState.isDirty && options.guardLeaving !== false);

  function startAfresh(sent: z.input<Schema>) {
    const { afterSave = 'clear' } = options;
    const next = (
      afterSave === 'clear' ? options.defaultValues : afterSave === 'keep' ? sent : afterSave(sent)
    ) as Record<string, unknown>;
    // Field by field: what was changed while the save ran is kept (and still counts as unsaved);
    // the rest starts afresh. Keeping every field would carry the saved entry's untouched choices
    // into the next one.
    const now = form.getValues() as Record<string, unknown>;
    const before = sent as Record<string, unknown>;
    const changed = Object.keys(now).filter((key) => JSON.stringify(now[key]) !== JSON.stringify(before[key]));
    form.reset(next as z.input<Schema>);
    for (const key of changed) form.setValue(key as Path<z.input<Schema>>, now[key] as never, { shouldDirty: true });
  }

  // What was sent is taken as the button is pressed, before the (asynchronous) check of the
  // values: a choice made while the check runs is then seen as a change, and kept.
  const onSubmit = (event?: BaseSyntheticEvent) => {
    const sent = structuredClone(form.getValues());
    return form.handleSubmit(
      (values) => save(values, sent),
      () => setStatus(null),
    )(event);
  };

  async function save(values: z.output<Schema>, sent: z.input<Schema>) {
    setStatus(null);
    setFailure(null);
    try {
      const outcome = await options.submit(values, call);
      letGo();
      if (outcome) startAfresh(sent);
      if (typeof outcome === 'string') setStatus(outcome);
    } catch (error) {
      const fields = fieldsOnForm(error, options.defaultValues);
      fields.forEach(([name, message], index) =>
        form.setError(name as Path<z.input<Schema>>, { message }, { shouldFocus: index === 0 }),
      );
      if (fields.length === 0) setFailure(errorMessage(error));
    }
  }

  return { form, onSubmit, status, failure };
}
