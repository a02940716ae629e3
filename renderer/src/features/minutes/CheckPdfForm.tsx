import { useEffect, useRef, useState } from 'react';
import { verifySchema, type VerifyReport } from '@shared/domain/minutes';
import { Field } from '@renderer/ui/Field';
import { useApiForm } from '@renderer/ui/useApiForm';
import { useChosenFile } from '@renderer/ui/useChosenFile';
import { readPdf } from './readPdf';
import { summaryOf, VerifyReportView } from './VerifyReportView';

/** Give the app any PDF: it checks every signature in it, and says whether the minutes are in this case book. */
export function CheckPdfForm() {
  const input = useRef<HTMLInputElement>(null);
  const fileName = useRef('');
  const [checked, setChecked] = useState<{ report: VerifyReport; fileName: string } | null>(null);
  const { form, onSubmit, status, failure } = useApiForm({
    schema: verifySchema,
    defaultValues: {},
    guardLeaving: false,
    // The file stays chosen, to check again.
    afterSave: 'keep',
    submit: async (values, call) => {
      setChecked(null);
      const report = await call('minutes.verify', values);
      setChecked({ report, fileName: fileName.current });
      return `Checked ${fileName.current}. ${summaryOf(report)}`;
    },
  });
  const file = useChosenFile(readPdf, (chosen) => {
    fileName.current = chosen?.fileName ?? '';
    if (chosen) form.setValue('pdf', chosen.pdf);
    else form.resetField('pdf');
  });
  const { errors, isSubmitting } = form.formState;

  // A file the core could not check: the message is beside the control, and the keyboard goes back to it.
  useEffect(() => {
    if (failure) input.current?.focus();
  }, [failure]);

  return (
    <>
      <form onSubmit={file.whenRead(onSubmit)} noValidate aria-label="Check a PDF">
        <Field label="PDF to check" error={errors.pdf?.message ?? failure ?? undefined}>
          {(control) => (
            <input {...control} type="file" accept="application/pdf,.pdf" ref={input} onChange={file.onChange} />
          )}
        </Field>
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Checking…' : 'Check this PDF'}
        </button>
        <p role="status" className="visually-hidden">
          {status}
        </p>
      </form>
      {checked && <VerifyReportView report={checked.report} fileName={checked.fileName} />}
    </>
  );
}
