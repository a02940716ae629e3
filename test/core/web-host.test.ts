import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '@shared/api/contract';
import { resolveInside } from '@core/hosting/static-files';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { tempDir, testCore } from './helpers';

let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start(maxBodyBytes?: number) {
  const core = testCore();
  const rendererDir = path.join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'outside');
  host = await startWebHost({ core, rendererDir, port: 0, maxBodyBytes });
  const base = `http://127.0.0.1:${host.port}`;
  const auth = { Authorization: `Bearer ${host.token}` };
  const post = (method: string, body: unknown, headers: Record<string, string> = auth) =>
    fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  return { core, host, base, auth, post };
}

/** A raw request, so the Host header can be anything. */
function rawGet(port: number, urlPath: string, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: urlPath, headers: { Host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the loopback web host', () => {
  it('listens on 127.0.0.1 only and gives a URL carrying a long random token', async () => {
    const { host } = await start();
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    const other = await startWebHost({ core: testCore(), rendererDir: tempDir(), port: 0 });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('needs the token for every API request', async () => {
    const { base, post } = await start();
    expect((await fetch(`${base}/api`)).status).toBe(401);
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    expect((await post('organisations.list', {}, {})).status).toBe(401);
    expect((await post('organisations.list', {}, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post('organisations.list', {})).status).toBe(200);
  });

  it('lists every method of the contract with its input as JSON Schema', async () => {
    const { base, auth } = await start();
    type Schema = { type?: string; oneOf?: Schema[]; anyOf?: Schema[] };
    const body = (await (await fetch(`${base}/api`, { headers: auth })).json()) as {
      methods: { name: string; input: Schema }[];
    };
    expect(body.methods.map((method) => method.name)).toEqual(Object.keys(contract));
    const describesObjects = (schema: Schema): boolean =>
      schema.type === 'object' || (schema.oneOf ?? schema.anyOf ?? []).some(describesObjects);
    expect(body.methods.filter((method) => !describesObjects(method.input)).map((method) => method.name)).toEqual([]);
  });

  it('answers bad requests with a status and a readable {code, message}, writing nothing', async () => {
    const { base, auth, post } = await start(1000);
    const wrongType = await fetch(`${base}/api/organisations.create`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
    const tooLarge = await post('organisations.create', { name: 'x'.repeat(2000), kind: 'other' });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({
      code: 'too_large',
      message: 'That request is too large for the app to accept.',
    });
    const unknown = await post('organisations.destroyAll', {});
    expect(unknown.status).toBe(404);
    expect((await fetch(`${base}/api/organisations.list`, { headers: auth })).status).toBe(405);
    const invalid = await post('organisations.create', { kind: 'provider' });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      code: 'invalid_input',
      fields: { name: 'Enter the organisation’s name.' },
    });
    expect(await (await post('organisations.list', {})).json()).toEqual([]);
  });

  it('serves the renderer with its security headers, and nothing outside it', async () => {
    const { base, host } = await start();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/nope.js',
    ]) {
      expect(await rawGet(host.port, attempt, `127.0.0.1:${host.port}`), attempt).toBe(404);
    }
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { host } = await start();
    expect(await rawGet(host.port, '/', `evil.example:${host.port}`)).toBe(403);
    expect(await rawGet(host.port, '/', `localhost:${host.port}`)).toBe(200);
  });

  it('streams core events to subscribers as server-sent events', async () => {
    const { base, auth, post } = await start();
    const controller = new AbortController();
    const stream = await fetch(`${base}/api/events`, { headers: auth, signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    await reader.read(); // the ': connected' comment
    await post('organisations.create', { name: 'Westshire Council', kind: 'local_authority' });
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/^event: casebook\.changed\ndata: \{"kind":"organisation","id":"[0-9a-f-]{36}"\}\n\n$/);
    controller.abort();
  });
});

describe('resolving renderer files', () => {
  it('keeps every path inside the renderer folder', () => {
    const root = '/srv/renderer';
    expect(resolveInside(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveInside(root, '/assets/app.js')).toBe('/srv/renderer/assets/app.js');
    for (const attempt of ['/../x', '/%2e%2e/x', '/..%2fx', '/a/../../x', '/%00', '/%E0%A4%A', '/..\\x']) {
      expect(resolveInside(root, attempt), attempt).toBeNull();
    }
  });
});
