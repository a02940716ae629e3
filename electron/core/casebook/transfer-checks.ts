import { z } from 'zod';
import { cardIdSchema, deckIdSchema, deckNameSchema } from '@shared/deck/decks';
import {
  FRAMEWORK_IDS,
  PHASES,
  cardSchema,
  ownCardSchema,
  paperReferenceSchema,
  questionSchema,
} from '@shared/deck/schema';
import { isoDate, requiredText } from '@shared/domain/fields';
import { ofstedJudgements, newHomeSchema, ofstedUrn } from '@shared/domain/homes';
import { recordId } from '@shared/domain/ids';
import {
  drawnSignature,
  minutesContentSchema,
  minutesStatuses,
  proseSchema,
  receivedSignatureSchema,
  sharingSchema,
  signSchema,
} from '@shared/domain/minutes';
import { organisationKinds } from '@shared/domain/organisations';
import { newPersonSchema } from '@shared/domain/people';
import { childReference, newPlacementSchema, placementStatuses } from '@shared/domain/placements';
import { reviewScopes, reviewStatuses } from '@shared/domain/reviews';
import {
  actionStatuses,
  actionUpdateSchema,
  cardStateSchema,
  checkinSchema,
  noteKinds,
  noteSaveSchema,
  participantSchema,
  planSchema,
  sides,
  stages,
  turnSides,
} from '@shared/domain/sessions';
import type { TransferFile } from '@shared/domain/transfer';
import {
  newVisitSchema,
  visitKinds,
  visitNoteAbouts,
  visitNoteKinds,
  visitNoteSaveSchema,
} from '@shared/domain/visits';
import { anchorKeyName } from '@core/audit-anchor';
import type { TableName } from '@core/db/sql';
import { fingerprintOf } from '@core/signing/certificate';
import { checkPdfOffThread } from '@core/signing/off-thread';

type Row = Record<string, unknown>;

/** The tables a transfer file carries: every case-book table but this device's signing identities. */
export type TransferTable = Exclude<TableName, 'signing_identities'>;

// ---------------------------------------------------------------------------------------------
// What each column may hold, as the API's own schemas (or the code that reads it back) say.

/** JSON text, read with the schema the code that reads the column relies on. */
function json(schema: z.ZodType) {
  return z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'This is not readable JSON.' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const id = recordId('This is not a record id the app makes.');
const instant = z.iso.datetime({ offset: true, message: 'This is not a date and time as the app writes them.' });
const date = isoDate('This is not a date as the app writes them (YYYY-MM-DD).');
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'This is not a fingerprint (64 letters a to f and digits).');
const text = (max: number) => z.string().max(max, `This is longer than ${max.toLocaleString('en-GB')} characters.`);
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.number().int('This should be a whole number.').min(min).max(max);
const flag = z.union([z.literal(0), z.literal(1)], { message: 'This should be 0 or 1.' });
const times = { created_at: instant, updated_at: instant };
const archivable = { ...times, archived_at: instant.nullable() };

/** A drawn card kept with its review, as the session reads it (a DeckCard): its words and its questions. */
const drawnCardSchema = z.object({
  id: z.string().max(200),
  framework: z.enum(FRAMEWORK_IDS),
  title: z.string().max(200),
  paper: paperReferenceSchema.nullable(),
  phases: z.array(z.enum(PHASES)),
  questions: z.array(questionSchema),
  qualityStandards: z.array(z.number()),
  facilitatorNote: z.string().nullable(),
  retired: z.boolean(),
});

/** A draft's prose as the minutes read it: any of the parts minutes.saveProse writes. */
const storedProseSchema = proseSchema.omit({ minutesId: true }).partial();

/** A card in a deck of the user's own, as a deck file holds it: from the paper, or the user's own. */
const storedCardSchema = z.union([cardSchema, ownCardSchema], { message: 'This is not a card as a deck holds it.' });

/** A preference's value, by its key; a key the app does not know is refused. */
export const preferenceSchemas: Record<string, z.ZodType> = { 'minutes.sharing': sharingSchema };

/**
 * Every column of every table a transfer file carries, with what it may hold. A table or a column
 * missing here fails test/core/transfer-rows.test.ts: a new one cannot be forgotten.
 */
export const transferColumnChecks: Record<TransferTable, Record<string, z.ZodType>> = {
  organisations: {
    id,
    name: requiredText('This should be the organisation’s name.'),
    kind: z.enum(organisationKinds),
    ...archivable,
  },
  homes: {
    id,
    provider_id: id,
    name: requiredText('This should be the home’s name.'),
    ofsted_urn: ofstedUrn,
    ...archivable,
    registered_places: wholeNumber(1, 100).nullable(),
    ofsted_judgement: z.enum(ofstedJudgements).nullable(),
    ofsted_judgement_date: date.nullable(),
    reg44_visit_date: date.nullable(),
    reg45_review_date: date.nullable(),
  },
  people: {
    id,
    name: newPersonSchema.shape.name,
    role: text(120),
    organisation_id: id.nullable(),
    email: z.email('This is not an email address.').nullable(),
    phone: newPersonSchema.shape.phone,
    ...archivable,
  },
  placements: {
    id,
    home_id: id,
    placing_authority_id: id,
    child_reference: childReference,
    start_date: date.nullable(),
    end_date: date.nullable(),
    status: z.enum(placementStatuses),
    ...archivable,
  },
  decks: {
    id: deckIdSchema,
    name: deckNameSchema,
    description: text(2000),
    source: text(1000),
    ...times,
  },
  deck_cards: {
    deck_id: deckIdSchema,
    id: cardIdSchema,
    position: wholeNumber(0),
    own: flag,
    retired: flag,
    content: json(storedCardSchema),
    ...times,
  },
  reviews: {
    id,
    scope: z.enum(reviewScopes),
    home_id: id.nullable(),
    placement_id: id.nullable(),
    commissioner_id: id,
    provider_id: id,
    title: text(1000),
    scheduled_for: instant,
    place: text(200),
    purpose: text(2000),
    affirmative_topic: text(500),
    status: z.enum(reviewStatuses),
    next_review_date: date.nullable(),
    ...archivable,
    deck_id: deckIdSchema.nullable(),
    apologies: text(1000),
    time_boxes: json(planSchema.shape.timeBoxes.partial()),
    stage: z.enum(stages),
    turn: z.enum(turnSides),
    timer_started_at: instant.nullable(),
    timer_elapsed_ms: wholeNumber(0),
    timer_extra_ms: wholeNumber(0),
    concluded_at: instant.nullable(),
  },
  notes: {
    id,
    review_id: id,
    phase: z.enum(stages),
    card_id: text(200).nullable(),
    side: z.enum(sides),
    kind: z.enum(noteKinds),
    text: text(20_000),
    ...times,
    deleted_at: instant.nullable(),
    no_action_reason: text(2000).nullable(),
    source: text(1000),
    commissioner_view: text(10_000),
    provider_view: text(10_000),
    visit_note_id: id.nullable(),
  },
  participants: {
    id,
    review_id: id,
    person_id: id.nullable(),
    name: participantSchema.shape.name,
    role: text(120),
    organisation: text(200),
    side: z.enum(sides),
    attendance: participantSchema.shape.attendance,
    created_at: instant,
  },
  review_cards: {
    id,
    review_id: id,
    card_id: text(200),
    stage: z.enum(stages),
    state: cardStateSchema.shape.state,
    drawn_at: instant,
    carried_from: id.nullable(),
    card: json(drawnCardSchema).nullable(),
  },
  checkins: {
    review_id: id,
    side: z.enum(turnSides),
    ratings: json(checkinSchema.shape.ratings),
    submitted_at: instant,
  },
  actions: {
    id,
    review_id: id,
    text: requiredText('Say what will be done.', 1000),
    owner_person_id: id.nullable(),
    owner_side: z.enum(sides).nullable(),
    due_date: date.nullable(),
    note_id: id.nullable(),
    card_id: text(200).nullable(),
    ...times,
    deleted_at: instant.nullable(),
  },
  action_updates: {
    action_id: id,
    review_id: id,
    status: z.enum(actionStatuses),
    reason: text(1000),
    updated_at: instant,
  },
  minutes: {
    id,
    review_id: id,
    version: wholeNumber(1),
    status: z.enum(minutesStatuses),
    ...times,
    prose: json(storedProseSchema),
    canonical: json(minutesContentSchema).nullable(),
    fingerprint: hex64.nullable(),
    locked_at: instant.nullable(),
    sealed_at: instant.nullable(),
    // Sealed and countersigned PDFs are checked for what they are below, with the content they carry.
    sealed_pdf: z.string().nullable(),
    sealed_by: text(1000).nullable(),
    amends_id: id.nullable(),
    seal_key: hex64.nullable(),
    countersigned_pdf: z.string().nullable(),
  },
  signatures: {
    id,
    minutes_id: id,
    side: z.enum(sides),
    name: signSchema.shape.name,
    role: text(120),
    organisation: text(200),
    image: drawnSignature.nullable(),
    statement: text(1000),
    fingerprint: hex64,
    signed_at: instant,
  },
  organisation_keys: {
    id,
    organisation: text(200),
    fingerprint: hex64,
    subject: text(1000),
    source: z.enum(['this_computer', 'imported_certificate', 'received', 'confirmed']),
    added_at: instant,
  },
  countersignatures: {
    id,
    minutes_id: id,
    signer: text(1000),
    organisation: text(1000),
    fingerprint: hex64,
    signed_at: instant.nullable(),
    imported_at: instant,
  },
  received_minutes: {
    id,
    file_name: text(300),
    // Checked below as a sealed file carrying this content.
    pdf: z.string(),
    fingerprint: hex64,
    sealed_by: text(1000),
    sealed_at: instant.nullable(),
    title: text(100_000),
    content: json(minutesContentSchema),
    home_id: id.nullable(),
    placement_id: id.nullable(),
    received_at: instant,
    signatures: json(z.array(receivedSignatureSchema)),
    countersigned_at: instant.nullable(),
  },
  preferences: {
    key: text(200).min(1),
    // Checked by its key below (preferenceSchemas).
    value: json(z.unknown()),
    updated_at: instant,
  },
  visits: {
    id,
    home_id: id,
    visited_at: instant,
    kind: z.enum(visitKinds),
    purpose: text(2000),
    visitors: json(newVisitSchema.shape.visitors),
    ...archivable,
  },
  visit_placements: { visit_id: id, placement_id: id },
  visit_notes: {
    id,
    visit_id: id,
    text: text(20_000),
    variable: wholeNumber(1, 13).nullable(),
    about: z.enum(visitNoteAbouts).nullable(),
    kind: z.enum(visitNoteKinds).nullable(),
    source: text(1000),
    young_person: visitNoteSaveSchema.shape.youngPerson,
    rating: wholeNumber(1, 5).nullable(),
    reason: text(2000),
    ...times,
    deleted_at: instant.nullable(),
  },
  audit_log: {
    seq: wholeNumber(1),
    at: instant,
    action: text(200),
    subject_kind: text(200),
    subject_id: text(200),
    detail: json(z.record(z.string(), z.unknown())),
    previous_hash: hex64,
    hash: hex64,
  },
};

/** A record's fields as the API's input names them, for the rules that span fields. */
type RowInput = (row: Row) => Record<string, unknown>;

/**
 * Tables whose records the API makes from one input: each record must pass that input's schema
 * whole, so the rules that span fields (a judgement with its date, an ended placement with its end
 * date, a dropped action with its reason, a rating with its variable) hold for restored records too.
 * A field is named back as its column (childReference as child_reference).
 */
export const transferInputChecks: Partial<Record<TransferTable, { schema: z.ZodType; input: RowInput }>> = {
  homes: {
    schema: newHomeSchema,
    input: (row) => ({
      providerId: row.provider_id,
      name: row.name,
      ofstedUrn: row.ofsted_urn,
      registeredPlaces: row.registered_places,
      ofstedJudgement: row.ofsted_judgement,
      ofstedJudgementDate: row.ofsted_judgement_date,
      reg44VisitDate: row.reg44_visit_date,
      reg45ReviewDate: row.reg45_review_date,
    }),
  },
  placements: {
    schema: newPlacementSchema,
    input: (row) => ({
      homeId: row.home_id,
      placingAuthorityId: row.placing_authority_id,
      childReference: row.child_reference,
      startDate: row.start_date,
      endDate: row.end_date,
      status: row.status,
    }),
  },
  action_updates: {
    schema: actionUpdateSchema,
    input: (row) => ({ reviewId: row.review_id, actionId: row.action_id, status: row.status, reason: row.reason }),
  },
  notes: {
    schema: noteSaveSchema,
    input: (row) => ({
      id: row.id,
      reviewId: row.review_id,
      stage: row.phase,
      cardId: row.card_id,
      side: row.side,
      kind: row.kind,
      text: row.text,
      source: row.source,
      commissionerView: row.commissioner_view,
      providerView: row.provider_view,
      visitNoteId: row.visit_note_id,
    }),
  },
  visit_notes: {
    schema: visitNoteSaveSchema,
    input: (row) => ({
      id: row.id,
      visitId: row.visit_id,
      text: row.text,
      variable: row.variable,
      about: row.about,
      kind: row.kind,
      source: row.source,
      youngPerson: row.young_person,
      rating: row.rating,
      reason: row.reason,
    }),
  },
};

const label = (table: string) => table.replace(/_/g, ' ');
const columnOf = (field: PropertyKey) =>
  ({ stage: 'phase' })[String(field)] ?? String(field).replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

const described: Partial<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a set of named fields',
  record: 'a set of named fields',
  array: 'a list',
  null: 'empty',
};

/** An issue in plain words: the schema's own message when it has one, or what is wrong in general. */
function plainWords(issue: z.core.$ZodIssue, value: unknown): string {
  if (!/^(Invalid|Unrecognized|Too (big|small))/.test(issue.message)) return issue.message;
  const at = issue.path.reduce<unknown>(
    (held, key) =>
      held !== null && typeof held === 'object' ? (held as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );
  switch (issue.code) {
    case 'invalid_type':
      return at === undefined ? 'This is missing.' : `This should be ${described[issue.expected] ?? issue.expected}.`;
    case 'unrecognized_keys':
      return `This has ${issue.keys.length > 1 ? 'fields' : 'a field'} the app does not know (${issue.keys.join(', ')}).`;
    case 'invalid_value':
    case 'invalid_union':
      return 'This is not one of the values the app knows.';
    case 'too_big':
      return 'This is too long or too large.';
    case 'too_small':
      return 'This is too short or too small.';
    default:
      return 'This is not in the form the app writes.';
  }
}

/** Where an issue is: the column, then the place inside its JSON. */
function placeOf(column: string, path: readonly PropertyKey[]): string {
  return [column, ...path.map(String)].join(' › ');
}

/** What a JSON column (or one whose schema speaks to a person at a form) should hold, in words. */
const meanings: Partial<Record<`${TransferTable}.${string}`, string>> = {
  'deck_cards.content': 'the card is not a card as a deck holds it',
  'reviews.time_boxes': 'the time boxes are not minutes for the review’s stages',
  'review_cards.card': 'the card kept with the review is not a card',
  'checkins.ratings': 'the ratings are not the four ratings a check-in gives',
  'minutes.prose': 'the draft’s words are not as the minutes keep them',
  'minutes.canonical': 'their content is not minutes',
  'signatures.image': 'the drawn signature is not a picture the app made',
  'received_minutes.content': 'their content is not minutes',
  'received_minutes.signatures': 'the signatures found on them are not a list of signatures',
  'preferences.value': 'the preference is not one the app can read',
  'visits.visitors': 'the visitors are not a list of names',
  'audit_log.detail': 'the entry’s details are not a set of named fields',
};

/** The words for a refused column: what it should hold, where in it the problem is, and what it is. */
function problemIn(table: TransferTable, column: string, issue: z.core.$ZodIssue, value: unknown): string {
  const meaning = meanings[`${table}.${column}`];
  const words = plainWords(issue, value);
  if (!meaning) return `${placeOf(column, issue.path)}: ${words}`;
  return `${column}: ${meaning}.${issue.path.length ? ` At ${issue.path.map(String).join(' › ')}:` : ''} ${words}`;
}

/**
 * Every record of every table, column by column, then whole where the API makes it from one input:
 * `refuse` is called with the first problem, naming the table, the record and the column.
 */
export function checkTransferColumns(file: TransferFile, refuse: (problem: string) => never): void {
  for (const [table, columns] of Object.entries(transferColumnChecks) as [TransferTable, Record<string, z.ZodType>][]) {
    const rows = (file.tables[table] ?? []) as Row[];
    rows.forEach((row, index) => {
      const where = `In ${label(table)}, record ${index + 1}`;
      for (const [column, value] of Object.entries(row)) {
        const schema = columns[column];
        if (!schema) refuse(`${where}: ${column} is not a column the app knows.`);
        if (value === undefined) continue;
        const result = schema.safeParse(value);
        if (!result.success) {
          const issue = result.error.issues[0]!;
          const read = typeof value === 'string' && issue.path.length ? parsed(value) : value;
          refuse(`${where}, ${problemIn(table, column, issue, read)}`);
        }
      }
      if (table === 'preferences' && row.key !== anchorKeyName) {
        const schema = preferenceSchemas[String(row.key)];
        if (!schema) refuse(`${where}, key: “${String(row.key)}” is not a preference the app knows.`);
        const value = parsed(row.value);
        const result = schema.safeParse(value);
        if (!result.success) {
          const issue = result.error.issues[0]!;
          refuse(`${where}, ${problemIn(table, 'value', issue, value)}`);
        }
      }
      const check = transferInputChecks[table];
      if (check) {
        const input = check.input(row);
        // A column an older file lacks takes its default: the API's schema sees it as not given.
        for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
        const result = check.schema.safeParse(input);
        if (!result.success) {
          const issue = result.error.issues[0]!;
          const [field, ...rest] = issue.path;
          const place = field === undefined ? 'the record' : placeOf(columnOf(field), rest);
          refuse(`${where}, ${place}: ${plainWords(issue, input)}`);
        }
      }
      if (table === 'deck_cards' && typeof row.content === 'string' && row.id !== undefined) {
        const content = parsed(row.content) as { id?: unknown };
        if (content.id !== row.id) refuse(`${where}, content: the card it holds is not the card with this id.`);
      }
    });
  }
}

/** JSON text as a value, or undefined when it is not JSON. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * What a transfer file's records mean, checked as the API checks what it is given, before
 * anything is written: `refuse` is called with the first problem, in words.
 *
 * - Every column of every record holds what the app writes there (checkTransferColumns): ids,
 *   dates, choices from a list, and JSON read with the schema the code that reads it relies on;
 *   records the API makes from one input pass that input's schema whole.
 * - Locked minutes hold canonical content the minutes schema reads, whose SHA-256 is their
 *   fingerprint; a sealed or countersigned PDF is valid and carries that same content.
 * - A signature was given for its minutes' fingerprint, and a drawn one is a real PNG.
 * - Received minutes are a valid PDF carrying the content they say they carry.
 */
export async function checkTransferRecords(file: TransferFile, refuse: (problem: string) => never): Promise<void> {
  const rows = (table: string) => (file.tables[table] ?? []) as Row[];
  const text = (value: unknown) => (typeof value === 'string' ? value : null);

  checkTransferColumns(file, refuse);

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
