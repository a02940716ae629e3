import { forwardRef } from 'react';
import { shortcuts } from './shortcuts';

/** The list of keys, in a native modal dialog: Escape or the button closes it. */
export const ShortcutsHelp = forwardRef<HTMLDialogElement>(function ShortcutsHelp(_props, ref) {
  return (
    <dialog ref={ref} className="shortcuts-help" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <p>These work when the cursor is not in a text box. Press Escape to leave a text box.</p>
      <dl className="details">
        {shortcuts.map((shortcut) => (
          <div key={shortcut.key} className="details-row">
            <dt>
              <kbd>{shortcut.key}</kbd>
            </dt>
            <dd>{shortcut.what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
});
