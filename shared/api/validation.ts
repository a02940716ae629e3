import type { z } from 'zod';

/** Turns zod issues into plain words: one message per field, and one summary line. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): {
  message: string;
  fields: Record<string, string>;
} {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '(input)';
    if (!(key in fields)) fields[key] = plainMessage(issue);
  }
  const messages = Object.values(fields);
  const message = messages.length === 1 ? messages[0]! : `Some details need attention: ${messages.join(' ')}`;
  return { message, fields };
}

function plainMessage(issue: z.core.$ZodIssue): string {
  // Messages written in the schemas are already plain words; only zod's defaults need rewording.
  if (!isZodDefault(issue.message)) return issue.message;
  const field = issue.path.length ? `“${issue.path.map(String).join('.')}”` : 'The request';
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.endsWith('received undefined')
        ? `${field} is missing.`
        : `${field} should be ${article(issue.expected)}.`;
    case 'unrecognized_keys':
      return `${field} has fields this app does not know: ${issue.keys.join(', ')}.`;
    default:
      return `${field}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.`;
  }
}

const isZodDefault = (message: string) => /^(Invalid|Too (big|small)|Unrecognized)/.test(message);

function article(expected: string): string {
  if (expected === 'object') return 'a set of fields';
  if (expected === 'array') return 'a list';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** An unpaired UTF-16 surrogate: in a /u pattern a well-formed pair is one code point, so only a lone half matches. */
const loneSurrogate = /[\uD800-\uDFFF]/u;
const loneSurrogates = /[\uD800-\uDFFF]/gu;

/** A field path as a linked list, so that walking a deeply nested input copies nothing. */
interface PathStep {
  key: string;
  parent: PathStep | null;
}

function pathText(step: PathStep | null): string {
  const keys: string[] = [];
  for (let at = step; at; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.').replace(loneSurrogates, '\uFFFD');
}

/**
 * Every place in an input (as the router receives it, before its schema is applied) where a string
 * or a field name is not well-formed UTF-16, keyed by field path as describeIssues keys them, with a
 * plain message each; empty when there is none. SQLite, JSON.stringify's readers and every file the
 * app writes would turn such a character into U+FFFD, so two different inputs could be stored as
 * the same text. Walks arrays and plain objects in one pass without recursion (IPC may send a
 * cycle; JSON may nest deeply), and stops after `limit` places.
 */
export function malformedTextFields(input: unknown, limit = 5): Record<string, string> {
  const fields: Record<string, string> = {};
  const seen = new Set<object>();
  const pending: [value: unknown, path: PathStep | null][] = [[input, null]];
  const note = (path: PathStep | null, message: (field: string) => string) => {
    const key = pathText(path) || '(input)';
    if (!(key in fields)) fields[key] = message(path ? `“${key}”` : 'The request');
  };
  while (pending.length && Object.keys(fields).length < limit) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (loneSurrogate.test(value)) {
        note(
          path,
          (field) => `${field} contains a broken character (half of a UTF-16 surrogate pair). Remove it and try again.`,
        );
      }
      continue;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (loneSurrogate.test(key)) {
        note(path, (field) => `${field} has a field name with a broken character (half of a UTF-16 surrogate pair).`);
        continue;
      }
      pending.push([(value as Record<string, unknown>)[key], { key, parent: path }]);
    }
  }
  return fields;
}
