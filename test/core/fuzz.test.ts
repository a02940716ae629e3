import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '@shared/api/contract';
import { apiErrorCodes, type ApiResult } from '@shared/api/errors';
import { anyInput, dangerousKeys, hostileString } from './fuzz/hostile';
import { payloadFor } from './fuzz/shapes';
import { seedWorld } from './fuzz/world';
import { snapshot, testCore, testPassphrase, type TestCore } from './helpers';

/**
 * Hostile input: every method of the contract, fed random and hostile payloads against a real
 * core on a real case book. Whatever comes in, the call resolves to a typed result, an error is
 * plain words with a known code, and a payload the schema refuses changes nothing.
 */

const runs = Number(process.env.FUZZ_RUNS ?? 60);
/** Each run explores afresh; a failure prints its seed, and FUZZ_SEED=<seed> replays it. */
const seed = process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };
/** FUZZ_ONLY=<regex> narrows the run to some methods, for chasing a finding. */
const methods = (Object.keys(contract) as MethodName[]).filter((m) => new RegExp(process.env.FUZZ_ONLY ?? '').test(m));

/** Methods that only read, as the contract declares them: they must leave every row as it was. */
const pureRead = (method: MethodName) => contract[method].effect === 'reads';
/** Those, and exports (which only read the case book, then record that they happened): none may crash inside a service on input the schema accepts. */
const readOnly = (method: MethodName) => pureRead(method) || method.endsWith('.export');

const stackTrace = /\n\s+at\s/;
const errorPrefix = /^\s*(\w*Error|Error)\b\s*:/;

const tally = { payloads: 0, schemaValid: 0, ok: 0, refused: 0, methods: 0, unknownNames: 0 };
/** Per method: payloads, schema-valid, succeeded; printed with FUZZ_DEBUG=1. */
const perMethod: Record<string, [number, number, number]> = {};
const internalOnWrites: { method: string; payload: string; message: string; logged: string }[] = [];

afterAll(() => {
  console.log(
    `fuzz: ${tally.payloads} payloads across ${tally.methods} API methods (${tally.schemaValid} schema-valid, ${tally.ok} succeeded, ${tally.refused} refused with a typed error) and ${tally.unknownNames} calls to names that are not methods; no throw, no stack trace, no write on invalid input; ${internalOnWrites.length} internal errors on valid writes`,
  );
  if (process.env.FUZZ_DEBUG) console.table(perMethod);
  if (internalOnWrites.length) console.log('fuzz: internal errors on schema-valid writes:', internalOnWrites);
});

/** A short, printable picture of a payload for a failure report. */
function describePayload(payload: unknown): string {
  const text = fc.stringify(payload);
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
}

function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

/** The vault's state as the API reports it: a refused payload must not change it either. */
async function vaultStatus(core: TestCore): Promise<unknown> {
  const status = await core.router.call('vault.status', {});
  return status.ok ? status.value : status.error;
}

/**
 * Puts the case book back to unlocked after a valid call that locked it (vault.lock) or changed
 * its passphrase, so the next payload meets the same world.
 */
async function keepUnlocked(
  core: TestCore,
  method: MethodName,
  payload: unknown,
  result: ApiResult<unknown>,
  keys: { passphrase: string },
) {
  if (method === 'vault.changePassphrase' && result.ok)
    keys.passphrase = (payload as { passphrase: string }).passphrase;
  const status = (await core.router.call('vault.status', {})) as ApiResult<{ state: string }>;
  if (status.ok && status.value.state === 'locked') {
    const unlocked = await core.router.call('vault.unlock', { passphrase: keys.passphrase });
    if (!unlocked.ok) throw new Error(`could not unlock again after ${method}: ${unlocked.error.message}`);
  }
}

async function check(core: TestCore, method: MethodName, payload: unknown, keys: { passphrase: string }) {
  tally.payloads++;
  const counts = (perMethod[method] ??= [0, 0, 0]);
  counts[0]++;
  // The router reads no input as an empty one; so does this check.
  const valid = contract[method].input.safeParse(payload ?? {}).success;
  if (valid) {
    tally.schemaValid++;
    counts[1]++;
  }
  const protoBefore = prototypeKeys();
  const loggedBefore = core.logged.length;
  const before = !valid || pureRead(method) ? snapshot(core) : null;
  const vaultBefore = !valid ? await vaultStatus(core) : null;

  let result: ApiResult<unknown>;
  try {
    result = await core.router.call(method, payload);
  } catch (error) {
    throw new Error(`${method} threw instead of answering: ${String(error)}\npayload: ${describePayload(payload)}`, {
      cause: error,
    });
  }

  await keepUnlocked(core, method, payload, result, keys);
  const where = `${method} with ${describePayload(payload)} answered ${describePayload(result)}`;
  expect(result, where).toBeTypeOf('object');
  expect(typeof result.ok, where).toBe('boolean');
  if (result.ok) {
    tally.ok++;
    counts[2]++;
    expect(valid, `${where}: succeeded on input the schema refuses`).toBe(true);
  } else {
    tally.refused++;
    const { code, message, fields } = result.error;
    expect(apiErrorCodes, where).toContain(code);
    expect(typeof message, where).toBe('string');
    expect(message.trim().length, where).toBeGreaterThan(0);
    expect(message, where).not.toMatch(stackTrace);
    expect(message, where).not.toMatch(errorPrefix);
    for (const text of Object.values(fields ?? {})) {
      expect(typeof text, where).toBe('string');
      expect(text, where).not.toMatch(stackTrace);
    }
    if (!valid) expect(code, where).toBe('invalid_input');
    if (valid && code === 'internal') {
      const logged = core.logged
        .slice(loggedBefore)
        .map((entry) => `${entry.message}: ${String(entry.error)}`)
        .join('; ');
      if (readOnly(method)) throw new Error(`${where}: a read crashed inside a service (${logged})`);
      internalOnWrites.push({ method, payload: describePayload(payload), message, logged });
    }
  }
  if (before) expect(snapshot(core), `${where}: the case book changed`).toEqual(before);
  if (vaultBefore) expect(await vaultStatus(core), `${where}: the vault changed`).toEqual(vaultBefore);
  expect(prototypeKeys(), `${where}: Object.prototype changed`).toEqual(protoBefore);
  expect(({} as Record<string, unknown>).polluted, where).toBeUndefined();
}

describe('hostile input to every API method', () => {
  it('covers every method in the contract', () => {
    if (!process.env.FUZZ_ONLY) expect(methods.length).toBeGreaterThan(50);
  });

  it('answers a name that is not a method, inherited names included, with unknown_method', async () => {
    const core = testCore();
    const names = fc.oneof(
      fc.constantFrom(
        ...dangerousKeys,
        'hasOwnProperty',
        '__defineGetter__',
        'organisations.list\u0000',
        'Organisations.List',
        ' app.info',
      ),
      hostileString(),
    );
    await fc.assert(
      fc.asyncProperty(names, anyInput(), async (name, payload) => {
        fc.pre(!Object.prototype.hasOwnProperty.call(contract, name));
        tally.unknownNames++;
        const result = await core.router.call(name, payload);
        expect(result).toEqual({
          ok: false,
          error: { code: 'unknown_method', message: 'This app does not offer that action.' },
        });
      }),
      { numRuns: runs, ...seed },
    );
  });

  for (const method of methods) {
    it(method, { timeout: 60_000 }, async () => {
      const core = testCore();
      const pools = await seedWorld(core);
      const keys = { passphrase: testPassphrase };
      tally.methods++;
      await fc.assert(
        fc.asyncProperty(payloadFor(contract[method].input, pools, method), (payload) =>
          check(core, method, payload, keys),
        ),
        { numRuns: runs, ...seed },
      );
      // The same core still answers an ordinary call: nothing above left it broken.
      expect((await core.router.call('app.info', {})).ok).toBe(true);
    });
  }
});
