import { PHASES, PHASE_LABELS, QUALITY_STANDARDS, type Phase } from '@shared/deck/schema';
import { Field } from '@renderer/ui/Field';
import { noFilters, type CardFilters } from './deckStore';
import { FrameworkOptions } from './FrameworkOptions';

interface Props {
  filters: CardFilters;
  onChange: (change: Partial<CardFilters>) => void;
  retiredCount: number;
}

/** Filters by framework, phase and Quality Standard, and a search: each applies as it changes. */
export function CardFiltersForm({ filters, onChange, retiredCount }: Props) {
  return (
    <form
      role="search"
      aria-label="Filter the cards"
      className="deck-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <Field label="Search the cards" hint="Searches titles, what the paper says and the questions.">
        {(control) => (
          <input
            {...control}
            type="search"
            value={filters.search}
            onChange={(event) => onChange({ search: event.target.value })}
          />
        )}
      </Field>
      <Field label="Framework">
        {(control) => (
          <select
            {...control}
            value={filters.framework}
            onChange={(event) => onChange({ framework: event.target.value })}
          >
            <FrameworkOptions none="All frameworks" />
          </select>
        )}
      </Field>
      <Field label="Phase">
        {(control) => (
          <select
            {...control}
            value={filters.phase}
            onChange={(event) => onChange({ phase: event.target.value as Phase | '' })}
          >
            <option value="">All phases</option>
            {PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {PHASE_LABELS[phase]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Quality Standard">
        {(control) => (
          <select
            {...control}
            value={filters.qualityStandard}
            onChange={(event) => onChange({ qualityStandard: event.target.value })}
          >
            <option value="">All Quality Standards</option>
            {QUALITY_STANDARDS.map((standard) => (
              <option key={standard.regulation} value={String(standard.regulation)}>
                Regulation {standard.regulation}: {standard.shortName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="deck-filter-actions">
        {retiredCount > 0 && (
          <label className="deck-checkbox">
            <input
              type="checkbox"
              checked={filters.showRetired}
              onChange={(event) => onChange({ showRetired: event.target.checked })}
            />
            Show retired cards ({retiredCount})
          </label>
        )}
        <button type="button" className="button deck-button-secondary" onClick={() => onChange(noFilters)}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
