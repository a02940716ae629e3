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
