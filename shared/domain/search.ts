import { z } from 'zod';

export const searchKinds = ['organisation', 'home', 'placement', 'person', 'review', 'note', 'visit'] as const;
export type SearchKind = (typeof searchKinds)[number];
export const searchKindLabels: Record<SearchKind, string> = {
  organisation: 'Organisations',
  home: 'Homes',
  placement: 'Placements',
  person: 'People',
  review: 'Reviews',
  note: 'Notes',
  visit: 'Visits',
};

/** Any text at all: the core turns it into a safe query, so no input can cause an error. */
export const searchQuerySchema = z.strictObject({
  text: z.string({ message: 'Type something to search for.' }).max(500, 'Keep the search under 500 characters.'),
});

/** Marks around the matched words in titles and snippets (private-use characters). */
export const highlightStart = '\uE000';
export const highlightEnd = '\uE001';

export interface SearchHit {
  kind: SearchKind;
  /** The record to open: for a note, its review; for a visit's note, its visit. */
  id: string;
  title: string;
  snippet: string;
  archived: boolean;
  /** For a review or a note: when the review was held, since every review of a home has the same title; for a visit, when it was. */
  scheduledFor?: string;
}

export interface SearchResults {
  text: string;
  groups: { kind: SearchKind; hits: SearchHit[] }[];
}
