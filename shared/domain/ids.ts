import { z } from 'zod';

/** Records are identified by UUIDs made in the core. */
export function recordId(message = 'Choose an item from the list.') {
  return z.string({ message }).uuid(message);
}

/** An optional link to another record: '' or null become null. */
export function optionalRecordId(message = 'Choose an item from the list.') {
  return z.union([z.literal(''), z.null(), recordId(message)], { message }).transform((value) => value || null);
}

export const byId = z.strictObject({ id: recordId('That record could not be found.') });

/** What every case-book record carries. */
export interface RecordTimes {
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}
