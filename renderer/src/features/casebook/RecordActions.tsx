import { hrefFor } from '@renderer/navigation/routes';
import { ArchiveButton } from '@renderer/ui/ArchiveButton';
import type { CaseBookSection } from './CaseBookScreen';

const nouns: Record<CaseBookSection, string> = {
  organisations: 'organisation',
  homes: 'home',
  placements: 'placement',
  people: 'person',
};

/** What can be done with a case-book record on its page: change it, archive or restore it. */
export function RecordActions({ section, id, archived }: { section: CaseBookSection; id: string; archived: boolean }) {
  return (
    <div className="toolbar">
      <a className="button" href={hrefFor('casebook', section, id, 'edit')}>
        Change details
      </a>
      <ArchiveButton noun={section} id={id} archived={archived} what={nouns[section]} />
    </div>
  );
}
