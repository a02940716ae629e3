import { hrefFor } from '@renderer/navigation/routes';
import { useApiQuery } from '@renderer/api/useApiQuery';
import { Screen } from '@renderer/ui/Screen';
import { SearchPanel } from './SearchPanel';

export function CaseBookOverview() {
  const organisations = useApiQuery('organisations.list', {});
  const homes = useApiQuery('homes.list', {});
  const placements = useApiQuery('placements.list', {});
  const people = useApiQuery('people.list', {});
  const entries = [
    {
      section: 'organisations',
      label: 'Organisations',
      hint: 'Local authorities, providers and others',
      count: organisations.data?.length,
    },
    {
      section: 'homes',
      label: 'Children’s homes',
      hint: 'With their Ofsted URN and inspections',
      count: homes.data?.length,
    },
    {
      section: 'placements',
      label: 'Placements',
      hint: 'A child, by reference, at a home',
      count: placements.data?.length,
    },
    { section: 'people', label: 'People', hint: 'Who takes part in reviews', count: people.data?.length },
  ];

  return (
    <Screen
      title="Case book"
      intro="The memory of the relationship: organisations, homes, placements, people and reviews. Everything here stays on this computer."
    >
      <SearchPanel />
      <nav aria-label="Case book">
        <ul className="card-links">
          {entries.map((entry) => (
            <li key={entry.section}>
              <a href={hrefFor('casebook', entry.section)}>
                <span className="card-links__title">{entry.label}</span>
                <span className="card-links__count">{entry.count === undefined ? '…' : `${entry.count} in use`}</span>
                <span className="card-links__hint">{entry.hint}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </Screen>
  );
}
