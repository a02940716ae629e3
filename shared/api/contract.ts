import type { z } from 'zod';
import { appMethods } from '@shared/app/contract';
import { casebookMethods } from '@shared/casebook/contract';
import { deckMethods } from '@shared/deck/contract';
import { minutesMethods } from '@shared/minutes/contract';
import { overviewMethods } from '@shared/overview/contract';
import { sessionMethods } from '@shared/sessions/contract';
import { vaultMethods } from '@shared/vault/contract';
import { visitMethods } from '@shared/visits/contract';

export type { AppInfo, AuditVerification } from '@shared/app/contract';

/**
 * Every call the renderer can make, assembled from each feature's contract file
 * (shared/<feature>/contract.ts). The core validates each input with its schema before any
 * service runs; the renderer gets typed results and never sees a transport.
 */
export const contract = {
  ...appMethods,
  ...vaultMethods,
  ...casebookMethods,
  ...sessionMethods,
  ...minutesMethods,
  ...deckMethods,
  ...overviewMethods,
  ...visitMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
