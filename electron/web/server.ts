import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { contract, isMethodName } from '@shared/api/contract';
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
  /** The most one request body may hold (413 above it). */
  maxBodyBytes?: number;
  /**
   * The most all request bodies being received or worked on may hold together (503 above it): a
   * body counts from its headers (its declared length) until its answer is sent.
   */
  maxBytesInFlight?: number;
  /** Where the host reports what goes wrong: stderr unless a test listens. */
  log?: (message: string, error?: unknown) => void;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  /** Request body bytes held now (for tests and diagnostics). */
  bytesInFlight(): number;
  close(): Promise<void>;
}

const loopback = '127.0.0.1';

export const defaultMaxBodyBytes = 128 * 1024 * 1024;
/**
 * Room for one body of the largest size and the small calls the page makes meanwhile. Parsing
 * holds a body about three times over (bytes, text, parsed value), so this keeps a burst of large
 * bodies to a few hundred MB where eight at once took the host to 1.5 GB.
 */
export const defaultMaxBytesInFlight = 160 * 1024 * 1024;
/**
 * No method takes input nested more than a few levels deep or holding more than a few thousand
 * values (files travel as one string), but JSON.parse of a 127 MB body such as [{},{},...] takes
 * 4 GB and over a minute of the core's only thread: such bodies are refused before parsing.
 */
export const maxJsonDepth = 64;
export const maxJsonValues = 200_000;

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
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The client closed the connection before its request was read or answered: nobody to answer. */
class ClientGone extends Error {}

const tooLarge = () => new HttpFailure('too_large', 'That request is too large for the app to accept.');
const busy = () =>
  new HttpFailure(
    'unavailable',
    'The app is busy taking in other large requests. Try again in a moment.',
    statusByCode.unavailable,
    { 'Retry-After': '5' },
  );
const unknownMethod = () => new HttpFailure('unknown_method', 'This app does not offer that action.');

const stderrLog = (message: string, error?: unknown) =>
  error === undefined
    ? console.error(`[relational-review] ${message}`)
    : console.error(`[relational-review] ${message}`, error);

/**
 * The loopback web host: the core's router over HTTP on 127.0.0.1, for development and browser
 * tests. A thin transport: it bounds what it takes in (size, structure, bytes in flight) and
 * leaves every decision about what the input means to the router.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const maxBytesInFlight = Math.max(options.maxBytesInFlight ?? defaultMaxBytesInFlight, maxBodyBytes);
  const log = options.log ?? stderrLog;
  const streams = new Set<ServerResponse>();
  let port = options.port;
  let bytesInFlight = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof ClientGone || response.destroyed) {
        // One quiet line: a closed tab or a cancelled fetch is not a fault of the host.
        return log(`web host: the client went away before its answer (${request.method} ${pathOf(request)})`);
      }
      if (error instanceof HttpFailure) {
        return sendError(response, error.status, { code: error.code, message: error.message }, error.headers);
      }
      log('web host request failed', error);
      sendError(response, 500, { code: 'internal', message: 'The web host could not answer that request.' });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    checkHost(request);
    const url = parseRequestUrl(request.url ?? '/');
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
    const method = methodOf(pathname);
    if (!isJsonContentType(request.headers['content-type'])) {
      throw new HttpFailure('invalid_input', 'Send the input as JSON (Content-Type: application/json).', 415);
    }
    const held = { bytes: 0 };
    try {
      const input = parseJsonBody(await readBody(request, held));
      const result = await options.core.router.call(method, input);
      if (response.destroyed) throw new ClientGone();
      if (result.ok) return sendJson(response, 200, result.value ?? null);
      sendError(response, statusByCode[result.error.code], result.error);
    } finally {
      bytesInFlight -= held.bytes;
    }
  }

  /**
   * Reads a request body within both caps. A body that declares its length holds all of it from the
   * start, so a burst of large bodies is refused at their headers; a chunked one holds what has come.
   * A refused body is not read further: Node discards the rest and closes the connection.
   */
  function readBody(request: IncomingMessage, held: { bytes: number }): Promise<Buffer> {
    const hold = (bytes: number) => {
      if (bytesInFlight + bytes > maxBytesInFlight) throw busy();
      bytesInFlight += bytes;
      held.bytes += bytes;
    };
    const declared = declaredLength(request);
    if (declared !== undefined) {
      if (declared > maxBodyBytes) return Promise.reject(tooLarge());
      hold(declared);
    }
    return new Promise<Buffer>((resolve, reject) => {
      // A declared length is filled in place: no second copy of the body to join the chunks.
      const filled = declared === undefined ? undefined : Buffer.allocUnsafe(declared);
      const chunks: Buffer[] = [];
      let size = 0;
      const stop = (error: Error) => {
        request.off('data', onData);
        request.off('end', onEnd);
        request.off('close', onClose);
        request.off('error', onError);
        chunks.length = 0;
        if (!(error instanceof ClientGone)) request.resume();
        reject(error);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) return stop(tooLarge());
        if (filled) {
          // Node's parser never gives more than Content-Length; this is a second lock on that door.
          if (size > filled.length) return stop(tooLarge());
          chunk.copy(filled, size - chunk.length);
          return;
        }
        try {
          hold(chunk.length);
        } catch (error) {
          return stop(error as Error);
        }
        chunks.push(chunk);
      };
      const onEnd = () => {
        request.off('close', onClose);
        request.off('error', onError);
        if (filled) return resolve(filled.subarray(0, size));
        resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
      };
      const onClose = () => stop(new ClientGone());
      const onError = () => stop(new ClientGone());
      request.on('data', onData);
      request.once('end', onEnd);
      request.once('close', onClose);
      request.once('error', onError);
    });
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
    bytesInFlight: () => bytesInFlight,
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

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}

function sendError(
  response: ServerResponse,
  status: number,
  error: ApiErrorBody,
  headers: Record<string, string> = {},
): void {
  if (response.destroyed) return;
  if (response.headersSent) return void response.end();
  // A body left unread (refused before or while it came) must not be taken for the next request.
  const unread = !response.req.complete;
  sendJson(response, status, error, unread ? { ...headers, Connection: 'close' } : headers);
}

/** The request's path for a log line, without its query (which may hold the token). */
function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const end = url.search(/[?#]/);
  return (end < 0 ? url : url.slice(0, end)).slice(0, 200);
}

/** The request target as a URL on this host; anything that does not parse is a page that is not there. */
function parseRequestUrl(target: string): URL {
  if (!target.startsWith('/')) throw new HttpFailure('not_found', 'There is no such page.');
  try {
    // Joined, not resolved: "//name/api" stays a path here, never a host.
    return new URL(`http://${loopback}${target}`);
  } catch {
    throw new HttpFailure('not_found', 'There is no such page.');
  }
}

/** The method named by /api/<method>: a path that does not decode, or names no method, is 404. */
function methodOf(pathname: string): string {
  let method: string;
  try {
    method = decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    throw unknownMethod();
  }
  if (!isMethodName(method)) throw unknownMethod();
  return method;
}

/**
 * Exactly application/json, in any case, with parameters allowed (a charset must be UTF-8, the only
 * one JSON has): application/jsonx, application/json-patch+json and text/plain are refused.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type = '', ...parameters] = header.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((parameter) => {
    const at = parameter.indexOf('=');
    if (at < 0) return parameter.trim() === '';
    const name = parameter.slice(0, at).trim().toLowerCase();
    const value = parameter
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    return name !== 'charset' || value === 'utf-8' || value === 'utf8';
  });
}

function declaredLength(request: IncomingMessage): number | undefined {
  const header = request.headers['content-length'];
  // Node's parser has already refused a malformed or repeated Content-Length.
  return header === undefined ? undefined : Number(header);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as JSON: UTF-8 that decodes, within maxJsonDepth and maxJsonValues; an empty body is {}. */
export function parseJsonBody(body: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new HttpFailure('invalid_input', 'The request was not valid UTF-8 text, so nothing was changed.');
  }
  if (text.trim() === '') return {};
  const shape = jsonShape(body);
  if (shape.depth > maxJsonDepth || shape.values > maxJsonValues) {
    throw new HttpFailure(
      'too_large',
      'That request holds more, or more deeply nested, data than any action of the app takes.',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpFailure('invalid_input', 'The request was not valid JSON, so nothing was changed.');
  }
}

const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const openBrace = 0x7b;
const openBracket = 0x5b;
const closeBrace = 0x7d;
const closeBracket = 0x5d;

/**
 * How deeply a JSON text nests and about how many values it holds (an upper bound: one per array or
 * object and one per comma), counted in one pass over the bytes without parsing; it stops counting
 * once either is over its limit. The text need not be valid JSON: JSON.parse decides that after.
 */
export function jsonShape(bytes: Uint8Array): { depth: number; values: number } {
  let depth = 0;
  let deepest = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === backslash) i++;
      else if (byte === quote) inString = false;
      continue;
    }
    if (byte === quote) inString = true;
    else if (byte === openBrace || byte === openBracket) {
      values++;
      if (++depth > deepest) deepest = depth;
    } else if (byte === closeBrace || byte === closeBracket) depth--;
    else if (byte === comma) values++;
    if (deepest > maxJsonDepth || values > maxJsonValues) break;
  }
  return { depth: deepest, values };
}
