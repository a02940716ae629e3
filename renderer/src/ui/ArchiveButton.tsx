import { useState } from 'react';
import type { MethodName } from '@shared/api/contract';
import { api, errorMessage } from '@renderer/api/client';
import { ErrorMessage, StatusMessage } from './Screen';

type Archivable = 'organisations' | 'homes' | 'people' | 'placements' | 'reviews';

/** Archive or restore a record. Both are undoable, so neither asks "are you sure?". */
export function ArchiveButton(props: { noun: Archivable; id: string; archived: boolean; what: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function toggle() {
    setBusy(true);
    setFailure(null);
    try {
      const method = `${props.noun}.${props.archived ? 'restore' : 'archive'}` as MethodName;
      await api.call(method as 'homes.archive', { id: props.id });
      setStatus(props.archived ? `Restored this ${props.what}.` : `Archived this ${props.what}. You can restore it at any time.`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--secondary" onClick={toggle} disabled={busy}>
        {props.archived ? `Restore ${props.what}` : `Archive ${props.what}`}
      </button>
      <ErrorMessage message={failure} />
      <StatusMessage message={status} />
    </>
  );
}
