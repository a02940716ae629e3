import { pbkdf2Sync, randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  argon2idScheme,
  connect,
  currentKeyScheme,
  keySchemeOf,
  openCaseBook,
  openEncrypted,
  pbkdf2Scheme,
} from '@core/db/database';
import { tempDir, testPassphrase } from './helpers';

/** OWASP's floor for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet): the bar the key derivation must clear. */
const owaspPbkdf2Iterations = 600_000;

const milliseconds = (work: () => unknown) => {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('the key derivation', () => {
  it('is Argon2id (SQLite3 Multiple Ciphers’ AEGIS-256 cipher) with 128 MiB, 2 passes, 1 lane, for every new case book', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    const db = openCaseBook({ file, key: testPassphrase });
    expect(db.keyScheme).toBe(argon2idScheme);
    expect(currentKeyScheme).toBe(argon2idScheme);
    expect(db.connection.pragma('cipher', { simple: true })).toBe('aegis');
    expect(db.connection.pragma('algorithm', { simple: true })).toBe('aegis-256');
    expect(Number(db.connection.pragma('mcost', { simple: true }))).toBe(128 * 1024);
    expect(Number(db.connection.pragma('tcost', { simple: true }))).toBe(2);
    expect(Number(db.connection.pragma('pcost', { simple: true }))).toBe(1);
    db.close();
    expect(keySchemeOf(file)).toBe(argon2idScheme);

    // The settings are part of the key: the same passphrase under the old scheme, or with less memory, opens nothing.
    for (const pragmas of [pbkdf2Scheme.pragmas, [...argon2idScheme.pragmas, 'mcost = 65536']]) {
      const other = connect(file, { readonly: true });
      for (const pragma of pragmas) other.pragma(pragma);
      other.pragma(`hexkey = '${Buffer.from(testPassphrase).toString('hex')}'`);
      expect(() => other.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
      other.close();
    }
  });

  it('makes a guess at the passphrase cost more than PBKDF2-SHA256 at 600,000 iterations, measured in the same run', () => {
    const file = path.join(tempDir(), 'casebook.sqlite');
    openCaseBook({ file, key: testPassphrase }).close();
    const salt = randomBytes(16);
    // One guess as a thief with the file makes it: derive the key, try the first page.
    const guess = (attempt: number) => {
      const opened = openEncrypted(file, `guess number ${attempt}`, { readonly: true, tellDamage: false });
      expect(opened.outcome).toBe('wrong key');
    };
    const pbkdf2 = (attempt: number) =>
      pbkdf2Sync(`guess number ${attempt}`, salt, owaspPbkdf2Iterations, 32, 'sha256');
    guess(0);
    pbkdf2(0);
    // Taken in turns, so that whatever else the machine is doing weighs on both alike.
    const ours: number[] = [];
    const owasp: number[] = [];
    for (let attempt = 1; attempt <= 7; attempt++) {
      ours.push(milliseconds(() => guess(attempt)));
      owasp.push(milliseconds(() => pbkdf2(attempt)));
    }
    const ratio = median(ours) / median(owasp);
    console.log(
      `key derivation: one guess ${median(ours).toFixed(0)} ms (Argon2id, 128 MiB, t=2, p=1) against ` +
        `${median(owasp).toFixed(0)} ms for PBKDF2-SHA256 at 600,000 iterations (node:crypto): ${ratio.toFixed(2)}x as costly`,
    );
    expect(ratio).toBeGreaterThanOrEqual(1);
  });
});
