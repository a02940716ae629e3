import type { z } from 'zod';

/** Carries an output type without any runtime cost. */
export function returns<T>(): T {
  return undefined as T;
}

/** One API method: what it does, its input schema and its output type. */
export function method<I extends z.ZodType, O>(description: string, input: I, output: O) {
  return { description, input, output };
}
