import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { MinutesContent, MinutesExport, MinutesVersion } from '@shared/domain/minutes';
import { sideLabels } from '@shared/domain/sessions';
import { formatDate } from '@shared/format/dates';
import { groupFingerprint } from '@shared/format/fingerprint';
import { appendAudit } from '@core/audit';
import { auditHead } from '@core/audit-anchor';
import { isoNow } from '@core/clock';
import { sql } from '@core/db/sql';
import type { FileExporter } from '@core/platform/exporter';
import type { PdfPrinter } from '@core/platform/pdf-printer';
import type { SessionContext } from '@core/sessions/context';
import { toArchivalPdf } from '@core/signing/archival';
import { sealPdf } from '@core/signing/seal';
import { minutesAttachmentName } from '@core/signing/verify';
import { makeEmailDraft } from './email-draft';
import { identityFor } from './identities';
import { getSharing } from './sharing';
import { fingerprintOf } from '@core/signing/certificate';
import { getMinutes, readMinutesRow } from './minutes';
import { minutesHtml } from './print';
import { signaturesAttachmentName, signaturesRecord } from './signatures-record';

export interface MinutesPlatform {
  /** Named in the sealed PDF as the tool that made it. */
  appVersion: string;
  printer: PdfPrinter | null;
  exporter: FileExporter;
}

/**
 * Seals signed minutes: prints them, attaches their canonical content, signs the PDF with the
 * sealing organisation's identity, and stores the sealed bytes with the audit entry in one
 * transaction. Printing and signing happen first, outside it: nothing is written if they fail.
 */
export async function sealMinutes(
  context: SessionContext,
  platform: MinutesPlatform,
  input: ParsedInput<'minutes.seal'>,
): Promise<MinutesVersion> {
  const before = getMinutes(context, input.minutesId);
  if (before.status !== 'locked')
    throw new ApiError(
      'conflict',
      before.status === 'draft'
        ? 'Lock and sign the minutes before sealing them.'
        : 'These minutes are already sealed.',
    );
  if (before.awaiting.length)
    throw new ApiError(
      'conflict',
      `The minutes still need the ${before.awaiting.join(' and the ')}’s signature before they can be sealed.`,
    );
  if (!platform.printer)
    throw new ApiError('internal', 'This computer cannot print to PDF, so the minutes cannot be sealed here.');
  const parties = [before.content.subject.commissioner, before.content.subject.provider];
  if (!parties.includes(input.organisation)) {
    throw new ApiError('invalid_input', 'The minutes are sealed by one of the two organisations in the review.', {
      organisation: 'Choose one of the two organisations.',
    });
  }

  const unconfirmed = before.possibleNames.filter((name) => !input.notChildNames.includes(name.word));
  if (unconfirmed.length) {
    const words = unconfirmed.map((name) => `“${name.word}” (${name.where.join(', ')})`).join('; ');
    throw new ApiError(
      'conflict',
      `These words may be a child’s name: ${words}. The minutes name a child only by reference. Confirm none of them is a child’s name, or unlock the minutes and change the words.`,
      { notChildNames: 'Confirm that none of these words is a child’s name.' },
    );
  }

  // The identity first: a new certificate is valid from the moment it is made, and the seal after it.
  const identity = identityFor(context, input.organisation);
  const sealedAt = context.clock();
  // The signature page lists the audit of this version, sealing included.
  const preview: MinutesVersion = {
    ...before,
    audit: [...before.audit, { at: sealedAt.toISOString(), action: 'minutes.sealed', detail: {} }],
  };
  const seal = { organisation: input.organisation, keyFingerprint: identity.fingerprint };
  const printed = await platform.printer.print(minutesHtml(preview, seal), {
    title: before.content.title,
    footerText: `Fingerprint ${before.fingerprint}`,
  });
  const row = readMinutesRow(context, input.minutesId);
  const sealedBy = `${identity.subject.commonName}, ${identity.subject.organisation}`;
  const signatures = signaturesRecord(
    before,
    { organisation: input.organisation, sealedBy, keyFingerprint: identity.fingerprint, sealedAt },
    auditHead(context),
  );
  // PDF/A-3a and PDF/UA-1: XMP, an sRGB output intent, artifacts, a standard structure, and the
  // two records attached as the data these minutes are made from.
  const archival = await toArchivalPdf(printed, {
    title: before.content.title,
    language: 'en-GB',
    creatorTool: `Relational Review ${platform.appVersion}`,
    createdAt: sealedAt,
    attachments: [
      {
        name: minutesAttachmentName,
        bytes: Buffer.from(row.canonical!, 'utf8'),
        mimeType: 'application/json',
        description: `The canonical content of these minutes; its SHA-256 is the fingerprint ${before.fingerprint}.`,
        relationship: 'Data',
      },
      {
        name: signaturesAttachmentName,
        bytes: Buffer.from(signatures, 'utf8'),
        mimeType: 'application/json',
        description: 'Who signed these minutes, the fingerprint each signed, and the seal.',
        relationship: 'Data',
      },
    ],
  });
  const sealed = await sealPdf(archival, identity, {
    reason: `Joint review minutes, version ${before.version}, fingerprint ${before.fingerprint}`,
    location: input.organisation,
    name: identity.subject.commonName,
    signedAt: sealedAt,
  });

  context.db.transaction(() => {
    const current = readMinutesRow(context, input.minutesId);
    if (current.status !== 'locked' || current.fingerprint !== before.fingerprint)
      throw new ApiError('conflict', 'These minutes changed while they were being sealed. Try again.');
    context.db.run(sql`
      UPDATE minutes SET status = 'sealed', sealed_at = ${sealedAt.toISOString()}, sealed_pdf = ${sealed},
        sealed_by = ${sealedBy}, seal_key = ${identity.fingerprint},
        updated_at = ${isoNow(context.clock)}
      WHERE id = ${current.id}`);
    appendAudit(context, {
      action: 'minutes.sealed',
      subjectKind: 'minutes',
      subjectId: current.id,
      detail: {
        version: current.version,
        fingerprint: current.fingerprint,
        pdfSha256: fingerprintOf(sealed),
        certificate: identity.fingerprint,
        confirmedNotChildNames: before.possibleNames.map((name) => name.word),
      },
    });
  });
  return getMinutes(context, input.minutesId);
}

const slug = (text: string) =>
  text
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** The sealed PDF and an email draft with it attached: To and Cc from the participants' addresses. */
export async function exportMinutes(
  context: SessionContext,
  platform: MinutesPlatform,
  input: ParsedInput<'minutes.export'>,
): Promise<MinutesExport> {
  const minutes = getMinutes(context, input.minutesId);
  // Once the other organisation's countersignature has come back, that file is the one to share.
  const pdf = context.db.get<{ pdf: Buffer | null }>(
    sql`SELECT coalesce(countersigned_pdf, sealed_pdf) AS pdf FROM minutes WHERE id = ${input.minutesId}`,
  )?.pdf;
  if (minutes.status !== 'sealed' || !pdf)
    throw new ApiError('conflict', 'Only sealed minutes are exported. Seal them first.');
  const emails = context.db.all<{ email: string; side: string }>(sql`
    SELECT people.email, participants.side FROM participants JOIN people ON people.id = participants.person_id
    WHERE participants.review_id = ${minutes.reviewId} AND people.email IS NOT NULL ORDER BY participants.created_at`);
  return shareMinutes(context, platform, {
    pdf,
    content: minutes.content,
    fingerprint: minutes.fingerprint!,
    keys: [minutes.sealKey, ...minutes.countersignatures.map((c) => c.fingerprint)].filter(
      (key): key is string => !!key,
    ),
    signedBy: minutes.signatures.map((s) => `${s.name} (${sideLabels[s.side].toLowerCase()})`),
    from: minutes.sealedBy?.split(', ').at(-1) ?? '',
    to: emails.filter((e) => e.side === 'commissioner' || e.side === 'provider').map((e) => e.email),
    cc: emails.filter((e) => e.side !== 'commissioner' && e.side !== 'provider').map((e) => e.email),
    opening: 'Attached are the signed and sealed minutes',
    audit: { subjectKind: 'minutes', subjectId: minutes.id },
  });
}

interface Share {
  pdf: Buffer;
  content: MinutesContent;
  fingerprint: string;
  /** Fingerprints of the keys that sealed and countersigned. */
  keys: string[];
  /** Who signed, as the minutes or the PDF's signatures name them. */
  signedBy: string[];
  /** The organisation sending them, to close the note. */
  from: string;
  to: string[];
  cc: string[];
  opening: string;
  audit: { subjectKind: string; subjectId: string };
}

/**
 * Saves the PDF with an email draft to send it. The draft names the organisations, the version,
 * the signers and the keys, and how to check them, and is signed off with the sender's name when
 * the case book has one. It names no child, in its subject, its file names or its words, since
 * mail leaves the app (the child's reference is inside the sealed PDF), unless the sharing
 * preferences say the Subject and file names may carry the reference.
 */
export async function shareMinutes(
  context: SessionContext,
  platform: MinutesPlatform,
  share: Share,
): Promise<MinutesExport> {
  const { content } = share;
  const preferences = getSharing(context);
  const day = formatDate(content.scheduledFor);
  const { commissioner, provider, home, childReference } = content.subject;
  const child = preferences.childReferenceInEmail && childReference ? childReference : null;
  const about = [home ? home.name : `${commissioner} and ${provider}`, child && `child ${child}`]
    .filter(Boolean)
    .join(', ');
  const base = `minutes-${slug(about)}-${content.scheduledFor.slice(0, 10)}-v${content.version}`;
  const pdfName = `${base}.pdf`;
  const eml = await makeEmailDraft({
    to: share.to,
    cc: share.cc,
    subject: `Joint review minutes: ${about}, ${day} (version ${content.version})`,
    body: [
      'Hello,',
      '',
      `${share.opening} of the joint review between ${commissioner} and ${provider}${home ? ` about ${home.name}` : ''} on ${day}: version ${content.version}.`,
      ...(share.signedBy.length ? [`They were signed by ${share.signedBy.join(' and ')}.`] : []),
      'They carry digital signatures: any change to the file will show when it is checked.',
      `The fingerprint of the minutes is ${share.fingerprint}.`,
      ...share.keys.map(
        (key, index) =>
          `${index === 0 ? 'They were sealed' : 'They were countersigned'} with the key whose fingerprint begins ${groupFingerprint(key)}.`,
      ),
      'To check them, open the file in Relational Review (Check sealed minutes): it checks every signature and says whether each key is one you know. Compare any new key’s fingerprint with the one read out at the meeting.',
      '',
      'With thanks,',
      ...[preferences.senderName, share.from].filter(Boolean),
    ].join('\r\n'),
    attachment: { fileName: pdfName, content: share.pdf, contentType: 'application/pdf' },
    date: context.clock(),
  });
  const files = [
    { fileName: pdfName, mediaType: 'application/pdf', content: share.pdf },
    { fileName: `${base}.eml`, mediaType: 'message/rfc822', content: eml },
  ];
  const savedTo = await platform.exporter.save(
    files.map(({ fileName, content: bytes }) => ({ fileName, content: bytes })),
  );
  context.db.transaction(() =>
    appendAudit(context, {
      action: 'minutes.exported',
      ...share.audit,
      detail: { files: files.map((f) => f.fileName), savedTo },
    }),
  );
  return {
    savedTo,
    files: files.map(({ fileName, mediaType, content: bytes }) => ({
      fileName,
      mediaType,
      base64: Buffer.from(bytes).toString('base64'),
    })),
  };
}
