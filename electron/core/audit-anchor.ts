import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from './context';
import { sql } from './db/sql';

export const anchorFileName = 'audit-anchor.json';
/** The MAC key lives in the encrypted case book: only someone who can open it can make an anchor. */
export const anchorKeyName = 'audit.anchorKey';

export interface AuditHead {
  seq: number;
  hash: string;
}

/** What the anchor beside the case book says about its audit trail. */
export type AnchorCheck = { held: true } | { held: false; reason: string; anchored: AuditHead | null };

interface AnchorFile extends AuditHead {
  mac: string;
}

export function auditHead({ db }: ServiceContext): AuditHead | null {
  return db.get<AuditHead>(sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`) ?? null;
}

function anchorKey({ db }: ServiceContext): Buffer {
  const stored = db.get<{ value: string }>(sql`SELECT value FROM preferences WHERE key = ${anchorKeyName}`);
  if (stored) return Buffer.from(JSON.parse(stored.value) as string, 'hex');
  const key = randomBytes(32);
  db.run(sql`
    INSERT INTO preferences (key, value, updated_at)
    VALUES (${anchorKeyName}, ${JSON.stringify(key.toString('hex'))}, ${new Date().toISOString()})`);
  return key;
}

/** The anchor's MAC over the chain's head, keyed from inside the case book. */
export const macOf = (key: Buffer, head: AuditHead) =>
  createHmac('sha256', key).update(`${head.seq}:${head.hash}`).digest('hex');

/**
 * The head of the audit chain (its last entry's number and hash), kept in a file beside the case
 * book with a MAC keyed from inside it. Deleting entries from the end of the chain, or putting an
 * older copy of the case book in place, leaves the anchor pointing past what is there: the audit
 * check says so. The anchor only moves forward along the chain it holds; a restore (`reset`) is
 * the one deliberate step back.
 */
export function createAuditAnchor(dataDir: string) {
  const file = path.join(dataDir, anchorFileName);

  function read(): AnchorFile | null {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<AnchorFile>;
      if (typeof parsed.seq !== 'number' || typeof parsed.hash !== 'string' || typeof parsed.mac !== 'string')
        return { seq: -1, hash: '', mac: '' };
      return { seq: parsed.seq, hash: parsed.hash, mac: parsed.mac };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return { seq: -1, hash: '', mac: '' };
    }
  }

  function write(body: AnchorFile): void {
    const partial = `${file}.partial`;
    writeFileSync(partial, `${JSON.stringify(body)}\n`, { mode: 0o600 });
    renameSync(partial, file);
  }

  // A move is written just after the call that made it has answered, not on its way: a burst of
  // writes costs one file write, and typing does not wait for the disk. The MAC is made at once,
  // so the write needs nothing from the case book, which may be locked by then.
  let pending: AnchorFile | null = null;
  // The key, read once per case book (a restore or a new case book brings its own: see reset).
  let key: Buffer | null = null;
  const keyFor = (context: ServiceContext) => (key ??= anchorKey(context));
  function flush(): void {
    if (pending) write(pending);
    pending = null;
  }
  function moveTo(context: ServiceContext, head: AuditHead): void {
    if (!pending) setImmediate(flush);
    pending = { ...head, mac: macOf(keyFor(context), head) };
  }

  function check(context: ServiceContext): AnchorCheck {
    flush();
    const anchored = read();
    if (!anchored)
      return { held: false, reason: 'No anchor has been written beside the case book yet.', anchored: null };
    const expected = Buffer.from(macOf(keyFor(context), anchored), 'hex');
    const given = Buffer.from(anchored.mac, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return {
        held: false,
        reason: 'The anchor beside the case book was changed, or belongs to another case book.',
        anchored: null,
      };
    const entry = context.db.get<{ hash: string }>(sql`SELECT hash FROM audit_log WHERE seq = ${anchored.seq}`);
    const head = { seq: anchored.seq, hash: anchored.hash };
    if (!entry)
      return {
        held: false,
        reason: `The audit trail ends before entry ${anchored.seq}, which it reached before: entries have been removed, or an older copy of the case book was put in place.`,
        anchored: head,
      };
    if (entry.hash !== anchored.hash)
      return {
        held: false,
        reason: `Entry ${anchored.seq} of the audit trail is not the one written before: the trail was cut back and written again.`,
        anchored: head,
      };
    return { held: true };
  }

  // What this process last wrote: while it holds, the file need not be read and checked again
  // before each move (the check ran when it was first read). Anything else re-reads the file.
  let written: AuditHead | null = null;
  const stillHeld = (context: ServiceContext, head: AuditHead) =>
    context.db.get<{ hash: string }>(sql`SELECT hash FROM audit_log WHERE seq = ${head.seq}`)?.hash === head.hash;

  return {
    check,
    /** The head the file beside the case book holds, as written (unchecked), or null when there is none. */
    anchored(): AuditHead | null {
      flush();
      const held = read();
      return held && held.seq >= 0 ? { seq: held.seq, hash: held.hash } : null;
    },
    /** Moves the anchor to the chain's head, unless the chain no longer holds what was anchored. */
    record(context: ServiceContext): void {
      const head = auditHead(context);
      if (!head) return;
      if (written && written.seq === head.seq && written.hash === head.hash) return;
      if (written && !stillHeld(context, written)) return;
      if (!written) {
        const anchored = read();
        if (anchored && anchored.seq === head.seq && anchored.hash === head.hash) {
          written = head;
          return;
        }
        if (anchored && !check(context).held) return;
      }
      moveTo(context, head);
      written = head;
    },
    /** After a restore or a new case book: the chain as it now stands is the one anchored. */
    reset(context: ServiceContext): void {
      const head = auditHead(context);
      written = null;
      pending = null;
      key = null;
      if (head) {
        write({ ...head, mac: macOf(keyFor(context), head) });
        written = head;
      } else rmSync(file, { force: true });
    },
    /** Writes a move still waiting: before the case book is closed. */
    flush,
  };
}

export type AuditAnchor = ReturnType<typeof createAuditAnchor>;
