import { bridgeName, type Transport } from '@shared/api/transport';
import { createHttpTransport } from './http-transport';

const tokenKey = 'relational-review.token';

/** Electron's preload bridge when present; otherwise the web host, with the token from the URL. */
export function hostTransport(): Transport {
  const bridge = (window as unknown as Record<string, Transport | undefined>)[bridgeName];
  if (bridge) return bridge;
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) sessionStorage.setItem(tokenKey, fromUrl);
  return createHttpTransport(fromUrl ?? sessionStorage.getItem(tokenKey) ?? '');
}
