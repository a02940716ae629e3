const camelNames = new Map<string, string>();

function camel(name: string): string {
  let converted = camelNames.get(name);
  if (converted === undefined) {
    converted = name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
    camelNames.set(name, converted);
  }
  return converted;
}

/** A row with snake_case columns as an object with camelCase fields (`created_at` → `createdAt`). */
export function fromRow<T>(row: Record<string, unknown>): T {
  const result: Record<string, unknown> = {};
  for (const key in row) result[camel(key)] = row[key];
  return result as T;
}
