import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { ParsedInput } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { minutesContentSchema, type MinutesExport, type MinutesVersion, type ReceivedMinutes, type VerifyReport } from '../../../shared/domain/minutes';
import { canonicalJson } from '../../../shared/format/canonical';
import { formatDate } from '../../../shared/format/dates';
import { appendAudit } from '../audit';
import { isoNow } from '../clock';
import { sql } from '../db/sql';
import type { FileExporter } from '../platform/exporter';
import { appFontFaceCss } from '../platform/fonts';
import type { PdfPrinter } from '../platform/pdf-printer';
import type { SessionContext } from '../sessions/context';
import { readAttachment } from '../signing/attachment';
import { sealPdf } from '../signing/seal';
import { verifyPdf } from '../signing/verify';
import { makeEmailDraft } from './email-draft';
import { identityFor } from './identities';
import { fingerprintOf, getMinutes, readMinutesRow } from './minutes';
import { renderMinutesHtml } from './render';

export interface MinutesPlatform {
  printer: PdfPrinter | null;
  exporter: FileExporter;
}

export const attachmentName = 'minutes.json';

/**
 * Seals signed minutes: prints them, attaches their canonical content, signs the PDF with the
 * sealing organisation's identity, and stores the sealed bytes with the audit entry in one
 * transaction. Printing and signing happen first, outside it: nothing is written if they fail.
 */
export async function sealMinutes(context: SessionContext, platform: MinutesPlatform, input: ParsedInput<'minutes.seal'>): Promise<MinutesVersion> {
  const before = getMinutes(context, input.minutesId);
  if (before.status !== 'locked') throw new ApiError('conflict', before.status === 'draft' ? 'Lock and sign the minutes before sealing them.' : 'These minutes are already sealed.');
  if (before.awaiting.length) throw new ApiError('conflict', `The minutes still need the ${before.awaiting.join(' and the ')}’s signature before they can be sealed.`);
  if (!platform.printer) throw new ApiError('internal', 'This computer cannot print to PDF, so the minutes cannot be sealed here.');
  const parties = [before.content.subject.commissioner, before.content.subject.provider];
  if (!parties.includes(input.organisation)) {
    throw new ApiError('invalid_input', 'The minutes are sealed by one of the two organisations in the review.', { organisation: 'Choose one of the two organisations.' });
  }

  const sealedAt = context.clock();
  // The signature page lists the audit of this version, sealing included.
  const preview: MinutesVersion = { ...before, audit: [...before.audit, { at: sealedAt.toISOString(), action: 'minutes.sealed', detail: {} }] };
  const printed = await platform.printer.print(renderMinutesHtml(preview, appFontFaceCss()), {
    title: before.content.title,
    footerText: `Fingerprint ${before.fingerprint}`,
  });
  const document = await PDFDocument.load(printed);
  const row = readMinutesRow(context, input.minutesId);
  await document.attach(Buffer.from(row.canonical!, 'utf8'), attachmentName, {
    mimeType: 'application/json',
    description: `The canonical content of these minutes; its SHA-256 is the fingerprint ${before.fingerprint}.`,
    creationDate: sealedAt,
    modificationDate: sealedAt,
  });
  document.setTitle(before.content.title);
  document.setLanguage('en-GB');
  const identity = identityFor(context, input.organisation);
  const sealed = await sealPdf(await document.save({ useObjectStreams: false }), identity, {
    reason: `Joint review minutes, version ${before.version}, fingerprint ${before.fingerprint}`,
    location: input.organisation,
    name: identity.subject.commonName,
    signedAt: sealedAt,
  });

  context.db.transaction(() => {
    const current = readMinutesRow(context, input.minutesId);
    if (current.status !== 'locked' || current.fingerprint !== before.fingerprint) throw new ApiError('conflict', 'These minutes changed while they were being sealed. Try again.');
    context.db.run(sql`
      UPDATE minutes SET status = 'sealed', sealed_at = ${sealedAt.toISOString()}, sealed_pdf = ${sealed},
        sealed_by = ${`${identity.subject.commonName}, ${identity.subject.organisation}`}, updated_at = ${isoNow(context.clock)}
      WHERE id = ${current.id}`);
    appendAudit(context, {
      action: 'minutes.sealed',
      subjectKind: 'minutes',
      subjectId: current.id,
      detail: { version: current.version, fingerprint: current.fingerprint, pdfSha256: fingerprintOf(sealed), certificate: identity.fingerprint },
    });
  });
  return getMinutes(context, input.minutesId);
}

const slug = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** The sealed PDF and an email draft with it attached: To and Cc from the participants' addresses. */
export async function exportMinutes(context: SessionContext, platform: MinutesPlatform, input: ParsedInput<'minutes.export'>): Promise<MinutesExport> {
  const minutes = getMinutes(context, input.minutesId);
  const pdf = context.db.get<{ sealed_pdf: Buffer | null }>(sql`SELECT sealed_pdf FROM minutes WHERE id = ${input.minutesId}`)?.sealed_pdf;
  if (minutes.status !== 'sealed' || !pdf) throw new ApiError('conflict', 'Only sealed minutes are exported. Seal them first.');
  const { content } = minutes;
  const emails = context.db.all<{ email: string; side: string }>(sql`
    SELECT people.email, participants.side FROM participants JOIN people ON people.id = participants.person_id
    WHERE participants.review_id = ${minutes.reviewId} AND people.email IS NOT NULL ORDER BY participants.created_at`);
  const to = emails.filter((e) => e.side === 'commissioner' || e.side === 'provider').map((e) => e.email);
  const cc = emails.filter((e) => e.side !== 'commissioner' && e.side !== 'provider').map((e) => e.email);
  const day = formatDate(content.scheduledFor);
  const base = `minutes-${slug(content.title)}-v${minutes.version}`;
  const pdfName = `${base}.pdf`;
  // The body names no child and no detail: what matters is in the sealed, attached minutes.
  const eml = await makeEmailDraft({
    to,
    cc,
    subject: `Joint review minutes: ${content.title}, ${day}${minutes.version > 1 ? ` (version ${minutes.version})` : ''}`,
    body: [
      'Hello,',
      '',
      `Attached are the signed and sealed minutes of our joint review on ${day}.`,
      'They carry a digital signature: any change to the file will show when it is checked.',
      `Their fingerprint is ${minutes.fingerprint}.`,
      '',
      'With thanks,',
    ].join('\n'),
    attachment: { fileName: pdfName, content: pdf, contentType: 'application/pdf' },
    date: context.clock(),
  });
  const files = [
    { fileName: pdfName, mediaType: 'application/pdf', content: pdf },
    { fileName: `${base}.eml`, mediaType: 'message/rfc822', content: eml },
  ];
  const savedTo = await platform.exporter.save(files.map(({ fileName, content: bytes }) => ({ fileName, content: bytes })));
  context.db.transaction(() =>
    appendAudit(context, { action: 'minutes.exported', subjectKind: 'minutes', subjectId: minutes.id, detail: { files: files.map((f) => f.fileName), savedTo } }),
  );
  return { savedTo, files: files.map(({ fileName, mediaType, content: bytes }) => ({ fileName, mediaType, base64: Buffer.from(bytes).toString('base64') })) };
}

/** Checks any PDF: its digital signature, who sealed it, and whether it is minutes this case book holds. */
export function verifyMinutesPdf(context: SessionContext, input: ParsedInput<'minutes.verify'>): VerifyReport {
  const bytes = Buffer.from(input.pdf, 'base64');
  const result = verifyPdf(bytes);
  const attached = readAttachment(bytes, attachmentName);
  const fingerprint = attached ? fingerprintOf(attached) : null;
  const match = fingerprint
    ? context.db.record<{ reviewId: string; title: string; version: number }>(sql`
        SELECT minutes.review_id, reviews.title, minutes.version FROM minutes JOIN reviews ON reviews.id = minutes.review_id
        WHERE minutes.fingerprint = ${fingerprint}`)
    : undefined;
  if (!result.valid) return { valid: false, reason: result.reason, sealedBy: null, sealedAt: null, fingerprint, matches: match ?? null };
  return { valid: true, reason: null, sealedBy: result.signer, sealedAt: result.signedAt, fingerprint, matches: match ?? null };
}

/**
 * Keeps the other side's sealed minutes: only a valid seal over minutes this app can read,
 * stored apart from this case book's own minutes and linked to the home or placement they concern.
 */
export function importMinutes(context: SessionContext, input: ParsedInput<'minutes.import'>): ReceivedMinutes {
  const report = verifyMinutesPdf(context, { pdf: input.pdf });
  if (!report.valid) throw new ApiError('invalid_input', `These minutes were not imported: ${report.reason}`);
  const bytes = Buffer.from(input.pdf, 'base64');
  const attached = readAttachment(bytes, attachmentName);
  const parsed = attached ? minutesContentSchema.safeParse(JSON.parse(attached.toString('utf8'))) : null;
  if (!parsed?.success) throw new ApiError('invalid_input', 'These minutes were not imported: the file is validly sealed but does not carry minutes this app can read.');
  const content = parsed.data;
  if (context.db.get(sql`SELECT 1 FROM received_minutes WHERE fingerprint = ${report.fingerprint}`)) {
    throw new ApiError('conflict', 'These minutes have already been imported.');
  }
  const home = content.subject.home ? context.db.get<{ id: string }>(sql`SELECT id FROM homes WHERE ofsted_urn = ${content.subject.home.ofstedUrn}`) : undefined;
  const placement =
    content.subject.childReference && home
      ? context.db.get<{ id: string }>(sql`SELECT id FROM placements WHERE home_id = ${home.id} AND lower(child_reference) = lower(${content.subject.childReference})`)
      : undefined;
  const id = randomUUID();
  const sealedBy = `${report.sealedBy!.commonName}, ${report.sealedBy!.organisation}`;
  context.db.transaction(() => {
    context.db.run(sql`
      INSERT INTO received_minutes (id, file_name, pdf, fingerprint, sealed_by, sealed_at, title, content, home_id, placement_id, received_at)
      VALUES (${id}, ${input.fileName}, ${bytes}, ${report.fingerprint}, ${sealedBy}, ${report.sealedAt}, ${content.title},
              ${canonicalJson(content)}, ${home?.id ?? null}, ${placement?.id ?? null}, ${isoNow(context.clock)})`);
    appendAudit(context, { action: 'minutes.imported', subjectKind: 'received_minutes', subjectId: id, detail: { fingerprint: report.fingerprint, sealedBy } });
  });
  return receivedMinutes(context).find((received) => received.id === id)!;
}

export function receivedMinutes({ db }: SessionContext): ReceivedMinutes[] {
  return db.records<ReceivedMinutes>(sql`
    SELECT id, file_name, title, fingerprint, sealed_by, sealed_at, home_id, placement_id, received_at
    FROM received_minutes ORDER BY received_at DESC`);
}
