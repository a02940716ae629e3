import { useEffect } from 'react';
import { guardLeaving, unsavedChangesQuestion } from '@renderer/navigation/routes';

/** While a form holds unsaved changes, leaving the page asks first. */
export function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    guardLeaving(() => window.confirm(unsavedChangesQuestion));
    return () => guardLeaving(null);
  }, [dirty]);
}
