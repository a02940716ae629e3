import { highlightEnd, highlightStart, searchKindLabels, type SearchHit } from '@shared/domain/search';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { ErrorMessage } from '@renderer/ui/Screen';
import { reviewName } from '@renderer/ui/reviewName';
import { useDebounced } from '@renderer/ui/useDebounced';
import { useSearchStore } from './searchStore';

/** Shows marked words from the core as <mark>, and everything else as plain text. */
function Marked({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${highlightStart}[^${highlightEnd}]*${highlightEnd})`, 'u'));
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith(highlightStart) ? (
          <mark key={index}>{part.slice(1, -1)}</mark>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}

function hitHref(hit: SearchHit): string {
  switch (hit.kind) {
    case 'organisation':
      return hrefFor('casebook', 'organisations', hit.id);
    case 'home':
      return hrefFor('casebook', 'homes', hit.id);
    case 'placement':
      return hrefFor('casebook', 'placements', hit.id);
    case 'person':
      return hrefFor('casebook', 'people', hit.id);
    case 'review':
    case 'note':
      return hrefFor('reviews', hit.id);
    case 'visit':
      return hrefFor('visits', hit.id);
  }
}

/** One box over the whole case book; results grouped by kind, matched words highlighted. */
export function SearchPanel() {
  const { text, setText } = useSearchStore();
  const searched = useDebounced(text, 150);
  const search = useApiQuery(
    'search.query',
    { text: searched },
    { enabled: searched.trim() !== '', keepPrevious: true },
  );
  const results = text.trim() ? (search.data ?? null) : null;

  const total = results?.groups.reduce((sum, group) => sum + group.hits.length, 0) ?? 0;
  return (
    <search className="search-panel" aria-label="Case book">
      <label htmlFor="casebook-search" className="search-panel__label">
        Search the case book
      </label>
      <p id="casebook-search-hint" className="field-hint">
        Names, Ofsted URNs, child references, places, notes: the start of a word is enough.
      </p>
      <input
        id="casebook-search"
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby="casebook-search-hint"
        autoComplete="off"
        spellCheck={false}
      />
      <ErrorMessage message={failureOf(search)} />
      <p role="status" className={results ? 'search-panel__summary' : 'visually-hidden'}>
        {results
          ? total === 0
            ? `Nothing found for “${results.text.trim()}”.`
            : `${total} found for “${results.text.trim()}”.`
          : ''}
      </p>
      {results?.groups.map((group) => (
        <section key={group.kind} aria-labelledby={`search-${group.kind}`} className="search-group">
          <h2 id={`search-${group.kind}`}>{searchKindLabels[group.kind]}</h2>
          <ul className="search-hits">
            {group.hits.map((hit, index) => (
              <li key={`${hit.id}-${index}`}>
                <a href={hitHref(hit)}>
                  {/* A review's hit, or a note's, is named with its day: the titles of one home's reviews are alike. */}
                  <Marked text={reviewName(hit)} />
                </a>
                {hit.archived && <span className="tag">Archived</span>}
                {hit.snippet && (
                  <p className="search-hits__snippet">
                    <Marked text={hit.snippet} />
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </search>
  );
}
