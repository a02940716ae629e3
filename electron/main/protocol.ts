import { protocol } from 'electron';
import { rendererSecurityHeaders } from '@core/hosting/content-security-policy';
import { readStaticFile } from '@core/hosting/static-files';
import { appHost, appScheme } from './security-policy';

/** Must run before the app is ready: app:// behaves like https (storage, fetch, secure context). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on app://relational-review/ and nothing else. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.hostname !== appHost || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
    const file = await readStaticFile(rendererRoot, url.pathname);
    if (!file) return notFound();
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: { ...rendererSecurityHeaders, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' },
    });
  });
}

function notFound(): Response {
  return new Response('There is no such page.', {
    status: 404,
    headers: { ...rendererSecurityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
