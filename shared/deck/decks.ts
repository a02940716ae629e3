import { z } from 'zod';
import {
  FRAMEWORK_IDS,
  LENSES,
  PHASES,
  type FrameworkId,
  type PaperReference,
  type Phase,
  type Question,
} from './schema';

/**
 * Decks as the app shows them: the built-in deck (read-only) and the user's own decks, and the
 * inputs for changing them. Messages here are shown next to form fields, so each is a whole
 * sentence a person can act on.
 */

export interface DeckSummary {
  id: string;
  name: string;
  description: string;
  /** The built-in deck: it can be read, duplicated and exported, never changed. */
  readOnly: boolean;
  /** Cards in play (not retired). */
  cardCount: number;
  retiredCount: number;
}

export interface DeckCard {
  id: string;
  framework: FrameworkId;
  title: string;
  /** What the paper says, exactly as the paper says it; null for a card the deck's user wrote. */
  paper: PaperReference | null;
  phases: Phase[];
  questions: Question[];
  qualityStandards: number[];
  facilitatorNote: string | null;
  /** Kept, but not drawn or listed unless asked for. */
  retired: boolean;
}

export interface Deck extends DeckSummary {
  source: string;
  cards: DeckCard[];
}

export const deckIdSchema = z
  .string({ message: 'Choose a deck.' })
  .min(1, 'Choose a deck.')
  .max(100, 'That deck could not be found.');
export const cardIdSchema = z
  .string({ message: 'Choose a card.' })
  .min(1, 'Choose a card.')
  .max(100, 'That card could not be found.');

export const deckNameSchema = z
  .string({ message: 'Give the deck a name.' })
  .trim()
  .min(1, 'Give the deck a name.')
  .max(200, 'Keep the name under 200 characters.')
  .refine((value) => !/[\r\n]/.test(value), 'Keep the name on one line.');

const questionInputSchema = z.strictObject({
  phase: z.enum(PHASES, { message: 'Choose the phase this question is for.' }),
  lens: z
    .union([z.literal(''), z.enum(LENSES)], {
      message: 'Choose whether the question is about the home, the relationship, or neither.',
    })
    .optional()
    .transform((lens) => lens || undefined),
  text: z
    .string({ message: 'Write the question, or remove it.' })
    .trim()
    .min(1, 'Write the question, or remove it.')
    .max(600, 'Keep the question under 600 characters.'),
  /** Asked only when the card is carried on from an earlier stage (see the deck schema). */
  followUp: z
    .boolean()
    .optional()
    .transform((followUp) => (followUp ? (true as const) : undefined)),
});

const qualityStandardInput = z
  .union([z.number(), z.string()], { message: 'Choose Quality Standards from the list.' })
  .transform(Number)
  .pipe(
    z
      .number()
      .int('Choose Quality Standards from the list.')
      .min(6, 'Choose Quality Standards from the list.')
      .max(14, 'Choose Quality Standards from the list.'),
  );

/**
 * What a person can change on a card. A card serves the phases it has questions for, so its
 * phases follow from its questions (see `phasesOf`).
 */
export const cardContentFields = {
  title: z
    .string({ message: 'Give the card a title.' })
    .trim()
    .min(1, 'Give the card a title.')
    .max(120, 'Keep the title under 120 characters.')
    .refine((value) => !/[\r\n]/.test(value), 'Keep the title on one line.'),
  questions: z
    .array(questionInputSchema, { message: 'Add at least one question.' })
    .min(1, 'Add at least one question, for the phase it serves.')
    .max(40, 'A card holds at most 40 questions.'),
  qualityStandards: z
    .array(qualityStandardInput, { message: 'Choose Quality Standards from the list.' })
    .max(9, 'Choose Quality Standards from the list.')
    .transform((numbers) => [...new Set(numbers)].sort((a, b) => a - b)),
  facilitatorNote: z
    .string({ message: 'The facilitator’s note should be text.' })
    .trim()
    .max(2000, 'Keep the facilitator’s note under 2,000 characters.')
    .optional()
    .transform((note) => note || null),
};

export const frameworkChoiceSchema = z.enum(FRAMEWORK_IDS, { message: 'Choose the framework this card belongs to.' });

/** The card editor's form: a card from the paper keeps its framework; a user's own card chooses one. */
export const cardContentSchema = z.strictObject(cardContentFields);
export const ownCardContentSchema = z.strictObject({ ...cardContentFields, framework: frameworkChoiceSchema });
export type CardContent = z.output<typeof cardContentSchema>;

/** A card serves the phases it asks questions for, in the order of a review. */
export function phasesOf(questions: readonly { phase: Phase }[]): Phase[] {
  return PHASES.filter((phase) => questions.some((question) => question.phase === phase));
}

export const deckRef = z.strictObject({ deckId: deckIdSchema });
export const cardRef = z.strictObject({ deckId: deckIdSchema, cardId: cardIdSchema });

export const deckImportSchema = z.strictObject({
  /** The deck file's text, exactly as read from disk. */
  content: z
    .string({ message: 'Choose a deck file to import.' })
    .min(1, 'The chosen file is empty: it is not a deck file.')
    .max(10_000_000, 'The chosen file is too large to be a deck file.'),
});
