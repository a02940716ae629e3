import { z } from 'zod';

/** Records are identified by UUIDs made in the core. */
export function recordId(message = 'Choose an item from the list.') {
  return z.string({ message }).uuid(message);
}
