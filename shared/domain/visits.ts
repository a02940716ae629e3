import { z } from 'zod';
import { optionalText, requiredText } from './fields';
import { optionalRecordId, recordId, type RecordTimes } from './ids';
import { looksLikeName, nameWarning } from './placements';

/**
 * Berridge and Brodie's thirteen quality-of-care variables, each with the question the paper asks
 * of it, word for word as "Re:thinking Children's Commissioning" prints them (page 19), slips and
 * all: they are prompts from the text, not this app's words.
 */
export const qualityOfCareVariables = [
  {
    number: 1,
    name: 'Quality of relationships between staff and young people',
    question:
      'The quality of interactions between staff and young people are they warm and caring, spending time with young people individually, talking about their concerns and problems?',
  },
  {
    number: 2,
    name: 'Degree of staff involvement with young people',
    question: 'The amount of time staff spend with young people rather than doing other duties.',
  },
  {
    number: 3,
    name: 'Child-centred or institution-oriented',
    question:
      'The balance of staff attention between children and needs, and maintenance of the organization. Does the smooth running of the home become an end in itself?',
  },
  { number: 4, name: 'Adequacy of educational environment', question: 'Is the home and activity stimulating?' },
  {
    number: 5,
    name: 'Care for minority ethnic groups',
    question: 'Is attention paid to culture, religion and language?',
  },
  { number: 6, name: 'Young people’s involvement', question: 'Are young people involved in the running of the home?' },
  { number: 7, name: 'Control problems', question: 'To what extent are there problems of behavioural management?' },
  { number: 8, name: 'Staff morale', question: 'Do staff seems to enjoy their work and being with young people?' },
  {
    number: 9,
    name: 'Focus of staff concerns',
    question:
      'narrower or wider? Do staff keep sight of the overall objectives or unduly preoccupied with events within the home?',
  },
  { number: 10, name: 'Emphasis on family contact', question: 'Do staff they take measures to enhance relationships?' },
  {
    number: 11,
    name: 'Community links',
    question:
      'Do young people have and maintain friends outside the home and regularly take part in community activities?',
  },
  {
    number: 12,
    name: 'Relationships with social workers',
    question: 'Have staff developed positive relationships? How much involvement do social workers show?',
  },
  {
    number: 13,
    name: 'Relationships with external professionals',
    question: 'To what extent have relationships developed?',
  },
] as const;
export type VariableNumber = (typeof qualityOfCareVariables)[number]['number'];

export const visitKinds = ['commissioner', 'independent', 'quality_review', 'other'] as const;
export type VisitKind = (typeof visitKinds)[number];
export const visitKindLabels: Record<VisitKind, string> = {
  commissioner: 'The commissioner’s visit',
  independent: 'An independent visitor’s visit (Regulation 44)',
  quality_review: 'The provider’s quality review (Regulation 45)',
  other: 'Another visit',
};

/** What a note is about: the home's daily life, or (the mirror) how the authority and the home relate. */
export const visitNoteAbouts = ['home', 'relationship'] as const;
export type VisitNoteAbout = (typeof visitNoteAbouts)[number];
export const visitNoteAboutLabels: Record<VisitNoteAbout, string> = {
  home: 'The home’s daily life',
  relationship: 'How the authority and the home relate',
};

export const visitNoteKinds = ['seen', 'heard_young_person', 'heard_staff', 'read_record', 'small_change'] as const;
export type VisitNoteKind = (typeof visitNoteKinds)[number];
export const visitNoteKindLabels: Record<VisitNoteKind, string> = {
  seen: 'Seen',
  heard_young_person: 'Heard from a young person',
  heard_staff: 'Heard from staff',
  read_record: 'Read in a record',
  small_change: 'A small change noticed',
};

/** The check-in's scale: 1 (not at all) to 5 (fully). */
export const ratingScale = [1, 2, 3, 4, 5] as const;

const visitor = z.strictObject({
  personId: optionalRecordId('Choose a person from the case book.').optional(),
  name: requiredText('Enter the visitor’s name.', 120),
});

/** Date and time as an ISO instant (what the form makes of the typed day and time). */
const visitedAt = z
  .string({ message: 'Enter when the visit was, for example 3/12/2026 at 10:30.' })
  .datetime({ offset: true, message: 'Enter when the visit was, for example 3/12/2026 at 10:30.' });

const visitFields = {
  homeId: recordId('Choose the home visited.'),
  visitedAt,
  kind: z.enum(visitKinds, { message: 'Choose what kind of visit this was.' }),
  purpose: optionalText(2000),
  visitors: z
    .array(visitor, { message: 'Say who visited.' })
    .min(1, 'Say who visited: a person from the case book, or a name.')
    .max(20, 'List at most 20 visitors.'),
  placementIds: z
    .array(recordId('Choose placements from the list.'), { message: 'Choose placements from the list.' })
    .max(50, 'Choose at most 50 placements.')
    .optional()
    .transform((ids) => [...new Set(ids ?? [])]),
};
export const newVisitSchema = z.strictObject(visitFields);
export const visitUpdateSchema = z.strictObject({ id: recordId('That visit could not be found.'), ...visitFields });
export const visitRef = z.strictObject({ visitId: recordId('That visit could not be found.') });

/** A reference for a young person heard from: initials or a case number, never a name. */
const youngPersonReference = z
  .string()
  .trim()
  .max(40, 'Keep the reference under 40 characters: initials or a case number.')
  .refine((value) => !looksLikeName(value), nameWarning)
  .optional()
  .transform((value) => value ?? '');

export const visitNoteSaveSchema = z
  .strictObject({
    /** Made by the renderer, so the first keystroke saves without waiting for an id. */
    id: recordId('That note could not be saved: its id is not valid.'),
    visitId: recordId('That visit could not be found.'),
    text: z.string({ message: 'A note is text.' }).max(20_000, 'Keep a note under 20,000 characters.'),
    variable: z
      .number({ message: 'Choose one of the thirteen variables.' })
      .int('Choose one of the thirteen variables.')
      .min(1, 'Choose one of the thirteen variables.')
      .max(13, 'Choose one of the thirteen variables.')
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    about: z
      .enum(visitNoteAbouts, { message: 'Choose the home’s daily life or the relationship.' })
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    kind: z
      .enum(visitNoteKinds, { message: 'Choose how this was noticed.' })
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    /** A record read: which one. */
    source: optionalText(1000),
    youngPerson: youngPersonReference,
    rating: z
      .number({ message: 'Rate from 1 to 5.' })
      .int('Rate from 1 to 5.')
      .min(1, 'Rate from 1 to 5.')
      .max(5, 'Rate from 1 to 5.')
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    reason: optionalText(2000),
  })
  .refine((note) => note.rating === null || note.variable !== null, {
    message: 'A rating is for one of the thirteen variables: choose the variable first.',
    path: ['rating'],
  });
export const visitNoteRef = z.strictObject({
  visitId: recordId('That visit could not be found.'),
  noteId: recordId('That note could not be found.'),
});

export interface Visitor {
  personId: string | null;
  name: string;
}

export interface VisitNote {
  id: string;
  visitId: string;
  text: string;
  variable: VariableNumber | null;
  about: VisitNoteAbout | null;
  kind: VisitNoteKind | null;
  source: string;
  youngPerson: string;
  rating: number | null;
  reason: string;
  createdAt: string;
  updatedAt: string;
}

export interface VisitSummary extends RecordTimes {
  id: string;
  homeId: string;
  homeName: string;
  visitedAt: string;
  kind: VisitKind;
  purpose: string;
  visitors: Visitor[];
  placements: { id: string; childReference: string }[];
  noteCount: number;
}

export interface Visit extends VisitSummary {
  notes: VisitNote[];
}

/** One rating of a variable at a visit, for the home's history. */
export interface VariableRating {
  variable: VariableNumber;
  visitId: string;
  visitedAt: string;
  rating: number;
  reason: string;
}
