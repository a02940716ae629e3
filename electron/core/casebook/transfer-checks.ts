import { z } from 'zod';
import { drawnSignature, minutesContentSchema, minutesStatuses } from '@shared/domain/minutes';
import { PHASES, paperReferenceSchema, questionSchema } from '@shared/deck/schema';
import { childReference } from '@shared/domain/placements';
import type { TransferFile } from '@shared/domain/transfer';
import { fingerprintOf } from '@core/signing/certificate';
import { checkPdfOffThread } from '@core/signing/off-thread';

type Row = Record<string, unknown>;

/** JSON text as a value, or undefined when it is not JSON (which then fails its schema). */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

const visitorsSchema = z.array(z.object({ personId: z.string().nullable(), name: z.string().max(120) })).max(20);

/** A drawn card as the screens read it: its words and its questions. */
const drawnCardSchema = z.object({
  id: z.string(),
  title: z.string().max(200),
  paper: paperReferenceSchema.nullable(),
  phases: z.array(z.enum(PHASES)),
  questions: z.array(questionSchema),
  qualityStandards: z.array(z.number()),
  facilitatorNote: z.string().nullable(),
});

/**
 * What a transfer file's records mean, checked as the API checks what it is given, before
 * anything is written: `refuse` is called with the first problem, in words.
 *
 * - A placement's child reference is a reference, never a name; so is a young person heard at a visit.
 * - A visit's visitors are a list of names; a drawn card kept with its review is a card.
 * - Locked minutes hold canonical content the minutes schema reads, whose SHA-256 is their
 *   fingerprint; a sealed or countersigned PDF is valid and carries that same content.
 * - A signature was given for its minutes' fingerprint, and a drawn one is a real PNG.
 * - Received minutes are a valid PDF carrying the content they say they carry.
 */
export async function checkTransferRecords(file: TransferFile, refuse: (problem: string) => never): Promise<void> {
  const rows = (table: string) => (file.tables[table] ?? []) as Row[];
  const text = (value: unknown) => (typeof value === 'string' ? value : null);

  rows('placements').forEach((row, index) => {
    const reference = childReference.safeParse(row.child_reference);
    if (!reference.success) refuse(`In placements, record ${index + 1}: ${reference.error.issues[0]!.message}`);
  });

  rows('visit_notes').forEach((row, index) => {
    if (row.young_person === undefined || row.young_person === '') return;
    const reference = childReference.safeParse(row.young_person);
    if (!reference.success) refuse(`In visit notes, record ${index + 1}: ${reference.error.issues[0]!.message}`);
  });
  rows('visits').forEach((row, index) => {
    if (row.visitors === undefined) return;
    if (!visitorsSchema.safeParse(parsed(row.visitors)).success)
      refuse(`In visits, record ${index + 1}: the visitors are not a list of names.`);
  });
  rows('review_cards').forEach((row, index) => {
    if (row.card === undefined || row.card === null) return;
    if (!drawnCardSchema.safeParse(parsed(row.card)).success)
      refuse(`In review cards, record ${index + 1}: the card kept with the review is not a card.`);
  });

  const minutesFingerprints = new Map<string, string | null>();
  for (const [index, row] of rows('minutes').entries()) {
    const where = `In minutes, record ${index + 1}`;
    const status = z.enum(minutesStatuses).safeParse(row.status);
    if (!status.success) refuse(`${where}: the status is not one the app knows.`);
    const canonical = text(row.canonical);
    const fingerprint = text(row.fingerprint);
    minutesFingerprints.set(String(row.id), fingerprint);
    if (status.data === 'draft') continue;
    if (!canonical || !fingerprint) refuse(`${where}: locked minutes have no fixed content.`);
    let content: unknown;
    try {
      content = JSON.parse(canonical);
    } catch {
      refuse(`${where}: their content is not readable.`);
    }
    if (!minutesContentSchema.safeParse(content).success) refuse(`${where}: their content is not minutes.`);
    if (fingerprintOf(canonical) !== fingerprint) refuse(`${where}: their content does not match their fingerprint.`);
    for (const column of ['sealed_pdf', 'countersigned_pdf'] as const) {
      const pdf = text(row[column]);
      if (!pdf) {
        if (column === 'sealed_pdf' && status.data === 'sealed') refuse(`${where}: sealed minutes have no sealed PDF.`);
        continue;
      }
      await requireSealedPdf(
        Buffer.from(pdf, 'base64'),
        fingerprint,
        `${where}: the ${column === 'sealed_pdf' ? 'sealed' : 'countersigned'} PDF`,
        refuse,
      );
    }
  }

  rows('signatures').forEach((row, index) => {
    const where = `In signatures, record ${index + 1}`;
    const expected = minutesFingerprints.get(String(row.minutes_id));
    if (!expected || row.fingerprint !== expected) refuse(`${where}: it was not given for the minutes it belongs to.`);
    if (row.image !== null && row.image !== undefined && !drawnSignature.safeParse(row.image).success)
      refuse(`${where}: the drawn signature is not a picture the app made.`);
  });

  for (const [index, row] of rows('received_minutes').entries()) {
    const where = `In received minutes, record ${index + 1}`;
    const fingerprint = text(row.fingerprint);
    const pdf = text(row.pdf);
    if (!fingerprint || !pdf) refuse(`${where}: the minutes or their fingerprint are missing.`);
    let content: unknown;
    try {
      content = JSON.parse(text(row.content) ?? '');
    } catch {
      refuse(`${where}: their content is not readable.`);
    }
    if (!minutesContentSchema.safeParse(content).success) refuse(`${where}: their content is not minutes.`);
    await requireSealedPdf(Buffer.from(pdf, 'base64'), fingerprint, `${where}: the PDF`, refuse);
  }
}

/** A PDF whose every signature is valid and whose attached minutes.json has this fingerprint. */
async function requireSealedPdf(pdf: Buffer, fingerprint: string, what: string, refuse: (problem: string) => never) {
  const check = await checkPdfOffThread(pdf);
  if (!check.valid || !check.attachment) refuse(`${what} is not a valid sealed file.`);
  if (fingerprintOf(check.attachment) !== fingerprint) refuse(`${what} carries other minutes.`);
}
