import { tampers, type Tamper, type TamperName } from './tampers';
import { Update } from './update';

/** Family 1: an incremental update appended after the seal, changing something other than signatures. */

export async function appendTamper(sealed: Uint8Array, tamper: Tamper): Promise<Buffer> {
  const update = await Update.of(sealed);
  tamper(update);
  return update.write();
}

export const incrementalAttacks = Object.fromEntries(
  Object.entries(tampers).map(([name, tamper]) => [name, (sealed: Uint8Array) => appendTamper(sealed, tamper)]),
) as Record<TamperName, (sealed: Uint8Array) => Promise<Buffer>>;
