import { useApiMutation } from '@renderer/api/useApiMutation';
import { ErrorMessage, StatusMessage } from './Screen';

type Archivable = 'organisations' | 'homes' | 'people' | 'placements' | 'reviews';

/** Archive or restore a record. Both are undoable, so neither asks "are you sure?". */
export function ArchiveButton(props: { noun: Archivable; id: string; archived: boolean; what: string }) {
  const { run, busy, failure, status } = useApiMutation();
  const toggle = () =>
    run(
      `${props.noun}.${props.archived ? 'restore' : 'archive'}` as 'homes.archive',
      { id: props.id },
      {
        success: props.archived
          ? `Restored this ${props.what}.`
          : `Archived this ${props.what}. You can restore it at any time.`,
      },
    );

  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => void toggle()} disabled={busy}>
        {props.archived ? `Restore ${props.what}` : `Archive ${props.what}`}
      </button>
      <ErrorMessage message={failure} />
      <StatusMessage message={status} />
    </>
  );
}
