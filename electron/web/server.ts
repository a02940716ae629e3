import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { contract } from '@shared/api/contract';
import type { ApiErrorBody, ApiErrorCode } from '@shared/api/errors';
import type { Core } from '@core/core';
import { rendererSecurityHeaders } from '@core/hosting/content-security-policy';
import { readStaticFile } from '@core/hosting/static-files';

export interface WebHostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Fixed only by tests; random per run otherwise. */
  token?: string;
  maxBodyBytes?: number;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const loopback = '127.0.0.1';

const statusByCode: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  unauthorised: 401,
  locked: 423,
  too_large: 413,
  schema_too_new: 409,
  // Like schema_too_new: the case book file is in a state this app cannot use (restore a backup); not a bug.
  damaged: 409,
  unavailable: 503,
  internal: 500,
};

class HttpFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status = statusByCode[code],
  ) {
    super(message);
  }
}

/**
 * The loopback web host: the core's router over HTTP on 127.0.0.1, for development and browser
 * tests. A thin transport: every decision about input is the router's.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? 128 * 1024 * 1024;
  const streams = new Set<ServerResponse>();
  let port = options.port;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpFailure)
        return sendError(response, error.status, { code: error.code, message: error.message });
      console.error('[relational-review] web host request failed', error);
      sendError(response, 500, { code: 'internal', message: 'The web host could not answer that request.' });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    checkHost(request);
    const url = new URL(request.url ?? '/', `http://${loopback}:${port}`);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      checkToken(request);
      return handleApi(request, response, url.pathname);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new HttpFailure('unknown_method', 'Only GET is served here.', 405);
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) throw new HttpFailure('not_found', 'There is no such page.');
    response.writeHead(200, {
      ...rendererSecurityHeaders,
      'Content-Type': file.contentType,
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  /** Refuses requests addressed to any other name (DNS rebinding). */
  function checkHost(request: IncomingMessage): void {
    const host = request.headers.host ?? '';
    if (host !== `${loopback}:${port}` && host !== `localhost:${port}`) {
      throw new HttpFailure('unauthorised', 'This host only answers on its loopback address.', 403);
    }
  }

  function checkToken(request: IncomingMessage): void {
    const header = request.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new HttpFailure(
        'unauthorised',
        'This request did not carry the web host’s token. Open the address the web host printed.',
      );
    }
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/api' && request.method === 'GET') return sendJson(response, 200, describeApi());
    if (pathname === '/api/events' && request.method === 'GET') return openEventStream(request, response);
    if (request.method !== 'POST') throw new HttpFailure('unknown_method', 'API methods are called with POST.', 405);
    const method = decodeURIComponent(pathname.slice('/api/'.length));
    const input = await readJsonBody(request);
    const result = await options.core.router.call(method, input);
    if (result.ok) return sendJson(response, 200, result.value ?? null);
    sendError(response, statusByCode[result.error.code], result.error);
  }

  async function readJsonBody(request: IncomingMessage): Promise<unknown> {
    const type = request.headers['content-type'] ?? '';
    if (!type.toLowerCase().startsWith('application/json')) {
      throw new HttpFailure('invalid_input', 'Send the input as JSON (Content-Type: application/json).', 415);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > maxBodyBytes) throw new HttpFailure('too_large', 'That request is too large for the app to accept.');
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') return {};
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new HttpFailure('invalid_input', 'The request was not valid JSON, so nothing was changed.');
    }
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const unsubscribe = options.core.events.subscribe((event) => {
      response.write(`event: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`);
    });
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    request.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, loopback, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${loopback}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** GET /api: every method with its input as JSON Schema. */
export function describeApi() {
  return {
    methods: Object.entries(contract).map(([name, entry]) => ({
      name,
      description: entry.description,
      input: z.toJSONSchema(entry.input, { io: 'input', unrepresentable: 'any' }),
    })),
    events: '/api/events (text/event-stream)',
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, error: ApiErrorBody): void {
  if (response.headersSent) return void response.end();
  sendJson(response, status, error);
}
