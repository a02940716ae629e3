import { useState } from 'react';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { Section } from '@renderer/ui/RecordPage';
import { ErrorMessage } from '@renderer/ui/Screen';
import { CheckPdfForm } from './CheckPdfForm';
import { ImportMinutes } from './ImportMinutes';
import { ReceivedMinutesTable } from './ReceivedMinutesTable';

/**
 * Check any PDF: every signature, and whether this case book knows each key. Import the other
 * organisation's minutes, countersign them and send them back; import this case book's own come
 * back countersigned.
 */
export function CheckMinutesPanel() {
  const received = useApiQuery('minutes.received', {});
  // What a check said about keys may no longer hold once an import has made them known: it starts afresh.
  const [imports, setImports] = useState(0);

  return (
    <>
      <Section id="check-heading" title="Check sealed minutes">
        <p>
          Give the app any PDF: it checks every signature in it, says whether this case book knows the key each was made
          with, and whether the minutes are in this case book.
        </p>
        <CheckPdfForm key={imports} />
      </Section>
      <Section id="received-heading" title="Minutes received from other organisations">
        <p>
          Minutes sealed by the other side are checked, then kept apart from this case book’s own, linked to the home or
          placement they concern. Countersign them here and send them back.
        </p>
        <ImportMinutes onImported={() => setImports((count) => count + 1)} />
        <h3 className="received-heading">Minutes received</h3>
        <ErrorMessage message={failureOf(received)} />
        {received.status === 'success' && <ReceivedMinutesTable rows={received.data} />}
      </Section>
    </>
  );
}
