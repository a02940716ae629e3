/**
 * Moves the keyboard to `target` once `done` has settled well (anything but false) and the screen
 * has drawn what it brought, unless the person moved on while it ran: it moves focus only from
 * where it was when the action began, or from the page's body (the button pressed may be gone).
 * A note opened and typed into meanwhile keeps the keyboard.
 */
export function focusAfter(done: Promise<unknown>, target: () => HTMLElement | null | undefined): void {
  const from = document.activeElement;
  void done.then((ok) => {
    if (ok === false) return;
    setTimeout(() => {
      const now = document.activeElement;
      if (now === from || now === null || now === document.body || !now.isConnected) target()?.focus();
    });
  });
}
