import { useState, type ReactNode } from 'react';
import type { MethodOutput } from '@shared/api/contract';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { RecordListPage } from '@renderer/ui/RecordPage';

type ListMethod = 'organisations.list' | 'homes.list' | 'placements.list' | 'people.list' | 'reviews.list';

/** A list screen over one kind of record, with archived records shown on request. */
export function ListScreen<M extends ListMethod>(props: {
  method: M;
  title: string;
  intro: string;
  addHref: string;
  addLabel: string;
  table: (rows: MethodOutput<M>) => ReactNode;
  /** More to show below the list. */
  after?: ReactNode;
}) {
  const [showArchived, setShowArchived] = useState(false);
  const rows = useApiQuery(props.method as 'homes.list', showArchived ? { includeArchived: true } : {}, {
    keepPrevious: true,
  });
  return (
    <RecordListPage
      title={props.title}
      intro={props.intro}
      addHref={props.addHref}
      addLabel={props.addLabel}
      showArchived={showArchived}
      onShowArchived={setShowArchived}
      error={failureOf(rows)}
    >
      {rows.data && props.table(rows.data)}
      {props.after}
    </RecordListPage>
  );
}
