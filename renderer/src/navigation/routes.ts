import { useSyncExternalStore } from 'react';

export const screens = [
  { id: 'overview', label: 'Overview' },
  { id: 'casebook', label: 'Case book' },
  { id: 'reviews', label: 'Reviews' },
  { id: 'visits', label: 'Visits' },
  { id: 'deck', label: 'Deck' },
  { id: 'settings', label: 'Settings' },
] as const;
/** Screens in the main navigation, and the presenter view, which stands alone in its own window. */
export type ScreenId = (typeof screens)[number]['id'] | 'present';

export interface Route {
  screen: ScreenId;
  /** What follows the screen in the hash, for example ['homes', '<id>', 'edit']. */
  path: string[];
}

const defaultScreen: ScreenId = 'overview';

function parse(hash: string): Route {
  const [first, ...rest] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const screen = first === 'present' || screens.some((s) => s.id === first) ? (first as ScreenId) : defaultScreen;
  return { screen, path: screen === first ? rest.filter(Boolean) : [] };
}

let current = parse(window.location.hash);
let currentHash = window.location.hash;
const listeners = new Set<() => void>();

/**
 * Forms on screen holding unsaved changes (a screen may have several): while there are any,
 * leaving the page asks first. A form holds its place while it is dirty and lets go once saved.
 */
const unsavedWork = new Set<symbol>();
export function holdUnsavedWork(): () => void {
  const hold = Symbol('unsaved work');
  unsavedWork.add(hold);
  return () => unsavedWork.delete(hold);
}

/** Leaving is no longer a loss: the case book locked, and the page must go. */
export function forgetUnsavedWork(): void {
  unsavedWork.clear();
}

export const unsavedChangesQuestion = 'You have changes that are not saved. Leave this page and lose them?';

window.addEventListener('hashchange', () => {
  if (window.location.hash === currentHash) return;
  if (unsavedWork.size > 0 && !window.confirm(unsavedChangesQuestion)) {
    // Stay: put the address back without a second hashchange.
    history.replaceState(null, '', currentHash || window.location.pathname + window.location.search);
    return;
  }
  unsavedWork.clear();
  headingFocusPending = true;
  currentHash = window.location.hash;
  current = parse(currentHash);
  listeners.forEach((listener) => listener());
});

window.addEventListener('beforeunload', (event) => {
  if (unsavedWork.size > 0) event.preventDefault();
});

/**
 * After moving to another page, a keyboard or screen reader user starts at its heading. Pages
 * that load data first draw their heading later, so the page's heading takes focus when it
 * appears (see ui/Screen.tsx), once per move.
 */
let headingFocusPending = false;
export function takeHeadingFocus(): boolean {
  const pending = headingFocusPending;
  headingFocusPending = false;
  return pending;
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

/** The screen and path named in the URL's hash: the same under app:// and the web host. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => current);
}

export function hrefFor(screen: ScreenId, ...path: string[]): string {
  return `#/${[screen, ...path].map(encodeURIComponent).join('/')}`;
}

export function navigate(screen: ScreenId, ...path: string[]): void {
  window.location.hash = hrefFor(screen, ...path);
}
