import { useEffect, useRef, type RefObject } from 'react';

/**
 * A form's submit button is disabled while it saves, which drops the keyboard to the page's body.
 * `saved()` asks for the focus back on `button` once the form is no longer submitting.
 */
export function useFocusAfterSave(isSubmitting: boolean, button: RefObject<HTMLButtonElement | null>) {
  const wanted = useRef(false);
  useEffect(() => {
    if (isSubmitting || !wanted.current) return;
    wanted.current = false;
    button.current?.focus();
  }, [isSubmitting, button]);
  return {
    saved: () => {
      wanted.current = true;
    },
  };
}
