import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '@shared/domain/vault';
import { judgePassphrase, passphraseEstimatorReady } from '@shared/domain/vault';
import { createCore } from '@core/core';
import { callError, callOk, tempDir, testCore, testPassphrase } from './helpers';

/** Refused however long they are: among the first guesses of any guesser. */
const guessable = ['password12', '1234567890', 'qwertyuiop', 'Password1!', 'a'.repeat(20), 'Summer2024!!'];
/** A few random words: what the guidance asks for (the tests' own passphrase among them). */
const strong = [
  testPassphrase,
  'willow kettle orbit saffron',
  'plum lantern gravel otter',
  'a quiet lighthouse on the moor',
];

describe('a new passphrase', () => {
  it('is judged by the estimator and its dictionaries, which the core has from the start', () => {
    expect(passphraseEstimatorReady()).toBe(true);
    for (const text of guessable) expect(judgePassphrase(text), text).toMatchObject({ acceptable: false });
    for (const text of strong) expect(judgePassphrase(text), text).toMatchObject({ acceptable: true });
    expect(judgePassphrase('short')).toMatchObject({
      acceptable: false,
      advice: 'Too short: use at least 10 characters.',
    });
  });

  it('is refused, common or guessable, with a plain reason and the way to a strong one, when the case book is made', async () => {
    const core = createCore({ dataDir: tempDir(), appVersion: 'test', logger: { error: () => {} } });
    for (const passphrase of guessable) {
      const refused = await callError(core, 'vault.create', { passphrase, confirmation: passphrase });
      expect(refused.code, passphrase).toBe('invalid_input');
      expect(refused.fields?.passphrase, passphrase).toMatch(
        /^Too easy to guess: .+ Use three or four random words instead, unrelated to each other and to you: easy to remember, hard to guess\.$/,
      );
    }
    expect(
      (await callError(core, 'vault.create', { passphrase: 'password12', confirmation: 'password12' })).fields,
    ).toEqual({
      passphrase:
        'Too easy to guess: it is one of the most used passwords. Use three or four random words instead, unrelated to each other and to you: easy to remember, hard to guess.',
    });
    expect((await callOk<VaultStatus>(core, 'vault.status', {})).state).toBe('new');
    await callOk(core, 'vault.create', { passphrase: testPassphrase, confirmation: testPassphrase });
    core.close();
  });

  it('is refused the same way when the passphrase is changed, and nothing changes', async () => {
    const core = testCore();
    for (const passphrase of guessable) {
      const refused = await callError(core, 'vault.changePassphrase', {
        current: testPassphrase,
        passphrase,
        confirmation: passphrase,
      });
      expect(refused.fields?.passphrase, passphrase).toMatch(/^Too easy to guess: /);
    }
    await callOk(core, 'vault.lock', {});
    await callOk(core, 'vault.unlock', { passphrase: testPassphrase });
  });
});
