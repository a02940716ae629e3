import { z } from 'zod';
import type { ParsedInput } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { ExportedFile } from '@shared/domain/exported-file';
import {
  transferFormat,
  transferFormatVersion,
  type TransferFile,
  type TransferSummary,
} from '@shared/domain/transfer';
import { appendAudit } from '@core/audit';
import { anchorKeyName } from '@core/audit-anchor';
import { isoNow } from '@core/clock';
import type { ServiceContext } from '@core/context';
import { sql, tables, type TableName } from '@core/db/sql';
import { checkTransferRecords, type TransferTable } from './transfer-checks';

/**
 * The tables a backup holds, parents before children. Their columns are read from the case book
 * itself, so a new column is backed up without a change here; restoring an older backup leaves
 * columns it lacks at their defaults. Signing identities stay out: a backup restored elsewhere
 * must not carry this device's key.
 */
export const transferTables: readonly TransferTable[] = tables.filter(
  (table): table is TransferTable => table !== 'signing_identities',
);

interface Column {
  name: string;
  type: 'TEXT' | 'INTEGER' | 'BLOB';
}

function columnsOf({ db }: ServiceContext, table: TableName): Column[] {
  return db.all<Column>(sql`SELECT name, type FROM pragma_table_info(${table}) ORDER BY cid`);
}

const valueSchemas: Record<Column['type'], z.ZodType> = {
  TEXT: z.string({ message: 'should be text' }).max(1_000_000, 'is too long').nullable(),
  INTEGER: z.number({ message: 'should be a whole number' }).int('should be a whole number').nullable(),
  // Bytes (a sealed PDF) travel as base64 text.
  BLOB: z
    .string({ message: 'should be base64 text' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'should be base64 text')
    .nullable(),
};

const blobColumns = (context: ServiceContext, table: TableName) =>
  columnsOf(context, table)
    .filter((column) => column.type === 'BLOB')
    .map((column) => column.name);

/** Rows as JSON can hold them: bytes as base64. */
function toJsonRow(row: Record<string, unknown>, blobs: string[]): Record<string, unknown> {
  if (blobs.length === 0) return row;
  const copy = { ...row };
  for (const column of blobs) if (Buffer.isBuffer(copy[column])) copy[column] = copy[column].toString('base64');
  return copy;
}

const label = (table: TableName) => table.replace(/_/g, ' ');

/** The audit anchor's key belongs to this case book on this computer: it never travels in a transfer file. */
const travels = (row: Record<string, unknown>) => row.key !== anchorKeyName;

const fileSchema = z.object({
  format: z.literal(transferFormat),
  formatVersion: z.number().int(),
  exportedAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

export function exportTransferFile(context: ServiceContext, appVersion: string): ExportedFile {
  const { db, clock } = context;
  const exportedAt = isoNow(clock);
  const tables: TransferFile['tables'] = {};
  db.transaction(() => {
    for (const table of transferTables) {
      const blobs = blobColumns(context, table);
      tables[table] = db
        .all<Record<string, unknown>>(sql`SELECT * FROM ${sql.table(table)} ORDER BY rowid`)
        .filter(travels)
        .map((row) => toJsonRow(row, blobs));
    }
  });
  const file: TransferFile = {
    format: transferFormat,
    formatVersion: transferFormatVersion,
    exportedAt,
    appVersion,
    schemaVersion: db.schemaVersion,
    tables,
  };
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
function readBackup(context: ServiceContext, content: string): TransferFile {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    const trimmed = content.trimEnd();
    if (trimmed.startsWith('{') && !trimmed.endsWith('}')) {
      refuse(
        'This backup file is incomplete: it ends part-way through, perhaps because it was cut short while copying.',
      );
    }
    refuse('This file is not a Relational Review backup: it is not in the backup’s format (JSON).');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== transferFormat) {
    refuse('This file is not a Relational Review backup.');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) refuse('This backup file is damaged: its heading is not as the app wrote it.');
  const file = parsed.data;
  if (file.formatVersion > transferFormatVersion) {
    refuse(
      `This backup was made by a newer version of Relational Review (backup format ${file.formatVersion}). Update the app to restore it.`,
    );
  }
  if (file.schemaVersion > context.db.schemaVersion) {
    refuse(
      `This backup was made by a newer version of Relational Review (case book format ${file.schemaVersion}). Update the app to restore it.`,
    );
  }
  for (const name of Object.keys(file.tables)) {
    if (!(transferTables as readonly string[]).includes(name))
      refuse(`This backup holds a part the app does not know (“${name}”).`);
  }
  for (const table of transferTables) {
    const rowSchema = z.strictObject(
      Object.fromEntries(
        columnsOf(context, table).map((column) => [column.name, valueSchemas[column.type].optional()]),
      ),
    );
    (file.tables[table] ?? []).forEach((row, index) => {
      const result = rowSchema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        const field = issue.path.join('.') || 'the record';
        const why =
          issue.code === 'unrecognized_keys'
            ? `has a field the app does not know (${issue.keys.join(', ')})`
            : `${field} ${issue.message}`;
        refuse(`This backup file is damaged: in ${label(table)}, record ${index + 1} ${why}.`);
      }
    });
  }
  return file;
}

export async function importTransferFile(
  context: ServiceContext,
  input: ParsedInput<'transfer.import'>,
): Promise<TransferSummary> {
  const { db, events } = context;
  const file = readBackup(context, input.content);
  await checkTransferRecords(file, (problem) => refuse(`This backup file cannot be restored. ${problem}`));
  const counts: Record<string, number> = {};
  db.transaction(() => {
    refuseUnlessEmpty(context);
    for (const table of transferTables) {
      // A preference this case book already holds is kept as it is here.
      const rows = (file.tables[table] ?? [])
        .filter(travels)
        .filter(
          (row) =>
            table !== 'preferences' || !db.get(sql`SELECT 1 AS held FROM preferences WHERE key = ${String(row.key)}`),
        );
      const blobs = new Set(blobColumns(context, table));
      for (const row of rows) {
        // Audit entries keep their hashes but take new places after this case book's own.
        const names = Object.keys(row).filter((column) => !(table === 'audit_log' && column === 'seq'));
        const columns = sql.join(
          names.map((column) => sql.column(column)),
          ', ',
        );
        const value = (column: string) =>
          blobs.has(column) && typeof row[column] === 'string' ? Buffer.from(row[column], 'base64') : row[column];
        const values = sql.join(
          names.map((column) => sql`${value(column)}`),
          ', ',
        );
        try {
          db.run(sql`INSERT INTO ${sql.table(table)} (${columns}) VALUES (${values})`);
        } catch (error) {
          refuse(`This backup file does not hold together: ${explainConstraint(error, label(table))}.`);
        }
      }
      counts[table] = rows.length;
    }
    appendAudit(context, {
      action: 'transfer.imported',
      subjectKind: 'case_book',
      subjectId: 'casebook',
      detail: { counts, exportedAt: file.exportedAt },
    });
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

/** Empty but for the audit log, which records the case book's own creation. */
function refuseUnlessEmpty({ db }: ServiceContext): void {
  const held = transferTables
    // The audit trail and the preferences are there from the first unlock: they are not records.
    .filter((table) => table !== 'audit_log' && table !== 'preferences')
    .map((table) => ({
      label: label(table),
      count: db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.table(table)}`)!.n,
    }))
    .filter((entry) => entry.count > 0);
  if (held.length) {
    const summary = held.map((entry) => `${entry.count} ${entry.label}`).join(', ');
    throw new ApiError(
      'conflict',
      `A backup can only be restored into an empty case book, so that nothing here is overwritten. This case book already holds ${summary}. Nothing was restored.`,
    );
  }
}
