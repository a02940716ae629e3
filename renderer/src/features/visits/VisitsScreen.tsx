import { useState } from 'react';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { RecordListPage } from '@renderer/ui/RecordPage';
import { VisitsTable } from '@renderer/ui/VisitsTable';
import { VisitEditor } from './VisitForm';
import { VisitPage } from './VisitPage';

/** Visits to homes between reviews: #/visits, #/visits/new[/<homeId>], #/visits/<id>[/edit]. */
export function VisitsScreen({ path }: { path: string[] }) {
  const [first, second] = path;
  if (!first) return <VisitsList />;
  if (first === 'new') return <VisitEditor key={`new-${second ?? ''}`} homeId={second} />;
  if (second === 'edit') return <VisitEditor key={`edit-${first}`} id={first} />;
  return <VisitPage key={first} id={first} />;
}

function VisitsList() {
  const [showArchived, setShowArchived] = useState(false);
  const visits = useApiQuery('visits.list', showArchived ? { includeArchived: true } : {}, { keepPrevious: true });
  return (
    <RecordListPage
      title="Visits"
      intro="Visits to homes between reviews, newest first: what was seen and heard, against the thirteen quality-of-care variables."
      addHref={hrefFor('visits', 'new')}
      addLabel="Record a visit"
      showArchived={showArchived}
      onShowArchived={setShowArchived}
      error={failureOf(visits)}
    >
      {visits.data && <VisitsTable visits={visits.data} caption="Visits to homes, newest first" />}
    </RecordListPage>
  );
}
