import { useEffect, useRef, useState } from 'react';
import { importSchema, type ImportResult, type SignatureReport } from '@shared/domain/minutes';
import { ApiCallError } from '@renderer/api/client';
import type { ApiCall } from '@renderer/api/useApiCall';
import { hrefFor } from '@renderer/navigation/routes';
import { Field } from '@renderer/ui/Field';
import { StatusMessage } from '@renderer/ui/Screen';
import { useApiForm } from '@renderer/ui/useApiForm';
import { useChosenFile } from '@renderer/ui/useChosenFile';
import { KeysToConfirm } from './KeysToConfirm';
import { readPdf } from './readPdf';

/**
 * Imports sealed minutes: the other side's, or this case book's own come back countersigned. When
 * the core asks for keys to be confirmed, each is shown with its fingerprint to compare with the
 * one its organisation reads out, and the import runs again with the ticked keys accepted.
 */
export function ImportMinutes({ onImported }: { onImported: (result: ImportResult) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [keys, setKeys] = useState<SignatureReport[] | null>(null);
  const [unticked, setUnticked] = useState<string[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { form, onSubmit, status, failure } = useApiForm({
    schema: importSchema,
    defaultValues: { acceptKeys: [] },
    guardLeaving: false,
    submit: async (values, call) => {
      setResult(null);
      setNotice(null);
      try {
        const done = await call('minutes.import', values);
        setKeys(null);
        if (input.current) input.current.value = '';
        setResult(done);
        onImported(done);
        return done.message;
      } catch (error) {
        const toConfirm = asksForKeys(error) ? await keysToConfirm(call, values.pdf) : [];
        if (toConfirm.length === 0) {
          setKeys(null);
          throw error;
        }
        setKeys(toConfirm);
        setUnticked([]);
      }
    },
  });
  const file = useChosenFile(readPdf, (chosen) => {
    setKeys(null);
    form.setValue('acceptKeys', []);
    if (chosen) {
      form.setValue('pdf', chosen.pdf);
      form.setValue('fileName', chosen.fileName);
    } else form.resetField('pdf');
  });
  const { errors, isSubmitting } = form.formState;
  const accepted = form.watch('acceptKeys') ?? [];

  // A file the core refused: the message is beside the control, and the keyboard goes back to it.
  useEffect(() => {
    if (failure) input.current?.focus();
  }, [failure]);

  /** Imports again only once every key shown has been ticked as compared. */
  const submitWithKeys = file.whenRead(async (event) => {
    const missing = (keys ?? []).map((key) => key.fingerprint).filter((fingerprint) => !accepted.includes(fingerprint));
    setUnticked(missing);
    if (missing.length > 0) {
      document.getElementById(checkboxId(missing[0]!))?.focus();
      return;
    }
    await onSubmit(event);
  });

  function cancel() {
    setKeys(null);
    form.setValue('acceptKeys', []);
    setNotice('Not imported: nothing has changed.');
    input.current?.focus();
  }

  return (
    <form
      className="form form--plain"
      onSubmit={keys ? submitWithKeys : file.whenRead(onSubmit)}
      noValidate
      aria-labelledby="import-heading"
    >
      <h3 id="import-heading">Import sealed minutes</h3>
      <p>
        The other organisation’s minutes are kept beside the review they concern. This case book’s own minutes, come
        back countersigned, have the countersignature recorded with them.
      </p>
      <Field label="Sealed minutes to import" error={errors.pdf?.message ?? failure ?? undefined}>
        {(control) => (
          <input {...control} type="file" accept="application/pdf,.pdf" ref={input} onChange={file.onChange} />
        )}
      </Field>
      {keys ? (
        <KeysToConfirm
          keys={keys}
          fileName={form.getValues('fileName') ?? ''}
          unticked={unticked.filter((fingerprint) => !accepted.includes(fingerprint))}
          registration={form.register('acceptKeys')}
          checkboxId={checkboxId}
          busy={isSubmitting}
          onCancel={cancel}
        />
      ) : (
        <button type="submit" className="button button--secondary" disabled={isSubmitting}>
          {isSubmitting ? 'Checking and importing…' : 'Import these minutes'}
        </button>
      )}
      <StatusMessage message={status ?? notice} />
      {result?.countersigned && (
        <p>
          <a href={hrefFor('reviews', result.countersigned.reviewId, 'minutes')}>
            See the countersignature with version {result.countersigned.version} of the minutes
          </a>
        </p>
      )}
    </form>
  );
}

const checkboxId = (fingerprint: string) => `compared-${fingerprint}`;

/** The core refuses keys it does not know for the organisation named until a person confirms them. */
const asksForKeys = (error: unknown) =>
  error instanceof ApiCallError && error.body.code === 'conflict' && Boolean(error.body.fields?.acceptKeys);

/** The keys a file's signatures are made with that this case book does not know for the organisation they name. */
async function keysToConfirm(call: ApiCall, pdf: string): Promise<SignatureReport[]> {
  try {
    const report = await call('minutes.verify', { pdf });
    return report.keysToConfirm.flatMap(
      (fingerprint) => report.signatures.find((s) => s.fingerprint === fingerprint) ?? [],
    );
  } catch {
    return [];
  }
}
