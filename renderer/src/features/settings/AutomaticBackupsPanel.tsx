import { useState } from 'react';
import type { BackupPreview } from '@shared/domain/vault';
import { formatDateTime } from '@shared/format/dates';
import { api, errorMessage } from '@renderer/api/client';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { RecordTable, Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** The encrypted backups made daily and on closing: see what one holds, and put it back. */
export function AutomaticBackupsPanel() {
  const backups = useApiQuery('vault.backups', {});
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<string>) {
    setBusy(true);
    setStatus(null);
    setFailure(null);
    try {
      setStatus(await work());
      backups.reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const restore = (fileName: string, createdAt: string) =>
    window.confirm(`Put the backup of ${formatDateTime(createdAt)} in place of the case book? What is there now is backed up first.`) &&
    void run(async () => {
      await api.call('vault.restoreBackup', { fileName });
      setPreview(null);
      return `The case book is now as it was on ${formatDateTime(createdAt)}. What was there before is in the newest backup.`;
    });

  return (
    <Section id="automatic-backups-heading" title="Automatic backups">
      <p>An encrypted backup is made every day and when the app closes, checked as it is written. The newest ones are kept in the data folder’s “backups” folder.</p>
      <ErrorMessage message={failure} />
      <StatusMessage message={status} />
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run(async () => (await api.call('vault.backupNow', {}), 'A backup has been made and checked.'))}>
        {busy ? 'Working…' : 'Back up now'}
      </button>
      {backups.data && (
        <RecordTable
          caption="Automatic backups, newest first"
          rows={backups.data.map((b) => ({ ...b, id: b.fileName }))}
          empty={<p>No backups yet: the first is made today, or when the app closes.</p>}
          columns={[
            { header: 'Made', cell: (b) => formatDateTime(b.createdAt) },
            { header: 'Size', cell: (b) => size(b.sizeBytes) },
            {
              header: 'What to do',
              cell: (b) => (
                <>
                  <button type="button" className="button button--link" onClick={() => void run(async () => (setPreview(await api.call('vault.previewBackup', { fileName: b.fileName })), ''))}>
                    What it holds<span className="visually-hidden">: backup of {formatDateTime(b.createdAt)}</span>
                  </button>{' '}
                  <button type="button" className="button button--link" disabled={busy} onClick={() => restore(b.fileName, b.createdAt)}>
                    Restore<span className="visually-hidden"> the backup of {formatDateTime(b.createdAt)}</span>
                  </button>
                </>
              ),
            },
          ]}
        />
      )}
      {preview && (
        <div className="status-message" role="status">
          The backup of {formatDateTime(preview.createdAt)} holds {preview.counts.organisations} organisations, {preview.counts.homes} homes, {preview.counts.placements} placements,{' '}
          {preview.counts.reviews} reviews, {preview.counts.notes} notes and {preview.counts.minutes} versions of minutes
          {preview.latestReview ? `; the latest review is “${preview.latestReview.title}”, ${formatDateTime(preview.latestReview.scheduledFor)}` : ''}.
        </div>
      )}
    </Section>
  );
}
