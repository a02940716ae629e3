import { useRef, useState } from 'react';
import { api, errorMessage } from '@renderer/api/client';
import { offerDownload } from '@renderer/ui/download';
import { Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';

/** Save the whole case book to one file; restore such a file into an empty case book. */
export function BackupPanel() {
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'saving' | 'restoring' | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function run(kind: 'saving' | 'restoring', work: () => Promise<string>) {
    setBusy(kind);
    setStatus(null);
    setFailure(null);
    try {
      setStatus(await work());
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  const save = () =>
    run('saving', async () => {
      const file = await api.call('backup.export', {});
      offerDownload(file);
      return `The backup is ready: ${file.fileName}. Keep it somewhere safe: it holds everything in the case book.`;
    });

  const restore = () =>
    run('restoring', async () => {
      const file = fileInput.current!.files![0]!;
      const { counts } = await api.call('backup.restore', { content: await file.text() });
      // The audit log's entries come back too, but they are not records a person added.
      const total = Object.entries(counts).reduce((sum, [table, n]) => (table === 'audit_log' ? sum : sum + n), 0);
      if (fileInput.current) fileInput.current.value = '';
      return `Restored ${total} records from ${file.name}.`;
    });

  return (
    <Section id="backup-heading" title="Move the case book to another computer">
      <p>
        A backup file holds the whole case book in one readable file, to restore into an empty case book on another computer. It is not encrypted: keep it on an encrypted drive, and delete it once it has
        been restored.
      </p>
      <ErrorMessage message={failure} />
      <div className="toolbar">
        <button type="button" className="button" onClick={save} disabled={busy !== null}>
          {busy === 'saving' ? 'Making the backup…' : 'Save a backup'}
        </button>
      </div>
      <div className="field">
        <label htmlFor="restore-file">Backup file to restore</label>
        <input id="restore-file" type="file" accept=".json,application/json" ref={fileInput} />
      </div>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          if (!fileInput.current?.files?.length) setFailure('Choose a backup file first.');
          else void restore();
        }}
        disabled={busy !== null}
      >
        {busy === 'restoring' ? 'Restoring…' : 'Restore this backup'}
      </button>
      <StatusMessage message={status} />
    </Section>
  );
}
