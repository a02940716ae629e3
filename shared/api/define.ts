import { z } from 'zod';

/**
 * What a method does to the case book:
 * - reads: only reads it;
 * - writes: changes it, and the router records the change in the audit log in the same
 *   transaction (so its handler answers at once: a promise here is a type error);
 * - audits: changes it and records its own, fuller audit entries (what was signed, sealed or
 *   exported), or records at its own moments (a note saved as it is typed; the vault).
 */
export type Effect = 'reads' | 'writes' | 'audits';

/** Carries an output type without any runtime cost. */
export function returns<T>(): T {
  return undefined as T;
}

/** One API method: what it does to the case book, what it is for, its input schema and its output type. */
export function method<E extends Effect, I extends z.ZodType, O>(effect: E, description: string, input: I, output: O) {
  return { effect, description, input, output };
}

/** The input of a method that takes none. */
export const noInput = z.strictObject({});
