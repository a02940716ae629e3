import { z } from 'zod';
import { readDayMonthYear } from '@renderer/ui/dates';

/**
 * A case-book form's schema from shared/ with some of its date fields typed day, month, year,
 * whatever the browser's language (see ui/dates.ts): they are read into YYYY-MM-DD first, so the
 * shared schema, with its rules across fields (an end on or after its start), judges what they
 * say. The schema's own types are kept: the form holds text, the core gets dates.
 */
export function typedDayMonthYear<Schema extends z.ZodType>(schema: Schema, fields: readonly string[]): Schema {
  return z.preprocess((value) => {
    if (!value || typeof value !== 'object') return value;
    const read: Record<string, unknown> = { ...value };
    for (const field of fields) {
      const typed = read[field];
      if (typeof typed === 'string') read[field] = readDayMonthYear(typed);
    }
    return read;
  }, schema) as unknown as Schema;
}
