import { useState } from 'react';
import type { BackupPreview } from '@shared/domain/vault';
import { formatDateTime } from '@shared/format/dates';
import { useApiMutation } from '@renderer/api/useApiMutation';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { RecordTable, Section } from '@renderer/ui/RecordPage';
import { ErrorMessage, StatusMessage } from '@renderer/ui/Screen';

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The encrypted backups made daily and on closing: see what one holds, and put it back. */
export function AutomaticBackupsPanel() {
  const backups = useApiQuery('vault.backups', {});
  const { run, busy, failure, status } = useApiMutation();
  const [preview, setPreview] = useState<BackupPreview | null>(null);

  const showPreview = async (fileName: string) => setPreview((await run('vault.previewBackup', { fileName })) ?? null);

  async function restore(fileName: string, createdAt: string) {
    if (
      !window.confirm(
        `Put the backup of ${formatDateTime(createdAt)} in place of the case book? What is there now is backed up first.`,
      )
    )
      return;
    const restored = await run(
      'vault.restoreBackup',
      { fileName },
      {
        success: `The case book is now as it was on ${formatDateTime(createdAt)}. What was there before is in the newest backup.`,
      },
    );
    if (restored) setPreview(null);
  }

  return (
    <Section id="automatic-backups-heading" title="Automatic backups">
      <p>
        An encrypted backup is made every day and when the app closes, checked as it is written. The newest ones are
        kept in the data folder’s “backups” folder.
      </p>
      <ErrorMessage message={failure} />
      <StatusMessage message={status} />
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => void run('vault.backupNow', {}, { success: 'A backup has been made and checked.' })}
      >
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
                  <button type="button" className="button button--link" onClick={() => void showPreview(b.fileName)}>
                    What it holds<span className="visually-hidden">: backup of {formatDateTime(b.createdAt)}</span>
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--link"
                    disabled={busy}
                    onClick={() => void restore(b.fileName, b.createdAt)}
                  >
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
          The backup of {formatDateTime(preview.createdAt)} holds {preview.counts.organisations} organisations,{' '}
          {preview.counts.homes} homes, {preview.counts.placements} placements, {preview.counts.reviews} reviews,{' '}
          {preview.counts.notes} notes and {preview.counts.minutes} versions of minutes
          {preview.latestReview
            ? `; the latest review is “${preview.latestReview.title}”, ${formatDateTime(preview.latestReview.scheduledFor)}`
            : ''}
          .
        </div>
      )}
    </Section>
  );
}
