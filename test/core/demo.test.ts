import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '@core/core';
import { callError, callOk, tempDir } from './helpers';

const repoRoot = path.resolve(__dirname, '../..');
const hasChromium = existsSync('/usr/bin/chromium');

/** The case book and its backups: everything the demo keeps that must be unreadable without the passphrase. */
function keptFiles(dir: string): string[] {
  const backups = path.join(dir, 'backups');
  return [
    ...readdirSync(dir)
      .filter((name) => name.startsWith('casebook.sqlite'))
      .map((name) => path.join(dir, name)),
    ...(existsSync(backups) ? readdirSync(backups).map((name) => path.join(backups, name)) : []),
  ];
}

describe.skipIf(!hasChromium)('npm run demo with a passphrase', () => {
  it(
    'leaves a case book and backups with no SQLite header and none of its text; only the right passphrase opens them',
    { timeout: 120_000 },
    async () => {
      const out = tempDir();
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/demo.ts', '--out', out, '--passphrase', 'willow kettle orbit saffron'],
        { cwd: repoRoot, stdio: 'pipe' },
      );
      expect(readFileSync(path.join(out, 'minutes.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      expect(readFileSync(path.join(out, 'minutes.eml')).toString()).toContain('X-Unsent: 1');

      const files = keptFiles(out);
      expect(files.some((file) => file.includes(`${path.sep}backups${path.sep}`))).toBe(true);
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const text of [
          'SQLite format 3',
          'Oakwood House',
          'Northshire',
          'Priya Shah',
          'AB12',
          'cooked for everyone',
        ]) {
          expect(bytes.includes(text), `${path.basename(file)} holds “${text}”`).toBe(false);
        }
      }

      const core = createCore({
        dataDir: out,
        appVersion: 'test',
        automaticBackups: false,
        logger: { error: () => {} },
      });
      try {
        expect(await callError(core, 'vault.unlock', { passphrase: 'willow kettle orbit' })).toEqual({
          code: 'unauthorised',
          message: 'That passphrase does not open this case book. Check it and try again.',
        });
        await callOk(core, 'vault.unlock', { passphrase: 'willow kettle orbit saffron' });
        expect((await callOk<{ name: string }[]>(core, 'homes.list', {})).map((home) => home.name)).toEqual([
          'Oakwood House',
        ]);
      } finally {
        core.close();
      }
    },
  );
});
