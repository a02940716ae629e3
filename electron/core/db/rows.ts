/** `created_at` → `createdAt` */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** Pairs a row's values (in column order) with field names worked out once per statement. */
export function toRecord<T>(fields: readonly string[], values: readonly unknown[]): T {
  const record: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) record[fields[i]!] = values[i];
  return record as T;
}
