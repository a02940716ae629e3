import { randomUUID } from 'node:crypto';
import { fingerprintOf } from '@core/signing/certificate';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import {
  agreementStatement,
  minutesContentSchema,
  type Countersignature,
  type MinutesContent,
  type MinutesSignature,
  type MinutesVersion,
} from '@shared/domain/minutes';
import { canonicalJson } from '@shared/format/canonical';
import { appendAudit, auditFor } from '@core/audit';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import type { SessionContext } from '@core/sessions/context';
import { possibleChildNames } from './child-names';
import { buildContent, emptyProse, type Prose } from './content';

export interface MinutesRow {
  id: string;
  reviewId: string;
  version: number;
  status: MinutesVersion['status'];
  prose: string;
  canonical: string | null;
  fingerprint: string | null;
  lockedAt: string | null;
  sealedAt: string | null;
  sealedBy: string | null;
  sealKey: string | null;
  amendsId: string | null;
}

export function readMinutesRow({ db }: SessionContext, minutesId: string): MinutesRow {
  const row = db.record<MinutesRow>(sql`
    SELECT id, review_id, version, status, prose, canonical, fingerprint, locked_at, sealed_at, sealed_by, seal_key, amends_id
    FROM minutes WHERE id = ${minutesId}`);
  if (!row) throw new ApiError('not_found', 'Those minutes are not in the case book.');
  return row;
}

function amendsOf(context: SessionContext, row: MinutesRow): MinutesContent['amends'] {
  if (!row.amendsId) return null;
  const previous = readMinutesRow(context, row.amendsId);
  return { version: previous.version, fingerprint: previous.fingerprint ?? '' };
}

/** The content: fixed once locked; until then, built afresh from the review and the prose. */
export function contentOf(context: SessionContext, row: MinutesRow): MinutesContent {
  if (row.canonical) return minutesContentSchema.parse(JSON.parse(row.canonical));
  const prose = { ...emptyProse(), ...(JSON.parse(row.prose) as Partial<Prose>) };
  return buildContent(context, { reviewId: row.reviewId, version: row.version, prose, amends: amendsOf(context, row) });
}

function signaturesOf({ db }: SessionContext, minutesId: string): MinutesSignature[] {
  return db.records<MinutesSignature>(sql`
    SELECT id, side, name, role, organisation, image, statement, fingerprint, signed_at FROM signatures
    WHERE minutes_id = ${minutesId} ORDER BY signed_at, rowid`);
}

/**
 * The adults of this review known by name beyond those the minutes list as there or sending
 * apologies: who signed, and the people of the case book who own its actions. Only they (and
 * only by their whole name) are not read as a child's name: someone elsewhere in the case book
 * may share a first name with a child.
 */
function adultsNamed({ db }: SessionContext, content: MinutesContent, signatures: MinutesSignature[]): string[] {
  const owners = new Set([...content.actions, ...content.mattersArising].map((action) => action.owner));
  const people = db.all<{ name: string }>(sql`SELECT name FROM people`).map((person) => person.name);
  return [...signatures.map((signature) => signature.name), ...people.filter((name) => owners.has(name))];
}

export function getMinutes(context: SessionContext, minutesId: string): MinutesVersion {
  const row = readMinutesRow(context, minutesId);
  const signatures = signaturesOf(context, row.id);
  const signed = new Set(signatures.map((signature) => signature.side));
  const content = contentOf(context, row);
  return {
    id: row.id,
    reviewId: row.reviewId,
    version: row.version,
    status: row.status,
    content,
    fingerprint: row.fingerprint,
    lockedAt: row.lockedAt,
    sealedAt: row.sealedAt,
    sealedBy: row.sealedBy,
    sealKey: row.sealKey,
    countersignatures: context.db.records<Countersignature>(sql`
      SELECT signer, organisation, fingerprint, signed_at, imported_at FROM countersignatures WHERE minutes_id = ${row.id} ORDER BY imported_at`),
    signatures,
    awaiting: (['commissioner', 'provider'] as const).filter((side) => !signed.has(side)),
    audit: auditFor(context, 'minutes', row.id).map(({ at, action, detail }) => ({ at, action, detail })),
    possibleNames:
      row.status === 'sealed' ? [] : possibleChildNames(content, adultsNamed(context, content, signatures)),
  };
}

/** Every version of a review's minutes, oldest first. */
export function minutesForReview(context: SessionContext, reviewId: string): MinutesVersion[] {
  return context.db
    .all<{ id: string }>(sql`SELECT id FROM minutes WHERE review_id = ${reviewId} ORDER BY version`)
    .map((row) => getMinutes(context, row.id));
}

function requireStatus(row: MinutesRow, status: MinutesVersion['status'], message: string): void {
  if (row.status !== status) throw new ApiError('conflict', message);
}

export function saveProse(context: SessionContext, input: ParsedInput<'minutes.saveProse'>): MinutesVersion {
  context.db.transaction(() => {
    const row = readMinutesRow(context, input.minutesId);
    requireStatus(
      row,
      'draft',
      'These minutes are locked, so their words are fixed. Unlock them to change the words, or amend sealed minutes.',
    );
    const { minutesId: _id, ...prose } = input;
    context.db.run(
      sql`UPDATE minutes SET prose = ${JSON.stringify(prose)}, updated_at = ${isoNow(context.clock)} WHERE id = ${row.id}`,
    );
  });
  return getMinutes(context, input.minutesId);
}

/** Fixes the content as canonical JSON and its SHA-256 fingerprint: what the signers sign. */
export function lockMinutes(context: SessionContext, input: ParsedInput<'minutes.lock'>): MinutesVersion {
  context.db.transaction(() => {
    const row = readMinutesRow(context, input.minutesId);
    requireStatus(row, 'draft', 'These minutes are already locked.');
    const canonical = canonicalJson(contentOf(context, row));
    const fingerprint = fingerprintOf(canonical);
    context.db.run(sql`
      UPDATE minutes SET status = 'locked', canonical = ${canonical}, fingerprint = ${fingerprint}, locked_at = ${isoNow(context.clock)},
        updated_at = ${isoNow(context.clock)}
      WHERE id = ${row.id}`);
    appendAudit(context, {
      action: 'minutes.locked',
      subjectKind: 'minutes',
      subjectId: row.id,
      detail: { version: row.version, fingerprint },
    });
  });
  return getMinutes(context, input.minutesId);
}

/** Back to a draft to change the words: any signatures given go, since they signed other words. */
export function unlockMinutes(context: SessionContext, input: ParsedInput<'minutes.unlock'>): MinutesVersion {
  context.db.transaction(() => {
    const row = readMinutesRow(context, input.minutesId);
    requireStatus(row, 'locked', 'Only locked minutes that are not yet sealed can be unlocked.');
    const dropped = context.db.run(sql`DELETE FROM signatures WHERE minutes_id = ${row.id}`).changes;
    context.db.run(sql`
      UPDATE minutes SET status = 'draft', canonical = NULL, fingerprint = NULL, locked_at = NULL, updated_at = ${isoNow(context.clock)}
      WHERE id = ${row.id}`);
    appendAudit(context, {
      action: 'minutes.unlocked',
      subjectKind: 'minutes',
      subjectId: row.id,
      detail: { version: row.version, signaturesRemoved: dropped },
    });
  });
  return getMinutes(context, input.minutesId);
}

export function signMinutes(context: SessionContext, input: ParsedInput<'minutes.sign'>): MinutesVersion {
  context.db.transaction(() => {
    const row = readMinutesRow(context, input.minutesId);
    requireStatus(
      row,
      'locked',
      row.status === 'draft'
        ? 'Lock the minutes before signing them.'
        : 'These minutes are sealed: they can no longer be signed.',
    );
    if (input.fingerprint !== row.fingerprint)
      throw new ApiError('conflict', 'These minutes have changed since you read them. Read them again before signing.');
    if (
      (input.side === 'commissioner' || input.side === 'provider') &&
      signaturesOf(context, row.id).some((s) => s.side === input.side)
    ) {
      throw new ApiError('conflict', `The ${input.side} has already signed these minutes.`, {
        side: 'This side has already signed.',
      });
    }
    const id = randomUUID();
    context.db.run(sql`
      INSERT INTO signatures (id, minutes_id, side, name, role, organisation, image, statement, fingerprint, signed_at)
      VALUES (${id}, ${row.id}, ${input.side}, ${input.name}, ${input.role}, ${input.organisation}, ${input.image}, ${agreementStatement},
              ${row.fingerprint}, ${isoNow(context.clock)})`);
    appendAudit(context, {
      action: 'minutes.signed',
      subjectKind: 'minutes',
      subjectId: row.id,
      detail: {
        signatureId: id,
        side: input.side,
        name: input.name,
        drawn: input.image !== null,
        fingerprint: row.fingerprint,
      },
    });
  });
  return getMinutes(context, input.minutesId);
}

/** A correction after sealing: a new version, signed and sealed again. The sealed one is kept. */
export function amendMinutes(context: SessionContext, input: ParsedInput<'minutes.amend'>): MinutesVersion {
  const id = randomUUID();
  context.db.transaction(() => {
    const row = readMinutesRow(context, input.minutesId);
    requireStatus(row, 'sealed', 'Only sealed minutes are amended; until then, unlock them and change the words.');
    const latest = context.db.get<{ version: number }>(
      sql`SELECT max(version) AS version FROM minutes WHERE review_id = ${row.reviewId}`,
    )!;
    if (latest.version !== row.version)
      throw new ApiError('conflict', `Version ${latest.version} of these minutes already amends them.`);
    const now = isoNow(context.clock);
    const sealed = contentOf(context, row);
    const prose: Prose = {
      summary: sealed.summary,
      ...Object.fromEntries(sealed.stages.map((stage) => [stage.stage, stage.summary])),
    } as Prose;
    context.db.run(sql`
      INSERT INTO minutes (id, review_id, version, status, prose, amends_id, created_at, updated_at)
      VALUES (${id}, ${row.reviewId}, ${row.version + 1}, 'draft', ${JSON.stringify(prose)}, ${row.id}, ${now}, ${now})`);
    appendAudit(context, {
      action: 'minutes.amended',
      subjectKind: 'minutes',
      subjectId: id,
      detail: { version: row.version + 1, amends: row.version },
    });
  });
  return getMinutes(context, id);
}
