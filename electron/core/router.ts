import {
  contract,
  isMethodName,
  type Contract,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '@shared/api/contract';
import { ApiError, internalErrorMessage, type ApiResult } from '@shared/api/errors';
import { describeIssues } from '@shared/api/validation';
import { sqliteApiError } from './db/errors';

/**
 * A handler for every method. One the router audits ('writes') answers at once, inside the
 * transaction that records it; the others may answer later.
 */
export type Handlers = {
  [M in MethodName]: Contract[M]['effect'] extends 'writes'
    ? (input: ParsedInput<M>) => MethodOutput<M>
    : (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export interface Logger {
  error(message: string, error?: unknown): void;
}

export const stderrLogger: Logger = {
  error: (message, error) => console.error(`[relational-review] ${message}`, error),
};

export interface Router {
  call(method: string, rawInput: unknown): Promise<ApiResult<unknown>>;
}

/**
 * The one entry point both hosts use. Validates the input with the contract's schema before any
 * handler runs, and turns every failure into `{ code, message }`: no stack trace leaves the core.
 */
export function createRouter(handlers: Handlers, logger: Logger = stderrLogger): Router {
  return {
    async call(method, rawInput) {
      if (typeof method !== 'string' || !isMethodName(method)) {
        return failure(new ApiError('unknown_method', 'This app does not offer that action.'));
      }
      const parsed = contract[method].input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const { message, fields } = describeIssues(parsed.error.issues);
        return failure(new ApiError('invalid_input', message, fields));
      }
      try {
        const handler = handlers[method] as (input: unknown) => unknown;
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        if (error instanceof ApiError) return failure(error);
        logger.error(`${method} failed`, error);
        // Faults: a damaged case book or a full disk gets plain words, not "internal" (db/errors.ts).
        return failure(sqliteApiError(error) ?? new ApiError('internal', internalErrorMessage));
      }
    },
  };
}

function failure(error: ApiError): ApiResult<never> {
  return { ok: false, error: error.toBody() };
}
