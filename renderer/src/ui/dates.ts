import { z } from 'zod';

/**
 * Dates typed and shown day, month, year, whatever the browser's language: a date input would draw
 * itself, and read what is typed, in the browser's own order (month first in the United States).
 * The form holds the words as typed; its schema reads them into what the core takes (YYYY-MM-DD).
 */

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const pad = (n: string | number) => String(n).padStart(2, '0');
const fullYear = (year: string) => (year.length === 2 ? `20${year}` : year);

/** The month a word names (“Jan”, “january”, “Sept”), from 1; 0 when it names none. */
function monthNamed(word: string): number {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return lower.length >= 3 ? months.findIndex((name) => name.startsWith(lower)) + 1 : 0;
}

/**
 * 15/1/2027, 15.01.27, 15-01-2027, 15 January 2027 or 2027-01-15, as 2027-01-15; empty as ''.
 * Anything else comes back as typed, for the schema to explain (so does 31/02/2027).
 */
export function readDayMonthYear(typed: string): string {
  const text = typed.trim();
  if (!text) return '';
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return `${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}`;
  const numbers = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4}|\d{2})$/.exec(text);
  if (numbers) return `${fullYear(numbers[3]!)}-${pad(numbers[2]!)}-${pad(numbers[1]!)}`;
  const named = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(text);
  const month = named ? monthNamed(named[2]!) : 0;
  if (named && month) return `${named[3]}-${pad(month)}-${pad(named[1]!)}`;
  return text;
}

/** 2027-01-15 as 15/01/2027, for a field to show; empty or null as ''. */
export function showDayMonthYear(iso: string | null | undefined): string {
  const parts = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return parts ? `${parts[3]}/${parts[2]}/${parts[1]}` : '';
}

/**
 * A day and a time of day: “03/12/2026 10:00”, “3 December 2026 at 10.00”, or 2026-12-03T10:00,
 * as 2026-12-03T10:00 (this computer's time). Anything else comes back as typed.
 */
export function readDayMonthYearTime(typed: string): string {
  const text = typed.trim();
  const iso = /^(\d{4}-\d{1,2}-\d{1,2})T(\d{1,2})[:.](\d{2})$/.exec(text);
  const parts = iso ?? /^(.+?)(?:,?\s+at)?\s+(\d{1,2})[:.](\d{2})$/.exec(text);
  if (!parts) return text;
  const day = readDayMonthYear(parts[1]!);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T${pad(parts[2]!)}:${parts[3]}` : text;
}

/** 2026-12-03T10:00 as 03/12/2026 10:00. */
export function showDayMonthYearTime(local: string): string {
  const [day, time] = local.split('T');
  return day && time ? `${showDayMonthYear(day)} ${time.slice(0, 5)}` : '';
}

/** A schema for a date field typed day, month, year: `schema` (the shared one) judges what it reads as. */
export function dayMonthYear<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (typeof value === 'string' ? readDayMonthYear(value) : value), schema);
}

/** What a date field says under its label. */
export const dayMonthYearHint = 'Day, month and year, for example 27/03/2026.';
