import { create } from 'zustand';
import type { Phase } from '@shared/deck/schema';

export interface CardFilters {
  framework: string;
  phase: Phase | '';
  qualityStandard: string;
  search: string;
  showRetired: boolean;
}

export const noFilters: CardFilters = { framework: '', phase: '', qualityStandard: '', search: '', showRetired: false };

interface DeckBrowserState {
  filters: CardFilters;
  /** Cards ticked for the print sheet, per deck, in the order they were ticked. */
  chosen: Record<string, string[]>;
  /** A message to show on the next page, for example after deleting a deck. */
  notice: string | null;
  setFilters: (change: Partial<CardFilters>) => void;
  setChosen: (deckId: string, cardIds: string[]) => void;
  setNotice: (notice: string | null) => void;
}

/** What the card browser remembers while moving between a deck, its cards and the print sheet. */
export const useDeckBrowser = create<DeckBrowserState>((set) => ({
  filters: noFilters,
  chosen: {},
  notice: null,
  setFilters: (change) => set((state) => ({ filters: { ...state.filters, ...change } })),
  setChosen: (deckId, cardIds) => set((state) => ({ chosen: { ...state.chosen, [deckId]: cardIds } })),
  setNotice: (notice) => set({ notice }),
}));

const noneChosen: string[] = [];
export const useChosen = (deckId: string) => useDeckBrowser((state) => state.chosen[deckId] ?? noneChosen);
