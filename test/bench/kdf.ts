import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createCore } from '@core/core';
import { argon2idScheme, keyPragma, keySchemeOf, openCaseBook, openEncrypted, pbkdf2Scheme } from '@core/db/database';
import { benchPassphrase, measure, type Timing } from './measure';

export interface KdfBench {
  lines: string[];
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const spread = (timing: Pick<Timing, 'p50' | 'p95'>) => `p50 ${ms(timing.p50)}, p95 ${ms(timing.p95)}`;

/** A locked core on dataDir, unlocked through the router as the unlock screen does; answers the time it took. */
async function unlockOnce(dataDir: string): Promise<number> {
  const core = createCore({ dataDir, appVersion: 'bench', automaticBackups: false, logger: { error: () => {} } });
  try {
    const start = process.hrtime.bigint();
    const result = await core.router.call('vault.unlock', { passphrase: benchPassphrase });
    if (!result.ok) throw new Error(result.error.message);
    return Number(process.hrtime.bigint() - start) / 1e6;
  } finally {
    core.close();
  }
}

/**
 * The cost of a guess at the passphrase (the key derivation, which is all a thief with the file
 * can attack) against OWASP's PBKDF2-SHA256 at 600,000 iterations in node:crypto, in the same
 * run; the time to unlock; and the one-time re-keying of a case book and 14 backups from before.
 */
export async function benchKdf(dir: string): Promise<KdfBench> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'guessed.sqlite');
  openCaseBook({ file, key: benchPassphrase }).close();
  const salt = randomBytes(16);
  const guess = await measure(10, (run) => {
    if (openEncrypted(file, `guess ${run}`, { readonly: true, tellDamage: false }).outcome !== 'wrong key')
      throw new Error('a wrong guess opened the file');
  });
  const owasp = await measure(10, (run) => pbkdf2Sync(`guess ${run}`, salt, 600_000, 32, 'sha256'));
  const ratio = guess.p50 / owasp.p50;

  // Unlocking a case book made by this version.
  const current = path.join(dir, 'current');
  createCore({ dataDir: current, appVersion: 'bench', passphrase: benchPassphrase, automaticBackups: false }).close();
  const unlocks: number[] = [];
  for (let run = 0; run < 10; run++) unlocks.push(await unlockOnce(current));
  unlocks.sort((a, b) => a - b);
  const unlock = { p50: unlocks[5]!, p95: unlocks[9]! };

  // The first unlock of a case book from before, with 14 backups: all re-keyed under Argon2id.
  const older = path.join(dir, 'older');
  mkdirSync(path.join(older, 'backups'), { recursive: true });
  const raw = new Database(path.join(older, 'casebook.sqlite'));
  for (const pragma of pbkdf2Scheme.pragmas) raw.pragma(pragma);
  raw.pragma(keyPragma('key', benchPassphrase));
  raw.exec('CREATE TABLE made_before (x INTEGER)');
  raw.close();
  const before = openCaseBook({ file: path.join(older, 'casebook.sqlite'), key: benchPassphrase });
  for (let day = 1; day <= 14; day++)
    before.connection
      .prepare('VACUUM INTO ?')
      .run(path.join(older, 'backups', `casebook-202601${String(day).padStart(2, '0')}T120000000Z.sqlite`));
  before.close();
  const strengthen = await unlockOnce(older);
  const after = await unlockOnce(older);
  if (keySchemeOf(path.join(older, 'backups', 'casebook-20260114T120000000Z.sqlite')) !== argon2idScheme)
    throw new Error('the backups from before were not re-keyed');

  return {
    lines: [
      `Key derivation: one passphrase guess costs ${spread(guess)} (Argon2id, 128 MiB, 2 passes, 1 lane) against ${spread(owasp)} for PBKDF2-SHA256 at 600,000 iterations (node:crypto): ${ratio.toFixed(2)}x as costly at p50, ${ratio >= 1 ? 'meets' : 'FAILS'} the at-least-1x bar`,
      `Unlocking the case book: ${spread(unlock)}: ${unlock.p95 < 1000 ? 'within' : 'OVER'} the 1 s target at p95`,
      `First unlock of a case book from before Argon2id with 14 backups (all re-keyed): ${ms(strengthen)}; the unlock after it: ${ms(after)}`,
    ],
  };
}
