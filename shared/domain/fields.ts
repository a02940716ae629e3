import { z } from 'zod';

/** Field schemas used by several forms, with messages a person can act on. */

const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

/** A calendar date as YYYY-MM-DD (what a date input gives). */
export function isoDate(message = 'Enter a real date, for example 27 March 2026.') {
  return z
    .string({ message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(isRealDate, message);
}

/** A date that may be left empty: '' or null become null. */
export function optionalDate(message?: string) {
  return z.union([z.literal(''), z.null(), isoDate(message)], { message }).transform((value) => value || null);
}

/** Required single-line text, trimmed. */
export function requiredText(emptyMessage: string, max = 200) {
  return z
    .string({ message: emptyMessage })
    .trim()
    .min(1, emptyMessage)
    .max(max, `Keep this under ${max} characters.`)
    .refine((value) => !/[\r\n]/.test(value), 'Keep this on one line.');
}

/** Optional text, trimmed; empty stays ''. */
export function optionalText(max = 2000) {
  return z
    .string({ message: 'This should be text.' })
    .trim()
    .max(max, `Keep this under ${max} characters.`)
    .optional()
    .transform((value) => value ?? '');
}

/** An optional choice from a list: '' or null become null. */
export function optionalChoice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .union([z.literal(''), z.null(), z.enum(values, { message })], { message })
    .transform((value) => value || null);
}

/** A whole number in a range, or empty; accepts what a number input gives as text. */
export function optionalWholeNumber(min: number, max: number, message: string) {
  return z
    .union([z.literal(''), z.null(), z.number({ message }), z.string({ message }).regex(/^\s*\d+\s*$/, message)], {
      message,
    })
    .transform((value) => (value === '' || value === null ? null : Number(value)))
    .pipe(z.number().int(message).min(min, message).max(max, message).nullable());
}
