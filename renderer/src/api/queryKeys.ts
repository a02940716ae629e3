import type { QueryKey } from '@tanstack/react-query';
import { contract, type MethodInput, type MethodName } from '@shared/api/contract';

/** Every query's key: the method and its input, so one read is shared by every screen that makes it. */
export function queryKey<M extends MethodName>(method: M, input: MethodInput<M>): readonly [M, MethodInput<M>] {
  return [method, input];
}

/** The method a query key reads. */
export function methodOf(key: QueryKey): string {
  return String(key[0]);
}

/** Whether a call can change what the case book holds, so what is on screen should be read again. */
export function changesCaseBook(method: MethodName): boolean {
  return contract[method].effect !== 'reads';
}
