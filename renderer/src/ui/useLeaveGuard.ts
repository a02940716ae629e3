import { useCallback, useEffect, useRef } from 'react';
import { holdUnsavedWork } from '@renderer/navigation/routes';

/**
 * While a form holds unsaved changes, leaving the page asks first. Answers a function that lets
 * go at once: a form that has just saved may move to another page before it is drawn clean.
 */
export function useLeaveGuard(dirty: boolean): () => void {
  const release = useRef<() => void>(() => undefined);
  useEffect(() => {
    if (!dirty) return;
    release.current = holdUnsavedWork();
    return () => release.current();
  }, [dirty]);
  return useCallback(() => release.current(), []);
}
