import { spawn } from 'node:child_process';
import { statSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, caseBookFileName } from '@core/core';
import { damagedMessage, diskFullMessage } from '@core/db/errors';
import { sql } from '@core/db/sql';
import { ApiError } from '@shared/api/errors';
import {
  callError,
  callOk,
  fileHash,
  pageSize,
  scramble,
  seedCaseBook,
  tempDir,
  testCore,
  testPassphrase,
} from './helpers';

const root = path.resolve(__dirname, '../..');

/** How many times the writer is killed (the issue asks for at least 50). */
const killRuns = 50;
/** Data folders written at once, each by one writer after another (the machine has 2 cores). */
const lanes = 3;
/** The kill comes this long after the writer's first acknowledged write. */
const killDelayMs = { min: 50, max: 400 };

type Table = 'organisations' | 'people';

/** A core on dataDir that is left locked (no passphrase given), so that unlocking goes through the router. */
function lockedCore(dataDir: string) {
  const logged: unknown[] = [];
  const core = createCore({
    dataDir,
    appVersion: '0.0.0-test',
    logger: { error: (_message, error) => logged.push(error) },
  });
  return { core, logged };
}

interface KillRun {
  /** The lines the writer printed in full before it was killed: `ack <table> <name>`. */
  acknowledged: { table: Table; name: string }[];
}

/** Starts the writer on dataDir and kills it (SIGKILL) at a random moment after its first acknowledged write. */
function runWriterAndKill(dataDir: string): Promise<KillRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/core/faults/writer.ts', dataDir], {
      cwd: root,
      env: { ...process.env, RR_PASSPHRASE: testPassphrase },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killTimer: NodeJS.Timeout | undefined;
    // A writer that never acknowledges anything is a failure, not a hang.
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!killTimer && out.includes('\n')) {
        const delay = killDelayMs.min + Math.random() * (killDelayMs.max - killDelayMs.min);
        killTimer = setTimeout(() => child.kill('SIGKILL'), delay);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(giveUp);
      clearTimeout(killTimer);
      if (!killTimer || signal !== 'SIGKILL') {
        reject(new Error(`the writer stopped by itself (code ${code}, signal ${signal}): ${err}`));
        return;
      }
      // Only whole lines count: each is written after its write was acknowledged.
      const lines = out.split('\n').slice(0, -1);
      const acknowledged = lines.map((line) => {
        const match = /^ack (organisations|people) (.+)$/.exec(line);
        if (!match) throw new Error(`the writer printed an unexpected line: ${line}`);
        return { table: match[1] as Table, name: match[2]! };
      });
      resolve({ acknowledged });
    });
  });
}

describe('a core killed while it writes', () => {
  it(`loses no acknowledged write and stays intact through ${killRuns} kills at random moments`, async () => {
    let runs = 0;
    let checked = 0;
    let acknowledgedTotal = 0;

    // Each lane keeps its data folder, so later writers (and checks) open a case book killed before.
    const lane = async (runsHere: number) => {
      const dataDir = tempDir();
      const acknowledged = new Map<string, Table>();
      for (let run = 0; run < runsHere; run += 1) {
        const result = await runWriterAndKill(dataDir);
        expect(result.acknowledged.length).toBeGreaterThan(0);
        for (const { table, name } of result.acknowledged) acknowledged.set(name, table);
        acknowledgedTotal += result.acknowledged.length;

        const core = testCore(dataDir);
        try {
          expect(core.context.db.connection.pragma('integrity_check', { simple: true })).toBe('ok');
          const present = {
            organisations: new Set(
              core.context.db.all<{ name: string }>(sql`SELECT name FROM organisations`).map((row) => row.name),
            ),
            people: new Set(core.context.db.all<{ name: string }>(sql`SELECT name FROM people`).map((row) => row.name)),
          };
          // Every write acknowledged in this lane so far, by this writer or an earlier one.
          const missing = [...acknowledged].filter(([name, table]) => !present[table].has(name));
          expect(missing).toEqual([]);
          checked += acknowledged.size;
        } finally {
          core.close();
        }
        runs += 1;
      }
      return acknowledged.size;
    };

    const sizes = await Promise.all(
      Array.from({ length: lanes }, (_, index) => lane(Math.ceil((killRuns - index) / lanes))),
    );

    expect(runs).toBe(killRuns);
    // Every acknowledged line named a write of its own.
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(acknowledgedTotal);
    console.log(
      `kill test: ${runs} runs, each writer SIGKILLed ${killDelayMs.min}–${killDelayMs.max} ms after its first acknowledged write; ` +
        `${acknowledgedTotal} acknowledged writes checked present (each again after every later kill in its folder: ${checked} checks), integrity_check ok after every kill`,
    );
    // Each of the 100 opens derives the key with Argon2id (128 MiB): on two busy cores this takes
    // 100 to 140 s, so the limit leaves room for a loaded machine rather than failing the run.
  }, 300_000);
});

describe('a damaged case book', () => {
  /** A closed case book with some records in it, and its file. */
  async function closedCaseBook() {
    const dataDir = tempDir();
    const core = testCore(dataDir);
    await seedCaseBook(core);
    for (let index = 0; index < 400; index += 1) {
      await callOk(core, 'organisations.create', {
        name: `Organisation ${index}${' of a long name'.repeat(4)}`,
        kind: 'other',
      });
    }
    const organisationPages = core.context.db
      .all<{ pageno: number }>(
        sql`SELECT pageno FROM dbstat WHERE name = 'organisations' AND pagetype = 'leaf' ORDER BY pageno`,
      )
      .map((row) => row.pageno);
    core.close();
    return { dataDir, file: path.join(dataDir, caseBookFileName), organisationPages };
  }

  it('says so in plain words when its first page is damaged, changes nothing, and still tells a wrong passphrase apart', async () => {
    const { dataDir, file } = await closedCaseBook();
    // The middle of the first page: the salt, the header and the nonce are left, so the right key can be recognised.
    scramble(file, 1024, 2048);
    const before = fileHash(file);

    // Unlocking at start (web host, demo): a typed error, not a crash.
    let thrown: unknown;
    try {
      createCore({ dataDir, appVersion: '0.0.0-test', passphrase: testPassphrase });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).toBody()).toEqual({ code: 'damaged', message: damagedMessage });

    // Unlocking through the router (the desktop app): the same plain answer.
    const { core, logged } = lockedCore(dataDir);
    expect(await callError(core, 'vault.unlock', { passphrase: testPassphrase })).toEqual({
      code: 'damaged',
      message: damagedMessage,
    });
    // A wrong passphrase on the same file is still a wrong passphrase, not "damaged".
    expect((await callError(core, 'vault.unlock', { passphrase: 'not the passphrase at all' })).code).toBe(
      'unauthorised',
    );
    // Everything else says the case book is locked.
    expect((await callError(core, 'organisations.list', {})).code).toBe('locked');
    core.close();

    expect(logged).toEqual([]);
    expect(fileHash(file)).toBe(before);
  });

  it('says so in plain words when a later page is damaged: the case book unlocks, and the read that reaches the page fails cleanly', async () => {
    const { dataDir, file, organisationPages } = await closedCaseBook();
    expect(organisationPages.length).toBeGreaterThan(3);
    const page = organisationPages[Math.floor(organisationPages.length / 2)]!;
    scramble(file, (page - 1) * pageSize + 1024, 2048);

    const { core, logged } = lockedCore(dataDir);
    try {
      // Opening reads only the schema: the damage is not reached yet.
      expect((await callOk<{ state: string }>(core, 'vault.unlock', { passphrase: testPassphrase })).state).toBe(
        'unlocked',
      );
      const result = await core.router.call('organisations.list', {});
      expect(result).toEqual({ ok: false, error: { code: 'damaged', message: damagedMessage } });
      // The cause is logged for support; the user sees only the plain message.
      expect(logged.length).toBe(1);
      // Reads that do not touch the damaged page carry on.
      expect((await callOk<unknown[]>(core, 'homes.list', {})).length).toBe(1);
    } finally {
      core.close();
    }
  });

  it('says so in plain words when the file was cut short', async () => {
    const { dataDir, file } = await closedCaseBook();
    truncateSync(file, Math.floor(statSync(file).size / 2));

    const { core } = lockedCore(dataDir);
    try {
      // Whichever read first reaches the missing pages gives the plain message; nothing throws.
      const unlocked = await core.router.call('vault.unlock', { passphrase: testPassphrase });
      const answer = unlocked.ok ? await core.router.call('organisations.list', {}) : unlocked;
      expect(answer).toEqual({ ok: false, error: { code: 'damaged', message: damagedMessage } });
    } finally {
      core.close();
    }
  });
});

describe('a full disk', () => {
  it('refuses the write that does not fit in plain words, and loses nothing saved before', async () => {
    const core = testCore();
    await seedCaseBook(core);
    const connection = core.context.db.connection;
    const pages = connection.pragma('page_count', { simple: true }) as number;
    // The disk "fills up" a few pages from now: SQLite answers SQLITE_FULL, as it does for ENOSPC.
    connection.pragma(`max_page_count = ${pages + 4}`);

    const saved: string[] = [];
    let refused: { name: string; error: unknown } | undefined;
    for (let index = 0; index < 5_000 && !refused; index += 1) {
      const name = `Filling organisation ${index}${' with a long name'.repeat(6)}`;
      const result = await core.router.call('organisations.create', { name, kind: 'other' });
      if (result.ok) saved.push(name);
      else refused = { name, error: result.error };
    }
    expect(saved.length).toBeGreaterThan(0);
    expect(refused?.error).toEqual({ code: 'unavailable', message: diskFullMessage });
    // The app carries on: reads still work after the refusal.
    expect((await callOk<unknown[]>(core, 'organisations.list', {})).length).toBe(saved.length + 2);
    core.close();

    const reopened = testCore(core.dataDir);
    expect(reopened.context.db.connection.pragma('integrity_check', { simple: true })).toBe('ok');
    const names = new Set(
      reopened.context.db.all<{ name: string }>(sql`SELECT name FROM organisations`).map((row) => row.name),
    );
    expect(saved.filter((name) => !names.has(name))).toEqual([]);
    expect(names.has(refused!.name)).toBe(false);
  });
});
