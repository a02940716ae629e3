import { useRef, type ChangeEvent, type FormEvent } from 'react';

/**
 * A file input whose chosen file is read into a form's values as soon as it is chosen (`keep`
 * is told the result, or null when no file is chosen or it cannot be read). `whenRead` wraps a
 * submit handler so a form sent straight after choosing waits for the reading to finish.
 */
export function useChosenFile<T>(read: (file: File) => Promise<T>, keep: (value: T | null) => void) {
  const reading = useRef<Promise<void>>(Promise.resolve());

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    reading.current = file ? read(file).then(keep, () => keep(null)) : Promise.resolve().then(() => keep(null));
  }

  const whenRead = (submit: (event: FormEvent) => Promise<void>) => (event: FormEvent) => {
    event.preventDefault();
    void reading.current.then(() => submit(event));
  };

  return { onChange, whenRead };
}
