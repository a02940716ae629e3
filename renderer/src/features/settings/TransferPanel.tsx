import { useRef, useState } from 'react';
import { transferImportSchema } from '@shared/domain/transfer';
import { useApiMutation } from '@renderer/api/useApiMutation';
import { offerDownload } from '@renderer/ui/download';
import { Field } from '@renderer/ui/Field';
import { Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';
import { useApiForm } from '@renderer/ui/useApiForm';
import { useChosenFile } from '@renderer/ui/useChosenFile';

/** Save the whole case book to one file; restore such a file into an empty case book. */
export function TransferPanel() {
  const saving = useApiMutation();

  async function save() {
    const file = await saving.run(
      'transfer.export',
      {},
      {
        success: (saved) =>
          `The backup is ready: ${saved.fileName}. Keep it somewhere safe: it holds everything in the case book.`,
      },
    );
    if (file) offerDownload(file);
  }

  return (
    <Section id="backup-heading" title="Move the case book to another computer">
      <p>
        A backup file holds the whole case book in one readable file, to restore into an empty case book on another
        computer. It is not encrypted: keep it on an encrypted drive, and delete it once it has been restored.
      </p>
      <ErrorMessage message={saving.failure} />
      <div className="toolbar">
        <button type="button" className="button" onClick={() => void save()} disabled={saving.busy}>
          {saving.busy ? 'Making the backup…' : 'Save a backup'}
        </button>
      </div>
      <StatusMessage message={saving.status} />
      <RestoreForm />
    </Section>
  );
}

function RestoreForm() {
  const [inputKey, setInputKey] = useState(0);
  const fileName = useRef('');
  const { form, onSubmit, status, failure } = useApiForm({
    schema: transferImportSchema,
    defaultValues: {},
    guardLeaving: false,
    submit: async (values, call) => {
      const { counts } = await call('transfer.import', values);
      // The audit log's entries come back too, but they are not records a person added.
      const total = Object.entries(counts).reduce((sum, [table, n]) => (table === 'audit_log' ? sum : sum + n), 0);
      setInputKey((key) => key + 1);
      return `Restored ${total} records from ${fileName.current}.`;
    },
  });
  const file = useChosenFile(
    async (chosen) => ({ content: await chosen.text(), name: chosen.name }),
    (chosen) => {
      fileName.current = chosen?.name ?? '';
      if (chosen) form.setValue('content', chosen.content);
      else form.resetField('content');
    },
  );
  const { errors, isSubmitting } = form.formState;

  return (
    <form className="form form--plain" onSubmit={file.whenRead(onSubmit)} noValidate aria-label="Restore a backup">
      <ErrorMessage message={failure} />
      <Field label="Backup file to restore" error={errors.content?.message}>
        {(control) => (
          <input key={inputKey} {...control} type="file" accept=".json,application/json" onChange={file.onChange} />
        )}
      </Field>
      <button type="submit" className="button button--secondary" disabled={isSubmitting}>
        {isSubmitting ? 'Restoring…' : 'Restore this backup'}
      </button>
      <StatusMessage message={status} />
    </form>
  );
}
