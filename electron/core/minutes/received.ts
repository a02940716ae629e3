import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import {
  minutesContentSchema,
  type ImportResult,
  type MinutesContent,
  type MinutesExport,
  type ReceivedMinutes,
  type ReceivedSignature,
  type SignatureReport,
  type VerifyReport,
} from '@shared/domain/minutes';
import { canonicalJson } from '@shared/format/canonical';
import { groupFingerprint } from '@shared/format/fingerprint';
import { appendAudit } from '@core/audit';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import type { SessionContext } from '@core/sessions/context';
import { countersignPdf } from '@core/signing/seal';
import { identityFor } from './identities';
import { rememberKey } from './keys';
import { shareMinutes, type MinutesPlatform } from './sealing';
import { checkMinutesPdf } from './verification';

const notImported = 'These minutes were not imported:';

/** Checks any PDF: every signature, what changed, which keys this case book knows, and whether the minutes are here. */
export async function verifyMinutesPdf(
  context: SessionContext,
  input: ParsedInput<'minutes.verify'>,
): Promise<VerifyReport> {
  return (await checkMinutesPdf(context, Buffer.from(input.pdf, 'base64'))).report;
}

/**
 * Keeps sealed minutes, checked whole first: only a valid file whose every key is known, or that
 * a person has confirmed with its fingerprint shown. The other side's minutes are kept apart,
 * linked to the home or placement they concern; this case book's own minutes, come back
 * countersigned, get the countersignature recorded on their page and in the audit log.
 */
export async function importMinutes(
  context: SessionContext,
  input: ParsedInput<'minutes.import'>,
): Promise<ImportResult> {
  const bytes = Buffer.from(input.pdf, 'base64');
  const { report, check } = await checkMinutesPdf(context, bytes);
  if (!report.valid) throw new ApiError('invalid_input', `${notImported} ${report.reason}`);
  const parsed = check.attachment ? safeJson(check.attachment) : null;
  const content = parsed ? minutesContentSchema.safeParse(parsed) : null;
  if (!content?.success)
    throw new ApiError(
      'invalid_input',
      `${notImported} the file is validly sealed but does not carry minutes this app can read.`,
    );
  const unconfirmed = report.signatures.filter(
    (signature) => signature.key !== 'known' && !input.acceptKeys.includes(signature.fingerprint),
  );
  if (unconfirmed.length > 0)
    throw new ApiError('conflict', keysToConfirmMessage(unconfirmed), {
      acceptKeys: 'Confirm the key before importing.',
    });

  const own = context.db.record<{ id: string; reviewId: string; version: number; sealedPdf: Buffer | null }>(sql`
    SELECT id, review_id, version, sealed_pdf FROM minutes WHERE fingerprint = ${report.fingerprint} AND status = 'sealed'`);
  if (own) return importCountersigned(context, own, bytes, report, input.acceptKeys);
  return importReceived(context, input.fileName, bytes, report, content.data, input.acceptKeys);
}

function safeJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

function keysToConfirmMessage(signatures: SignatureReport[]): string {
  const described = signatures.map((signature) => {
    const who = signature.organisation || 'an organisation it does not name';
    const what =
      signature.key === 'new'
        ? `a NEW key for ${who}, which this case book knows by another key`
        : signature.key === 'other_organisation'
          ? `a key this case book knows for ${signature.knownFor ?? 'another organisation'}, not for ${who}`
          : `a key this case book has never seen, for ${who}`;
    return `${what} (fingerprint ${groupFingerprint(signature.fingerprint)})`;
  });
  return `These minutes are signed with ${described.join(', and ')}. Compare the fingerprint with the one the organisation reads out, then confirm it to import.`;
}

/** Accepted keys become known for the organisation their certificate names, in the import's transaction. */
function rememberAccepted(context: SessionContext, report: VerifyReport, accepted: string[]): void {
  for (const signature of report.signatures) {
    if (signature.key !== 'known' && accepted.includes(signature.fingerprint)) {
      rememberKey(context, {
        organisation: signature.organisation,
        fingerprint: signature.fingerprint,
        subject: `${signature.signer}, ${signature.organisation}`,
        source: 'received',
      });
    }
  }
}

const receivedSignatures = (report: VerifyReport): ReceivedSignature[] =>
  report.signatures.map(({ signer, organisation, fingerprint, signedAt }) => ({
    signer,
    organisation,
    fingerprint,
    signedAt,
  }));

function importCountersigned(
  context: SessionContext,
  own: { id: string; reviewId: string; version: number; sealedPdf: Buffer | null },
  bytes: Buffer,
  report: VerifyReport,
  accepted: string[],
): ImportResult {
  // The file must grow out of the very bytes this case book sealed: only signatures added after.
  const sealed = own.sealedPdf;
  if (!sealed || bytes.length <= sealed.length || !bytes.subarray(0, sealed.length).equals(sealed)) {
    throw new ApiError(
      'conflict',
      'These are this case book’s own minutes, with no countersignature added to the file it sealed: nothing to import.',
    );
  }
  const known = new Set(
    context.db
      .records<{ fingerprint: string; signedAt: string | null }>(
        sql`SELECT fingerprint, signed_at FROM countersignatures WHERE minutes_id = ${own.id}`,
      )
      .map((c) => `${c.fingerprint}@${c.signedAt}`),
  );
  const added = report.signatures
    .slice(1)
    .filter((signature) => !known.has(`${signature.fingerprint}@${signature.signedAt}`));
  if (added.length === 0)
    throw new ApiError('conflict', 'This countersignature is already recorded with these minutes.');
  context.db.transaction(() => {
    rememberAccepted(context, report, accepted);
    const now = isoNow(context.clock);
    for (const signature of added) {
      context.db.run(sql`
        INSERT INTO countersignatures (id, minutes_id, signer, organisation, fingerprint, signed_at, imported_at)
        VALUES (${randomUUID()}, ${own.id}, ${signature.signer}, ${signature.organisation}, ${signature.fingerprint}, ${signature.signedAt}, ${now})`);
    }
    context.db.run(sql`UPDATE minutes SET countersigned_pdf = ${bytes}, updated_at = ${now} WHERE id = ${own.id}`);
    appendAudit(context, {
      action: 'minutes.countersignatureImported',
      subjectKind: 'minutes',
      subjectId: own.id,
      detail: {
        version: own.version,
        countersignedBy: added.map((s) => ({
          signer: s.signer,
          organisation: s.organisation,
          certificate: s.fingerprint,
          signedAt: s.signedAt,
        })),
      },
    });
  });
  const names = added.map((s) => s.organisation || s.signer).join(' and ');
  return {
    message: `Countersigned by ${names}: recorded with version ${own.version} of these minutes.`,
    received: null,
    countersigned: { reviewId: own.reviewId, minutesId: own.id, version: own.version },
  };
}

function importReceived(
  context: SessionContext,
  fileName: string,
  bytes: Buffer,
  report: VerifyReport,
  content: MinutesContent,
  accepted: string[],
): ImportResult {
  const existing = context.db.get<{ id: string; signatures: string }>(
    sql`SELECT id, signatures FROM received_minutes WHERE fingerprint = ${report.fingerprint}`,
  );
  if (existing && (JSON.parse(existing.signatures) as unknown[]).length >= report.signatures.length) {
    throw new ApiError('conflict', 'These minutes have already been imported.');
  }
  const home = content.subject.home
    ? context.db.get<{ id: string }>(sql`SELECT id FROM homes WHERE ofsted_urn = ${content.subject.home.ofstedUrn}`)
    : undefined;
  const placement =
    content.subject.childReference && home
      ? context.db.get<{ id: string }>(
          sql`SELECT id FROM placements WHERE home_id = ${home.id} AND lower(child_reference) = lower(${content.subject.childReference})`,
        )
      : undefined;
  const id = existing?.id ?? randomUUID();
  const sealedBy = `${report.sealedBy!.commonName}, ${report.sealedBy!.organisation}`;
  const signatures = JSON.stringify(receivedSignatures(report));
  context.db.transaction(() => {
    rememberAccepted(context, report, accepted);
    if (existing) {
      // The same minutes with more signatures: the countersigned file replaces the one kept.
      context.db.run(
        sql`UPDATE received_minutes SET pdf = ${bytes}, file_name = ${fileName}, signatures = ${signatures} WHERE id = ${id}`,
      );
    } else {
      context.db.run(sql`
        INSERT INTO received_minutes (id, file_name, pdf, fingerprint, sealed_by, sealed_at, title, content, home_id, placement_id, received_at, signatures)
        VALUES (${id}, ${fileName}, ${bytes}, ${report.fingerprint}, ${sealedBy}, ${report.sealedAt}, ${content.title},
                ${canonicalJson(content)}, ${home?.id ?? null}, ${placement?.id ?? null}, ${isoNow(context.clock)}, ${signatures})`);
    }
    appendAudit(context, {
      action: 'minutes.imported',
      subjectKind: 'received_minutes',
      subjectId: id,
      detail: { fingerprint: report.fingerprint, sealedBy, signatures: report.signatures.length },
    });
  });
  const received = getReceived(context, id);
  return { message: `Imported “${received.title}”, sealed by ${sealedBy}.`, received, countersigned: null };
}

/**
 * Countersigns minutes the other organisation sealed, with this computer's key for our
 * organisation: checked again first, then an approval signature appended as an incremental
 * update, so the seal stays valid. The countersigned file is kept in place of the received one.
 */
export async function countersignReceived(
  context: SessionContext,
  input: ParsedInput<'minutes.countersign'>,
): Promise<ReceivedMinutes> {
  const row = context.db.get<{ pdf: Buffer; content: string }>(
    sql`SELECT pdf, content FROM received_minutes WHERE id = ${input.receivedId}`,
  );
  if (!row) throw new ApiError('not_found', 'Those minutes are not in this case book.');
  const received = getReceived(context, input.receivedId);
  const { version } = minutesContentSchema.parse(JSON.parse(row.content));
  const parties = [received.commissioner, received.provider];
  const party = parties.find((name) => name.toLowerCase() === input.organisation.toLowerCase());
  if (!party)
    throw new ApiError('invalid_input', 'Minutes are countersigned by one of the two organisations in the review.', {
      organisation: 'Choose one of the two organisations.',
    });
  const { report } = await checkMinutesPdf(context, row.pdf);
  if (!report.valid) throw new ApiError('conflict', `These minutes cannot be countersigned: ${report.reason}`);
  if (report.signatures.some((signature) => signature.organisation.toLowerCase() === party.toLowerCase())) {
    throw new ApiError('conflict', `${party} has already signed these minutes.`, {
      organisation: 'This organisation has already signed.',
    });
  }
  const identity = identityFor(context, party);
  const signedAt = context.clock();
  const countersigned = await countersignPdf(row.pdf, identity, {
    reason: `Countersigned: joint review minutes, version ${version}, fingerprint ${received.fingerprint}`,
    location: party,
    name: identity.subject.commonName,
    signedAt,
  });
  const after = await checkMinutesPdf(context, countersigned);
  if (!after.report.valid)
    throw new ApiError(
      'internal',
      'The countersignature could not be checked after it was made, so it was not kept. Nothing has changed.',
    );
  context.db.transaction(() => {
    context.db.run(sql`
      UPDATE received_minutes SET pdf = ${countersigned}, signatures = ${JSON.stringify(receivedSignatures(after.report))}, countersigned_at = ${signedAt.toISOString()}
      WHERE id = ${input.receivedId}`);
    appendAudit(context, {
      action: 'minutes.countersigned',
      subjectKind: 'received_minutes',
      subjectId: input.receivedId,
      detail: { fingerprint: received.fingerprint, organisation: party, certificate: identity.fingerprint },
    });
  });
  return getReceived(context, input.receivedId);
}

/** Received minutes as they now are, countersigned, with an email draft to send them back. */
export async function exportReceived(
  context: SessionContext,
  platform: MinutesPlatform,
  input: ParsedInput<'minutes.exportReceived'>,
): Promise<MinutesExport> {
  const row = context.db.get<{ pdf: Buffer; content: string }>(
    sql`SELECT pdf, content FROM received_minutes WHERE id = ${input.receivedId}`,
  );
  if (!row) throw new ApiError('not_found', 'Those minutes are not in this case book.');
  const received = getReceived(context, input.receivedId);
  return shareMinutes(context, platform, {
    pdf: row.pdf,
    content: minutesContentSchema.parse(JSON.parse(row.content)),
    fingerprint: received.fingerprint,
    keys: received.signatures.map((signature) => signature.fingerprint),
    signedBy: received.signatures.map((signature) => `${signature.signer}, ${signature.organisation}`),
    from: received.countersignedAt ? (received.signatures.at(-1)?.organisation ?? '') : '',
    to: [],
    cc: [],
    opening: received.countersignedAt
      ? 'Attached are the minutes you sealed, now countersigned by us,'
      : 'Attached are the sealed minutes',
    audit: { subjectKind: 'received_minutes', subjectId: received.id },
  });
}

interface ReceivedRow extends Omit<ReceivedMinutes, 'signatures'> {
  signatures: string;
}

function readReceived({ db }: SessionContext, id?: string): ReceivedMinutes[] {
  const rows = db.records<ReceivedRow>(sql`
    SELECT id, file_name, title, fingerprint, sealed_by, sealed_at, home_id, placement_id, received_at, signatures, countersigned_at,
      json_extract(content, '$.subject.commissioner') AS commissioner, json_extract(content, '$.subject.provider') AS provider
    FROM received_minutes WHERE ${id ?? null} IS NULL OR id = ${id ?? null} ORDER BY received_at DESC`);
  return rows.map((row) => ({ ...row, signatures: JSON.parse(row.signatures) as ReceivedSignature[] }));
}

function getReceived(context: SessionContext, id: string): ReceivedMinutes {
  const found = readReceived(context, id)[0];
  if (!found) throw new ApiError('not_found', 'Those minutes are not in this case book.');
  return found;
}

export const receivedMinutes = (context: SessionContext): ReceivedMinutes[] => readReceived(context);
