import { z } from 'zod';
import { newHomeSchema, type Home } from '../domain/homes';
import { newOrganisationSchema, type Organisation } from '../domain/organisations';

/** Carries an output type without any runtime cost. */
function returns<T>(): T {
  return undefined as T;
}

function method<I extends z.ZodType, O>(description: string, input: I, output: O) {
  return { description, input, output };
}

const noInput = z.strictObject({});
const listInput = z.strictObject({
  includeArchived: z.boolean({ message: 'includeArchived should be true or false.' }).optional(),
});

export interface AppInfo {
  appName: string;
  version: string;
  dataDir: string;
  caseBookFile: string;
  schemaVersion: number;
}

/**
 * Every call the renderer can make. The core validates each input with its schema before any
 * service runs; the renderer gets typed results and never sees a transport.
 */
export const contract = {
  'app.info': method('About this installation: version and where its data lives.', noInput, returns<AppInfo>()),
  'organisations.list': method('Organisations in the case book, by name.', listInput, returns<Organisation[]>()),
  'organisations.create': method('Add an organisation.', newOrganisationSchema, returns<Organisation>()),
  'homes.list': method('Children’s homes in the case book, by name.', listInput, returns<Home[]>()),
  'homes.create': method('Add a children’s home run by a provider.', newHomeSchema, returns<Home>()),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
