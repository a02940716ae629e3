import { z } from 'zod';
import { optionalText } from './fields';
import { recordId } from './ids';
import { actionStatuses, noteKinds, sides, stages as sessionStages } from './sessions';
import { visitKinds } from './visits';

export const minutesFormat = 'relational-review-minutes';
export const minutesFormatVersion = 2;
export const agreementStatement = 'I agree these minutes are an accurate record of the meeting.';
export const proseStages = ['discover', 'dream', 'design', 'deliver'] as const;
export type ProseStage = (typeof proseStages)[number];

const text = z.string().max(100_000);
const person = z.object({ name: text, role: text, organisation: text, side: z.enum(sides) });

/**
 * What a version of the minutes says. Once locked, this is written as canonical JSON, fingerprinted
 * and attached inside the sealed PDF: another installation reads it back with this schema.
 */
export const minutesContentSchema = z.object({
  format: z.literal(minutesFormat),
  // Version 2 added threads, notes tied to cards, evidence's sources and agreed disagreements;
  // minutes sealed as version 1 read the same way without them.
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  reviewId: z.string(),
  version: z.number().int().min(1),
  amends: z.object({ version: z.number().int(), fingerprint: z.string() }).nullable(),
  title: text,
  scope: z.enum(['home', 'placement', 'relationship']),
  subject: z.object({
    home: z.object({ name: text, ofstedUrn: text }).nullable(),
    childReference: text.nullable(),
    commissioner: text,
    provider: text,
  }),
  scheduledFor: text,
  place: text,
  present: z.array(person),
  apologies: z.array(person),
  apologiesNote: text,
  purpose: text,
  affirmativeTopic: text,
  summary: text,
  mattersArising: z.array(
    z.object({
      text,
      owner: text,
      dueDate: text.nullable(),
      status: z.enum(actionStatuses),
      reason: text,
      fromReview: text,
    }),
  ),
  checkin: z
    .array(
      z.object({
        feature: text,
        commissioner: z.object({ score: z.number(), word: text }),
        provider: z.object({ score: z.number(), word: text }),
      }),
    )
    .nullable(),
  stages: z.array(
    z.object({
      // Every stage with notes or cards, Define to Close; the four with written words always.
      stage: z.enum(sessionStages),
      summary: text,
      cards: z.array(z.object({ id: text, title: text, carriedFrom: z.enum(sessionStages).nullable().optional() })),
      notes: z.array(
        z.object({
          side: z.enum(sides),
          kind: z.enum(noteKinds),
          text,
          /** The card the note is about, by id and title. */
          card: z.object({ id: text, title: text }).nullable().optional(),
          /** Evidence: where it was seen, read or measured. */
          source: text.optional(),
          /** Brought into the room from a note taken at a visit since the last review. */
          fromVisit: z
            .object({ visitedAt: text, kind: z.enum(visitKinds) })
            .nullable()
            .optional(),
        }),
      ),
    }),
  ),
  concerns: z.array(z.object({ text, side: z.enum(sides), actions: z.array(text), noActionReason: text.nullable() })),
  /** The visits to the home since the review before, each with how many notes were taken. */
  visits: z
    .array(
      z.object({
        visitedAt: text,
        kind: z.enum(visitKinds),
        home: text,
        visitors: z.array(text),
        purpose: text,
        notes: z.number().int().min(0),
      }),
    )
    .optional(),
  /** What the two sides agreed they disagree about, each side's view kept. */
  disagreements: z
    .array(
      z.object({
        stage: z.enum(sessionStages),
        subject: text,
        commissionerView: text,
        providerView: text,
        card: z.object({ id: text, title: text }).nullable(),
      }),
    )
    .optional(),
  actions: z.array(z.object({ text, owner: text, dueDate: text.nullable() })),
  nextReviewDate: text.nullable(),
});
export type MinutesContent = z.infer<typeof minutesContentSchema>;

export const minutesStatuses = ['draft', 'locked', 'sealed'] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];

export interface MinutesSignature {
  id: string;
  side: (typeof sides)[number];
  name: string;
  role: string;
  organisation: string;
  /** A drawn signature as a PNG data URL; null when the signer typed their name instead. */
  image: string | null;
  statement: string;
  fingerprint: string;
  signedAt: string;
}

export interface MinutesVersion {
  id: string;
  reviewId: string;
  version: number;
  status: MinutesStatus;
  content: MinutesContent;
  fingerprint: string | null;
  lockedAt: string | null;
  sealedAt: string | null;
  sealedBy: string | null;
  /** SHA-256 of the certificate that sealed them. */
  sealKey: string | null;
  /** The other organisation's countersignatures, from the countersigned file imported back. */
  countersignatures: Countersignature[];
  signatures: MinutesSignature[];
  /** Sides still to sign before the minutes can be sealed. */
  awaiting: ('commissioner' | 'provider')[];
  audit: { at: string; action: string; detail: Record<string, unknown> }[];
  /** Words that may be a child's first name: to confirm before sealing (none once sealed). */
  possibleNames: PossibleName[];
}

const minutesId = recordId('Those minutes could not be found.');
export const minutesRef = z.strictObject({ minutesId });

export const proseSchema = z.strictObject({
  minutesId,
  summary: optionalText(20_000),
  discover: optionalText(20_000),
  dream: optionalText(20_000),
  design: optionalText(20_000),
  deliver: optionalText(20_000),
});

/** Whether base64 text starts as a PNG does: its signature, then an IHDR of a sane size. */
function isPng(base64: string): boolean {
  let head: string;
  try {
    head = atob(base64.slice(0, 44));
  } catch {
    return false;
  }
  const byte = (index: number) => head.charCodeAt(index);
  const word = (index: number) =>
    ((byte(index) << 24) | (byte(index + 1) << 16) | (byte(index + 2) << 8) | byte(index + 3)) >>> 0;
  const width = word(16);
  const height = word(20);
  return (
    head.startsWith('\x89PNG\r\n\x1a\n') &&
    word(8) === 13 &&
    head.slice(12, 16) === 'IHDR' &&
    width > 0 &&
    height > 0 &&
    width <= 8000 &&
    height <= 8000
  );
}

const pngPrefix = 'data:image/png;base64,';

/** A PNG from the signature pad, kept small: checked as a PNG, not only by its label. */
export const drawnSignature = z
  .string()
  .max(400_000, 'That signature drawing is too large. Clear it and sign again.')
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'The drawn signature could not be read. Clear it and sign again.')
  .refine(
    (image) => isPng(image.slice(pngPrefix.length)),
    'The drawn signature could not be read. Clear it and sign again.',
  );

export const signSchema = z.strictObject({
  minutesId,
  side: z.enum(sides, { message: 'Choose which side you sign for.' }),
  name: z
    .string({ message: 'Type your full name.' })
    .trim()
    .min(2, 'Type your full name.')
    .max(120, 'Keep your name under 120 characters.'),
  role: optionalText(120),
  organisation: optionalText(200),
  image: drawnSignature.nullable(),
  agreed: z.literal(true, { message: 'Tick to agree that these minutes are an accurate record of the meeting.' }),
  /** The fingerprint the signer saw: signing is refused if the minutes have changed since. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'These minutes have changed. Read them again before signing.'),
});

export const sealSchema = z.strictObject({
  minutesId,
  /** The organisation sealing: its installation identity (or an imported certificate) signs the PDF. */
  organisation: z
    .string({ message: 'Choose the organisation that seals the minutes.' })
    .trim()
    .min(1, 'Choose the organisation that seals the minutes.')
    .max(200),
  /** Words the person confirmed are not a child's name, from those the minutes flagged. */
  notChildNames: z.array(z.string().max(60)).max(500).default([]),
});

const pdfFile = z
  .string({ message: 'Choose a PDF file.' })
  .min(1, 'Choose a PDF file.')
  .max(70_000_000, 'That file is too large to be minutes (over 50 MB).')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'That file could not be read.');
export const verifySchema = z.strictObject({ pdf: pdfFile });
const keyFingerprint = z
  .string({ message: 'Enter the fingerprint: 64 letters and digits.' })
  .transform((text) => text.replace(/[\s:]/g, '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, 'A fingerprint is 64 letters (a to f) and digits. Check it and try again.'));
export const importSchema = z.strictObject({
  pdf: pdfFile,
  fileName: z.string().max(300).default('minutes.pdf'),
  /** Keys the person has confirmed, fingerprint shown, for this import. */
  acceptKeys: z.array(keyFingerprint).max(16).default([]),
});
export const countersignSchema = z.strictObject({
  receivedId: recordId('Those minutes could not be found.'),
  organisation: z
    .string({ message: 'Choose the organisation that countersigns.' })
    .trim()
    .min(1, 'Choose the organisation that countersigns.')
    .max(200),
});
export const receivedRef = z.strictObject({ receivedId: recordId('Those minutes could not be found.') });
export const confirmKeySchema = z.strictObject({
  organisation: z
    .string({ message: 'Enter the organisation this key seals for.' })
    .trim()
    .min(1, 'Enter the organisation this key seals for.')
    .max(200),
  fingerprint: keyFingerprint,
});
export const keysSchema = z.strictObject({ organisation: z.string().max(200).optional() });

/** Whether a key that made a signature is one this case book knows for the organisation it names. */
export const keyStatuses = ['known', 'new', 'unknown', 'other_organisation'] as const;
export type KeyStatus = (typeof keyStatuses)[number];

export interface SignatureReport {
  /** 1 for the seal; later ones are countersignatures, in the order they were made. */
  index: number;
  kind: 'certification' | 'approval' | 'timestamp';
  /** As the signer's certificate gives them. */
  signer: string;
  organisation: string;
  /** SHA-256 of the signer's certificate, lower-case hex. */
  fingerprint: string;
  signedAt: string | null;
  algorithm: string;
  /** The signature is intact and nothing but signatures was added after it. */
  valid: boolean;
  /** In plain words, when not valid. */
  problem: string | null;
  /** What changed after this signature, in plain words. */
  changedAfter: string[];
  /** known: this case book knows the key for that organisation; new: it knows that organisation by another key;
   * unknown: never seen; other_organisation: known, but for another organisation. */
  key: KeyStatus;
  /** For other_organisation: who this case book knows the key for. */
  knownFor: string | null;
}

export interface VerifyReport {
  /** Every signature intact, nothing changed after sealing. Says nothing yet of whether the keys are known. */
  valid: boolean;
  /** In plain words: why not, when not valid. */
  reason: string | null;
  signatures: SignatureReport[];
  /** The seal (the first signature), as its certificate gives it. */
  sealedBy: { commonName: string; organisation: string } | null;
  sealedAt: string | null;
  /** The fingerprint of the minutes inside; only for a valid file. */
  fingerprint: string | null;
  /** The minutes version in this case book with the same fingerprint; only for a valid file. */
  matches: { reviewId: string; title: string; version: number } | null;
  /** Fingerprints of keys that are new or never seen: confirm them before importing. */
  keysToConfirm: string[];
}

/** A signature found on received minutes, as the case book keeps their list (received_minutes.signatures). */
export const receivedSignatureSchema = z.object({
  signer: z.string().max(1000),
  organisation: z.string().max(1000),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ReceivedSignature = z.infer<typeof receivedSignatureSchema>;

export interface ReceivedMinutes {
  id: string;
  fileName: string;
  title: string;
  fingerprint: string;
  sealedBy: string;
  sealedAt: string | null;
  homeId: string | null;
  placementId: string | null;
  receivedAt: string;
  /** The two organisations the minutes are between. */
  commissioner: string;
  provider: string;
  signatures: ReceivedSignature[];
  /** When this case book countersigned them, if it has. */
  countersignedAt: string | null;
}

export interface ImportResult {
  /** What happened, in plain words. */
  message: string;
  /** Minutes from the other organisation, kept apart. */
  received: ReceivedMinutes | null;
  /** This case book's own minutes, come back countersigned. */
  countersigned: { reviewId: string; minutesId: string; version: number } | null;
}

export interface OrganisationKey {
  id: string;
  organisation: string;
  fingerprint: string;
  subject: string;
  source: 'this_computer' | 'imported_certificate' | 'received' | 'confirmed';
  addedAt: string;
}

export interface Countersignature {
  signer: string;
  organisation: string;
  fingerprint: string;
  signedAt: string | null;
  importedAt: string;
}

export interface MinutesExport {
  files: { fileName: string; mediaType: string; base64: string }[];
  /** Where the desktop app saved them; null when the files are to be downloaded. */
  savedTo: string | null;
}

export const importIdentitySchema = z.strictObject({
  organisation: z
    .string({ message: 'Enter the organisation this certificate belongs to.' })
    .trim()
    .min(1, 'Enter the organisation this certificate belongs to.')
    .max(200),
  p12: z
    .string({ message: 'Choose a certificate file (.p12 or .pfx).' })
    .min(1, 'Choose a certificate file (.p12 or .pfx).')
    .max(1_000_000, 'That file is too large to be a certificate.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'That file could not be read.'),
  password: z.string({ message: 'Enter the certificate’s password.' }).max(500),
});

export interface SigningIdentitySummary {
  id: string;
  organisation: string;
  kind: 'installation' | 'imported';
  subject: string;
  certificateFingerprint: string;
  createdAt: string;
}

export const signaturesFormat = 'relational-review-signatures';

/**
 * Who agreed the minutes, attached beside minutes.json as signatures.json so that the
 * machine-readable record names its signers and its seal. The PDF's seal covers it.
 */
export const signaturesRecordSchema = z.object({
  format: z.literal(signaturesFormat),
  formatVersion: z.literal(1),
  minutes: z.object({ reviewId: z.string(), version: z.number().int().min(1), fingerprint: z.string() }),
  signatures: z.array(
    z.object({
      name: text,
      role: text,
      organisation: text,
      side: z.enum(sides),
      statement: text,
      signedAt: text,
      /** The fingerprint of the content they signed: the minutes' own, or the signature is not theirs. */
      signedFingerprint: z.string(),
      method: z.enum(['drawn', 'typed']),
    }),
  ),
  seal: z.object({ organisation: text, sealedBy: text, keyFingerprint: z.string(), sealedAt: text }),
  /**
   * The sealing case book's audit trail as it stood just before the seal: its last entry's number
   * and hash. The trail must still hold that entry later, or it was cut back.
   */
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
export type SignaturesRecord = z.infer<typeof signaturesRecordSchema>;

/** How email drafts of the minutes are written. */
export const sharingSchema = z.strictObject({
  /** Signs the covering note; the sealing organisation's name when empty. */
  senderName: optionalText(120),
  /** Off unless chosen: mail leaves the app, so the Subject and file name name no child. */
  childReferenceInEmail: z.boolean({ message: 'Choose whether the email names the child’s reference.' }),
});
export type SharingPreferences = z.output<typeof sharingSchema>;
export const defaultSharing: SharingPreferences = { senderName: '', childReferenceInEmail: false };

/** A word in the minutes that may be a child's first name, and where it is. */
export interface PossibleName {
  word: string;
  where: string[];
}
