import {
  contract,
  isMethodName,
  type Contract,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '@shared/api/contract';
import { ApiError, internalErrorMessage, type ApiResult } from '@shared/api/errors';
import Database from 'better-sqlite3-multiple-ciphers';
import { describeIssues, malformedTextFields } from '@shared/api/validation';
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
      // Before the schema: text that is not well-formed UTF-16 would be stored as U+FFFD, silently.
      const malformed = malformedTextFields(rawInput);
      if (Object.keys(malformed).length) {
        const messages = Object.values(malformed);
        const message = messages.length === 1 ? messages[0]! : `Some details need attention: ${messages.join(' ')}`;
        return failure(new ApiError('invalid_input', message, malformed));
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
        const conflict = constraintConflict(error);
        if (conflict) {
          // A rule the case book keeps itself (a unique name, a reference): the caller's conflict, not a crash.
          logger.error(`${method} was refused by a database constraint: ${(error as Error).message}`);
          return failure(conflict);
        }
        logger.error(`${method} failed`, error);
        // Faults: a damaged case book or a full disk gets plain words, not "internal" (db/errors.ts).
        return failure(sqliteApiError(error) ?? new ApiError('internal', internalErrorMessage));
      }
    },
  };
}

const constraintMessages: Record<string, string> = {
  SQLITE_CONSTRAINT_UNIQUE:
    'That would make two the same where the case book allows only one (a name or number already used), so nothing was changed.',
  SQLITE_CONSTRAINT_PRIMARYKEY:
    'That would make two the same where the case book allows only one (a name or number already used), so nothing was changed.',
  SQLITE_CONSTRAINT_FOREIGNKEY:
    'That refers to something no longer in the case book, or something else still depends on it, so nothing was changed.',
};
const otherConstraintMessage =
  'The case book refused that change as it breaks one of its rules, so nothing was changed.';

/** SQLite's constraint failures (SQLITE_CONSTRAINT_*) as a conflict in plain words; undefined for anything else. */
export function constraintConflict(error: unknown): ApiError | undefined {
  if (!(error instanceof Database.SqliteError) || !error.code.startsWith('SQLITE_CONSTRAINT')) return undefined;
  return new ApiError('conflict', constraintMessages[error.code] ?? otherConstraintMessage);
}

function failure(error: ApiError): ApiResult<never> {
  return { ok: false, error: error.toBody() };
}
