import { z } from 'zod';
import type { ParsedInput } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { backupFormat, backupFormatVersion, type BackupFile, type ExportedFile, type RestoreSummary } from '../../../shared/domain/backup';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import { sql, type TableName } from '../db/sql';

/** How a column is written in a backup: text, text or null, whole number or null. */
type ColumnType = 'text' | 'text?' | 'integer?';

/**
 * Format 1 of the backup file: the tables, parents before children, and their columns. Later
 * columns added by migrations take their defaults when an older backup is restored.
 */
const backupTables: { table: TableName; label: string; columns: Record<string, ColumnType> }[] = [
  {
    table: 'organisations',
    label: 'organisations',
    columns: { id: 'text', name: 'text', kind: 'text', created_at: 'text', updated_at: 'text', archived_at: 'text?' },
  },
  {
    table: 'homes',
    label: 'homes',
    columns: {
      id: 'text', provider_id: 'text', name: 'text', ofsted_urn: 'text', registered_places: 'integer?',
      ofsted_judgement: 'text?', ofsted_judgement_date: 'text?', reg44_visit_date: 'text?', reg45_review_date: 'text?',
      created_at: 'text', updated_at: 'text', archived_at: 'text?',
    },
  },
  {
    table: 'people',
    label: 'people',
    columns: {
      id: 'text', name: 'text', role: 'text', organisation_id: 'text?', email: 'text?', phone: 'text?',
      created_at: 'text', updated_at: 'text', archived_at: 'text?',
    },
  },
  {
    table: 'placements',
    label: 'placements',
    columns: {
      id: 'text', home_id: 'text', placing_authority_id: 'text', child_reference: 'text', start_date: 'text?',
      end_date: 'text?', status: 'text', created_at: 'text', updated_at: 'text', archived_at: 'text?',
    },
  },
  {
    table: 'reviews',
    label: 'reviews',
    columns: {
      id: 'text', scope: 'text', home_id: 'text?', placement_id: 'text?', commissioner_id: 'text', provider_id: 'text',
      title: 'text', scheduled_for: 'text', place: 'text', purpose: 'text', affirmative_topic: 'text', status: 'text',
      next_review_date: 'text?', created_at: 'text', updated_at: 'text', archived_at: 'text?',
    },
  },
  {
    table: 'notes',
    label: 'notes',
    columns: {
      id: 'text', review_id: 'text', phase: 'text', card_id: 'text?', side: 'text', kind: 'text', text: 'text',
      created_at: 'text', updated_at: 'text', deleted_at: 'text?',
    },
  },
];

const columnSchemas: Record<ColumnType, z.ZodType> = {
  text: z.string({ message: 'should be text' }).max(100_000, 'is too long'),
  'text?': z.string({ message: 'should be text or null' }).max(100_000, 'is too long').nullable(),
  'integer?': z.number({ message: 'should be a whole number or null' }).int('should be a whole number or null').nullable(),
};

const fileSchema = z.object({
  format: z.literal(backupFormat),
  formatVersion: z.number().int(),
  exportedAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

export function exportBackup({ db, clock }: ServiceContext, appVersion: string): ExportedFile {
  const exportedAt = isoNow(clock);
  const tables: BackupFile['tables'] = {};
  db.transaction(() => {
    for (const { table, columns } of backupTables) {
      const list = sql.join(Object.keys(columns).map((column) => sql.column(column)), ', ');
      tables[table] = db.all<Record<string, unknown>>(sql`SELECT ${list} FROM ${sql.table(table)} ORDER BY rowid`);
    }
  });
  const file: BackupFile = { format: backupFormat, formatVersion: backupFormatVersion, exportedAt, appVersion, schemaVersion: db.schemaVersion, tables };
  return {
    fileName: `relational-review-backup-${exportedAt.slice(0, 10)}.json`,
    mediaType: 'application/json',
    content: JSON.stringify(file, null, 1),
  };
}

function refuse(problem: string): never {
  throw new ApiError('invalid_input', `${problem} Nothing was restored.`);
}

/** Reads and checks the whole file before anything is written. */
function readBackup(content: string): BackupFile {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    const trimmed = content.trimEnd();
    if (trimmed.startsWith('{') && !trimmed.endsWith('}')) {
      refuse('This backup file is incomplete: it ends part-way through, perhaps because it was cut short while copying.');
    }
    refuse('This file is not a Relational Review backup: it is not in the backup’s format (JSON).');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== backupFormat) {
    refuse('This file is not a Relational Review backup.');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) refuse('This backup file is damaged: its heading is not as the app wrote it.');
  const file = parsed.data as BackupFile;
  if (file.formatVersion > backupFormatVersion) {
    refuse(`This backup was made by a newer version of Relational Review (backup format ${file.formatVersion}). Update the app to restore it.`);
  }
  for (const name of Object.keys(file.tables)) {
    if (!backupTables.some((spec) => spec.table === name)) refuse(`This backup holds a part the app does not know (“${name}”).`);
  }
  for (const { table, label, columns } of backupTables) {
    const rowSchema = z.strictObject(Object.fromEntries(Object.entries(columns).map(([name, type]) => [name, columnSchemas[type]])));
    (file.tables[table] ?? []).forEach((row, index) => {
      const result = rowSchema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        const field = issue.path.join('.') || 'the record';
        const why = issue.code === 'unrecognized_keys' ? `has a field the app does not know (${issue.keys.join(', ')})` : `${field} ${issue.message}`;
        refuse(`This backup file is damaged: in ${label}, record ${index + 1} ${why}.`);
      }
    });
  }
  return file;
}

export function restoreBackup(context: ServiceContext, input: ParsedInput<'backup.restore'>): RestoreSummary {
  const { db, events } = context;
  const file = readBackup(input.content);
  const counts: Record<string, number> = {};
  db.transaction(() => {
    refuseUnlessEmpty(context);
    for (const { table, columns } of backupTables) {
      const names = Object.keys(columns);
      const list = sql.join(names.map((column) => sql.column(column)), ', ');
      const rows = file.tables[table] ?? [];
      for (const row of rows) {
        const values = sql.join(names.map((column) => sql`${row[column]}`), ', ');
        try {
          db.run(sql`INSERT INTO ${sql.table(table)} (${list}) VALUES (${values})`);
        } catch (error) {
          refuse(`This backup file does not hold together: ${explainConstraint(error, table)}.`);
        }
      }
      counts[table] = rows.length;
    }
  });
  events.emit('casebook.changed', { kind: 'all', id: null });
  return { counts };
}

function explainConstraint(error: unknown, table: string): string {
  const message = error instanceof Error ? error.message : '';
  if (/FOREIGN KEY/.test(message)) return `a record in ${table} refers to another record that is not in the file`;
  if (/UNIQUE|PRIMARY KEY/.test(message)) return `a record in ${table} appears twice`;
  if (/CHECK|NOT NULL/.test(message)) return `a record in ${table} has a value the case book cannot hold`;
  if (/datatype mismatch|cannot store/.test(message)) return `a record in ${table} has a value of the wrong type`;
  return `a record in ${table} could not be added`;
}

function refuseUnlessEmpty({ db }: ServiceContext): void {
  const held = backupTables
    .map(({ table, label }) => ({ label, count: db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.table(table)}`)!.n }))
    .filter((entry) => entry.count > 0);
  if (held.length) {
    const summary = held.map((entry) => `${entry.count} ${entry.label}`).join(', ');
    throw new ApiError(
      'conflict',
      `A backup can only be restored into an empty case book, so that nothing here is overwritten. This case book already holds ${summary}. Nothing was restored.`,
    );
  }
}
