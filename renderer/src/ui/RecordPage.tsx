import type { ReactNode } from 'react';
import { EmptyState, ErrorMessage, Screen } from './Screen';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/** A table of records, its first column linking to each record's page. */
export function RecordTable<T extends { id: string; archivedAt?: string | null }>(props: {
  caption: string;
  rows: T[];
  columns: Column<T>[];
  empty: ReactNode;
}) {
  if (props.rows.length === 0) return <EmptyState>{props.empty}</EmptyState>;
  return (
    <table className="table">
      <caption className="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th key={column.header} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id} className={row.archivedAt ? 'row--archived' : undefined}>
            {props.columns.map((column) => (
              <td key={column.header}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A list screen: what it is, a way to add one, the table, and archived records on request. */
export function RecordListPage(props: {
  title: string;
  intro: ReactNode;
  addHref?: string;
  addLabel?: string;
  showArchived: boolean;
  onShowArchived: (show: boolean) => void;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <Screen title={props.title} intro={props.intro}>
      <div className="toolbar">
        {props.addHref && (
          <a className="button" href={props.addHref}>
            {props.addLabel}
          </a>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={props.showArchived}
            onChange={(event) => props.onShowArchived(event.target.checked)}
          />
          Show archived
        </label>
      </div>
      <ErrorMessage message={props.error ?? null} />
      {props.children}
    </Screen>
  );
}

export interface Detail {
  label: string;
  value: ReactNode;
}

/** The facts about one record as a description list; empty values say so. */
export function DetailList({ details }: { details: Detail[] }) {
  return (
    <dl className="details">
      {details.map((detail) => (
        <div key={detail.label} className="details-row">
          <dt>{detail.label}</dt>
          <dd>
            {detail.value === null || detail.value === undefined || detail.value === '' ? (
              <span className="muted">Not recorded</span>
            ) : (
              detail.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ArchivedBanner({ archivedAt, what }: { archivedAt: string | null; what: string }) {
  if (!archivedAt) return null;
  return (
    <p className="archived-banner">
      This {what} is archived: it is kept, but left out of everyday lists. Restore it to use it again.
    </p>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
