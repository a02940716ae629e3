import { bridgeName, type Transport } from '@shared/api/transport';
import { createHttpTransport } from './http-transport';

const tokenKey = 'relational-review.token';

/**
 * Electron's preload bridge when present; otherwise the web host, with the token from the URL. The
 * token is then kept in this tab's sessionStorage (a reload, and the presenter view this tab opens,
 * find it there) and taken out of the address bar and this page's history entry, so that it is not
 * left on screen, bookmarked, or copied with the address.
 */
export function hostTransport(): Transport {
  const bridge = (window as unknown as Record<string, Transport | undefined>)[bridgeName];
  if (bridge) return bridge;
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    forgetTokenInAddress();
  }
  return createHttpTransport(fromUrl ?? sessionStorage.getItem(tokenKey) ?? '');
}

/** The same address without its token parameter, the route (#/...) and any other parameter kept. */
function forgetTokenInAddress(): void {
  const url = new URL(window.location.href);
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
