/**
 * The loopback web host tried as an attacker would (issue 13, item 7): text that is not well-formed
 * UTF-16, malformed paths, content types that only start like JSON, a database constraint,
 * bodies built to exhaust memory, and clients that hang up. Every test talks to the real host over
 * 127.0.0.1, as test/core/web-host.test.ts does.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '@core/router';
import type { Core } from '@core/core';
import { isJsonContentType, jsonShape, maxJsonDepth, startWebHost, type WebHost } from '../../electron/web/server';
import { tempDir, testCore } from './helpers';

let host: WebHost | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await host?.close();
  host = undefined;
});

interface StartOptions {
  core?: Core;
  maxBodyBytes?: number;
  maxBytesInFlight?: number;
  log?: (message: string, error?: unknown) => void;
}

async function start(options: StartOptions = {}) {
  const core = options.core ?? testCore();
  const rendererDir = path.join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  host = await startWebHost({ ...options, core, rendererDir, port: 0 });
  const base = `http://127.0.0.1:${host.port}`;
  const auth = { Authorization: `Bearer ${host.token}` };
  const post = (method: string, body: unknown, contentType = 'application/json') =>
    fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': contentType },
      body: typeof body === 'string' ? body : body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    });
  return { core, host, base, auth, post };
}

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A raw request over its own connection, for what fetch will not send: any path, a declared length
 * the body does not reach, a body that stops half way. `send` writes the body; the request is
 * answered (or refused) whenever the host decides, and write errors after that are ignored.
 */
function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string | number> },
  send: (request: ReturnType<typeof httpRequest>) => void = (request) => request.end(),
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
        agent: false,
      },
      (response) => {
        answered = true;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on('error', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    send(request);
  });
}

describe('text that is not well-formed UTF-16', () => {
  it('is refused with 400 naming the field, wherever it is in the input, and nothing is written', async () => {
    const { post } = await start();
    const lone = await post('organisations.create', { name: 'Oak\uD800wood', kind: 'provider' });
    expect(lone.status).toBe(400);
    const body = (await lone.json()) as { code: string; message: string; fields: Record<string, string> };
    expect(body.code).toBe('invalid_input');
    expect(Object.keys(body.fields)).toEqual(['name']);
    expect(body.message).toContain('“name”');
    expect(body.message).toMatch(/broken character/);

    // A low half alone, at the end, and several fields at once.
    const two = await post('homes.create', {
      providerId: '5d1c6f3e-8a2b-4c1d-9e0f-123456789abc',
      name: 'x\uDC00',
      ofstedUrn: '\uD83D',
    });
    expect(two.status).toBe(400);
    expect(Object.keys(((await two.json()) as { fields: object }).fields).sort()).toEqual(['name', 'ofstedUrn']);

    // Nested in a list, and in a field's name.
    const nested = (await (
      await post('organisations.create', { name: 'A', kind: 'provider', extra: [{ note: '\uDFFF' }] })
    ).json()) as { fields: Record<string, string> };
    expect(Object.keys(nested.fields)).toEqual(['extra.0.note']);
    const key = (await (await post('organisations.create', { name: 'A', kind: 'provider', 'a\uD800': 1 })).json()) as {
      fields: Record<string, string>;
      message: string;
    };
    expect(Object.keys(key.fields)).toEqual(['(input)']);
    expect(key.message).toMatch(/field name/);

    expect(await (await post('organisations.list', {})).json()).toEqual([]);
  });

  it('keeps well-formed text, surrogate pairs included, exactly as sent', async () => {
    const { post } = await start();
    const name = 'Oak 🌳 House 𝔄 \uFFFD';
    const created = await post('organisations.create', { name, kind: 'provider' });
    expect(created.status).toBe(200);
    expect(((await created.json()) as { name: string }).name).toBe(name);
  });

  it('is refused over IPC too: the check is the router’s, for both hosts', async () => {
    const core = testCore();
    // Structured clone (IPC) keeps lone surrogates and may carry a cycle.
    const input: Record<string, unknown> = { name: 'a\uD800', kind: 'provider' };
    input.self = input;
    const result = await core.router.call('organisations.create', input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields).toHaveProperty('name');
  });

  it('refuses a body that is not UTF-8 (a surrogate encoded as bytes) instead of replacing it with U+FFFD', async () => {
    const { post } = await start();
    const cesu = Buffer.concat([
      Buffer.from('{"name":"Oak'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('","kind":"provider"}'),
    ]);
    const answer = await post('organisations.create', new Uint8Array(cesu));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      code: 'invalid_input',
      message: 'The request was not valid UTF-8 text, so nothing was changed.',
    });
    expect(await (await post('organisations.list', {})).json()).toEqual([]);
  });
});

describe('a database constraint', () => {
  it('answers 409 with a plain message, not 500, and logs one line without a stack', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE names (name TEXT NOT NULL); CREATE UNIQUE INDEX names_unique ON names (lower(name));');
    const logged: { message: string; error: unknown }[] = [];
    const router = createRouter(
      {
        'organisations.create': (input: { name: string }) => {
          db.prepare('INSERT INTO names (name) VALUES (?)').run(input.name);
          return { name: input.name };
        },
      } as unknown as Handlers,
      { error: (message, error) => logged.push({ message, error }) },
    );
    const { post } = await start({ core: { ...testCore(), router } });
    expect((await post('organisations.create', { name: 'Oakwood', kind: 'provider' })).status).toBe(200);
    const duplicate = await post('organisations.create', { name: 'OAKWOOD', kind: 'provider' });
    expect(duplicate.status).toBe(409);
    const body = (await duplicate.json()) as { code: string; message: string };
    expect(body.code).toBe('conflict');
    expect(body.message).toMatch(/already used.*nothing was changed/);
    expect(body.message).not.toMatch(/SQLITE|constraint|names/i);
    expect(logged).toEqual([
      {
        message:
          "organisations.create was refused by a database constraint: UNIQUE constraint failed: index 'names_unique'",
        error: undefined,
      },
    ]);
    db.close();
  });

  it('never answers 500 for a deck file named in lone surrogates, imported twice (the case that was found)', async () => {
    const { post } = await start();
    const exported = (await (await post('decks.export', { deckId: 'relational-commissioning' })).json()) as {
      content: string;
    };
    const deck = JSON.parse(exported.content) as { name: string };
    const statuses: number[] = [];
    for (const name of ['\uD800', '\uD801']) {
      // JSON.stringify writes each as the escape \ud80x: the request itself is well-formed.
      const content = JSON.stringify({ ...deck, name });
      statuses.push((await post('decks.import', { content })).status);
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });
});

describe('requests that do not name a method properly', () => {
  it('answers a malformed path with 404, logging nothing', async () => {
    const log = vi.fn();
    const { host, auth } = await start({ log });
    const error = vi.spyOn(console, 'error');
    for (const target of ['/api/%E0%A4%A', '/api/%', '/api/%ZZ', '/api/organisations.list%']) {
      const answer = await rawRequest(
        host.port,
        {
          path: target,
          headers: { ...auth, 'Content-Type': 'application/json', 'Content-Length': 2 },
        },
        (request) => request.end('{}'),
      );
      expect(answer.status, target).toBe(404);
      expect(JSON.parse(answer.body), target).toEqual({
        code: 'unknown_method',
        message: 'This app does not offer that action.',
      });
    }
    for (const target of ['/%E0%A4%A', '//evil.example/api/organisations.list', '*']) {
      const answer = await rawRequest(host.port, { method: 'GET', path: target });
      expect(answer.status, target).toBe(404);
    }
    expect(log).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});

describe('the content type', () => {
  it('must be exactly application/json; parameters are allowed, a charset only if UTF-8', async () => {
    const { post } = await start();
    for (const type of [
      'application/jsonx',
      'application/json-patch',
      'application/json-patch+json',
      'application/json5',
      'application/jsonp; charset=utf-8',
      'text/plain',
      'text/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
      'application/json; charset=iso-8859-1',
      'application /json',
      '',
    ]) {
      const answer = await post('organisations.list', {}, type);
      expect(answer.status, type).toBe(415);
      expect(((await answer.json()) as { code: string }).code, type).toBe('invalid_input');
    }
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON;charset="UTF-8"',
      'application/json ; charset=utf8',
      'application/json;',
    ]) {
      expect((await post('organisations.list', {}, type)).status, type).toBe(200);
    }
  });

  it('is matched by isJsonContentType as the host does', () => {
    expect(isJsonContentType(undefined)).toBe(false);
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('application/jsonx')).toBe(false);
  });
});

describe('bodies built to exhaust the host', () => {
  it('holds a global cap on body bytes in flight: 503 over it, 413 over the per-request cap', async () => {
    const { host, auth } = await start({ maxBodyBytes: 1000, maxBytesInFlight: 1500 });
    const headers = (length?: number) => ({
      ...auth,
      'Content-Type': 'application/json',
      ...(length === undefined ? {} : { 'Content-Length': length }),
    });
    const body = (length: number) => `{"name":"${'x'.repeat(length - 29)}","kind":"provider"}`;
    expect(body(1000)).toHaveLength(1000);

    // A: declares 1000 bytes and sends only the start of them, holding its 1000 in flight.
    let finishA: () => void = () => {};
    const a = rawRequest(host.port, { path: '/api/organisations.create', headers: headers(1000) }, (request) => {
      request.write(body(1000).slice(0, 100));
      finishA = () => request.end(body(1000).slice(100));
    });
    await vi.waitFor(() => expect(host.bytesInFlight()).toBe(1000));

    // B: 1000 more would pass its own cap but not the host's: refused at its headers.
    const b = await rawRequest(host.port, { path: '/api/organisations.create', headers: headers(1000) }, (request) =>
      request.end(body(1000)),
    );
    expect(b.status).toBe(503);
    expect(b.headers['retry-after']).toBe('5');
    expect(JSON.parse(b.body)).toEqual({
      code: 'unavailable',
      message: 'The app is busy taking in other large requests. Try again in a moment.',
    });

    // C: a body sent in chunks, without a length, is held as it comes, and refused once over.
    const c = await rawRequest(host.port, { path: '/api/organisations.create', headers: headers() }, (request) => {
      request.write(body(1000).slice(0, 400));
      request.write(body(1000).slice(400, 800));
      request.end(body(1000).slice(800));
    });
    expect(c.status).toBe(503);

    // D: one over the per-request cap is refused at its headers, before a byte of it is read.
    const d = await rawRequest(host.port, { path: '/api/organisations.create', headers: headers(1001) }, (r) =>
      r.flushHeaders(),
    );
    expect(d.status).toBe(413);

    // E: small enough to fit beside A.
    const small = JSON.stringify({ name: 'Small', kind: 'provider' });
    const e = await rawRequest(host.port, { path: '/api/organisations.create', headers: headers(small.length) }, (r) =>
      r.end(small),
    );
    expect(e.status).toBe(200);

    finishA();
    expect((await a).status).toBe(400); // its name is too long: read, checked, answered
    expect(host.bytesInFlight()).toBe(0);
    const again = await rawRequest(host.port, { path: '/api/organisations.create', headers: headers(1000) }, (r) =>
      r.end(body(1000)),
    );
    expect(again.status).toBe(400);
  });

  it('refuses JSON nested or repeated beyond any method’s need before parsing it', async () => {
    const { post } = await start();
    const deep = `${'['.repeat(maxJsonDepth + 1)}${']'.repeat(maxJsonDepth + 1)}`;
    const wide = `[${'{},'.repeat(300_000)}{}]`;
    for (const body of [deep, wide]) {
      const answer = await post('organisations.list', body);
      expect(answer.status).toBe(413);
      expect(((await answer.json()) as { code: string }).code).toBe('too_large');
    }
    // Brackets and commas inside strings are text, not structure.
    const text = JSON.stringify({ name: `${'[{,'.repeat(100_000)}"\\`, kind: 'provider' });
    expect((await post('organisations.create', text)).status).toBe(400); // too long a name, but parsed
  });

  it('measures structure without parsing: strings, escapes and depth', () => {
    const shape = (text: string) => jsonShape(Buffer.from(text));
    expect(shape('{}')).toEqual({ depth: 1, values: 2 });
    expect(shape('{"a":[1,2,3]}')).toEqual({ depth: 2, values: 5 });
    expect(shape('{"a":"[[[,,,\\"[[["}')).toEqual({ depth: 1, values: 2 });
    expect(shape('"\\\\"')).toEqual({ depth: 0, values: 1 });
  });

  it('keeps the host’s memory within bounds under eight concurrent 127 MB bodies', async () => {
    if (process.platform !== 'linux') return; // reads /proc for the host's memory
    const child = await spawnHost();
    try {
      const status = () => readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status())?.[1]) * 1024;
      const before = kb('VmRSS');
      const size = 127 * 1024 * 1024;
      const payload = Buffer.alloc(size, 0x61);
      payload.write('{"name":"', 0);
      payload.write('","kind":"provider"}', size - 20);
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          rawRequest(
            child.port,
            {
              path: '/api/organisations.create',
              headers: {
                Authorization: `Bearer ${child.token}`,
                'Content-Type': 'application/json',
                'Content-Length': size,
              },
            },
            (request) => request.end(payload),
          ).catch(() => ({ status: 0, headers: {}, body: '' })),
        ),
      );
      const peak = kb('VmHWM');
      const growth = peak - before;
      console.log(
        `host RSS before ${mb(before)} MB, peak ${mb(peak)} MB (growth ${mb(growth)} MB); answers ${answers.map((a) => a.status).join(' ')}`,
      );
      // Each answer is a refusal in words (503 busy, or 400 for a name far too long): never a crash.
      for (const answer of answers) expect([400, 503, 0]).toContain(answer.status);
      expect(answers.filter((answer) => answer.status === 400).length).toBeGreaterThanOrEqual(1);
      // Unbounded, eight bodies took the host past 1.5 GB; the cap (160 MB in flight) holds it well under.
      expect(growth).toBeLessThan(700 * 1024 * 1024);
      // And it still answers.
      const list = await fetch(`http://127.0.0.1:${child.port}/api/organisations.list`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${child.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(list.status).toBe(200);
      expect(child.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      await child.stop();
    }
  }, 120_000);
});

describe('a client that hangs up', () => {
  it('leaves one quiet line, with no stack, when it goes before its body is read', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { host, auth } = await start();
    let hangUp: () => void = () => {};
    const gone = rawRequest(
      host.port,
      {
        path: '/api/organisations.create',
        headers: { ...auth, 'Content-Type': 'application/json', 'Content-Length': 1000 },
      },
      (request) => {
        request.write('{"name":"half');
        hangUp = () => request.destroy();
      },
    ).catch(() => undefined);
    // Once the host holds the body it has started to read, the client goes.
    await vi.waitFor(() => expect(host.bytesInFlight()).toBe(1000));
    hangUp();
    await gone;
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    expect(error.mock.calls).toEqual([
      ['[relational-review] web host: the client went away before its answer (POST /api/organisations.create)'],
    ]);
    expect(host.bytesInFlight()).toBe(0);
  });

  it('logs nothing when an event stream closes, as it does on every reload', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { base, auth, post } = await start();
    const controller = new AbortController();
    const stream = await fetch(`${base}/api/events`, { headers: auth, signal: controller.signal });
    await stream.body!.getReader().read();
    controller.abort();
    // A request after the close, answered, shows the host has handled it.
    expect((await post('organisations.list', {})).status).toBe(200);
    expect(error).not.toHaveBeenCalled();
  });
});

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** `npm run web`'s host in a process of its own, so that its memory is its own. */
async function spawnHost() {
  const { spawn } = await import('node:child_process');
  const root = path.resolve(__dirname, '../..');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web/cli.ts', '--port', '0', '--data', tempDir()],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RR_PASSPHRASE: 'correct horse battery staple' },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const started = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /web host: http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+)/.exec(stdout);
      if (match) resolve({ port: Number(match[1]), token: match[2]! });
    });
    child.once('exit', (code) => reject(new Error(`web host exited (${code}): ${stderr}`)));
  });
  return {
    ...started,
    pid: child.pid!,
    stderr: () => stderr,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
