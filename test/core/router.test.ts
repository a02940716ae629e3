import { describe, expect, it } from 'vitest';
import { ApiError } from '@shared/api/errors';
import { createRouter, type Handlers, type Logger } from '@core/router';

function routerWith(overrides: Partial<Handlers>, logger: Logger = { error: () => {} }) {
  const unused = () => {
    throw new Error('not used in this test');
  };
  const handlers = {
    'app.info': unused,
    'organisations.list': unused,
    'organisations.create': unused,
    'homes.list': unused,
    'homes.create': unused,
    ...overrides,
  } as Handlers;
  return createRouter(handlers, logger);
}

describe('the router', () => {
  it('answers an unknown method, including inherited names, without running anything', async () => {
    const router = routerWith({});
    for (const method of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      const result = await router.call(method, {});
      expect(result).toEqual({
        ok: false,
        error: { code: 'unknown_method', message: 'This app does not offer that action.' },
      });
    }
  });

  it('validates input before the handler runs and names each field in plain words', async () => {
    let ran = false;
    const router = routerWith({
      'organisations.create': () => {
        ran = true;
        throw new Error('should not run');
      },
    });
    const result = await router.call('organisations.create', { name: '   ', kind: 'castle', extra: 1 });
    expect(ran).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.fields).toEqual({
      name: 'Enter the organisation’s name.',
      kind: 'Choose whether this is a local authority, a provider or another organisation.',
      '(input)': 'The request has fields this app does not know: extra.',
    });
    expect(result.error.message).toMatch(/^Some details need attention: Enter the organisation’s name\./);
  });

  it('refuses input that is not a set of fields, and reads no input as an empty one', async () => {
    const router = routerWith({ 'organisations.list': () => [] });
    for (const input of [42, 'text', [1, 2], true]) {
      const result = await router.call('organisations.list', input);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'The request should be a set of fields.' },
      });
    }
    expect(await router.call('organisations.list', undefined)).toEqual({ ok: true, value: [] });
    expect(await router.call('organisations.list', null)).toEqual({ ok: true, value: [] });
  });

  it('passes the parsed (trimmed, normalised) input to the handler and returns its value', async () => {
    const router = routerWith({ 'homes.create': (input) => input as never });
    const result = await router.call('homes.create', {
      providerId: '0b7d0e2e-8f0c-4a51-9d3e-6a1f9d2b7c11',
      name: '  Oakwood House ',
      ofstedUrn: ' sc 123 456',
    });
    expect(result).toEqual({
      ok: true,
      value: { providerId: '0b7d0e2e-8f0c-4a51-9d3e-6a1f9d2b7c11', name: 'Oakwood House', ofstedUrn: 'SC123456' },
    });
  });

  it('passes a service’s own ApiError through as it is', async () => {
    const router = routerWith({
      'organisations.list': () => {
        throw new ApiError('conflict', 'Already there.', { name: 'Taken.' });
      },
    });
    expect(await router.call('organisations.list', {})).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Already there.', fields: { name: 'Taken.' } },
    });
  });

  it('turns an unexpected failure into a plain message with no stack trace, and logs it', async () => {
    const logged: unknown[] = [];
    const router = routerWith(
      {
        'organisations.list': async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'x') at services.ts:12");
        },
      },
      { error: (_message, error) => logged.push(error) },
    );
    const result = await router.call('organisations.list', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong and that action was not completed. Nothing was changed. Please try again.',
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/TypeError|services\.ts|\bat \S+:\d+/);
    expect(logged).toHaveLength(1);
  });
});
