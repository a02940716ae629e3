import { useSyncExternalStore } from 'react';

export const screens = [
  { id: 'casebook', label: 'Case book' },
  { id: 'reviews', label: 'Reviews' },
  { id: 'deck', label: 'Deck' },
  { id: 'settings', label: 'Settings' },
] as const;
export type ScreenId = (typeof screens)[number]['id'];

const defaultScreen: ScreenId = 'casebook';

function currentScreen(): ScreenId {
  const id = window.location.hash.replace(/^#\/?/, '').split('/')[0];
  return screens.some((screen) => screen.id === id) ? (id as ScreenId) : defaultScreen;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The screen named in the URL's hash: works the same under app:// and the web host. */
export function useScreen(): ScreenId {
  return useSyncExternalStore(subscribe, currentScreen);
}

export const hrefFor = (screen: ScreenId): string => `#/${screen}`;
