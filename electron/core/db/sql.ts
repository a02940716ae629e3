/**
 * A tagged template that keeps every value out of the SQL text: `sql\`... WHERE id = ${id}\``.
 * Fragments made with `sql` nest; nothing else is ever spliced into the text.
 */
export interface SqlQuery {
  readonly text: string;
  readonly values: readonly unknown[];
}

const isQuery = (value: unknown): value is SqlQuery => typeof value === 'object' && value !== null && sqlBrand in value;

const sqlBrand = Symbol('sql');

export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlQuery {
  let text = strings[0]!;
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (isQuery(value)) {
      text += value.text;
      params.push(...value.values);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[index + 1]!;
  });
  return { text, values: params, [sqlBrand]: true } as SqlQuery;
}

/** Joins fragments, for example optional WHERE clauses. */
sql.join = (parts: readonly SqlQuery[], separator: string): SqlQuery => {
  if (!/^[\s,A-Za-z]*$/.test(separator)) throw new Error('sql.join takes a plain separator');
  return {
    text: parts.map((part) => part.text).join(separator),
    values: parts.flatMap((part) => part.values),
    [sqlBrand]: true,
  } as SqlQuery;
};

/** The case book's tables, parents before children. */
export const tables = [
  'organisations',
  'homes',
  'people',
  'placements',
  'decks',
  'deck_cards',
  'reviews',
  'notes',
  'participants',
  'review_cards',
  'checkins',
  'actions',
  'action_updates',
  'minutes',
  'signatures',
  'signing_identities',
  'organisation_keys',
  'countersignatures',
  'received_minutes',
  'preferences',
  'visits',
  'visit_placements',
  'visit_notes',
  'audit_log',
] as const;
export type TableName = (typeof tables)[number];

/** A case-book table's name: only names from the fixed list above can become SQL text. */
sql.table = (name: TableName): SqlQuery => {
  if (!tables.includes(name)) throw new Error(`Not a case-book table: ${String(name)}`);
  return { text: `"${name}"`, values: [], [sqlBrand]: true } as SqlQuery;
};

/** A column name: lower-case letters, digits and underscores only, so it is safe as SQL text. */
sql.column = (name: string): SqlQuery => {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Not a column name: ${name}`);
  return { text: `"${name}"`, values: [], [sqlBrand]: true } as SqlQuery;
};
