import { create } from 'zustand';

/** What was last searched for, so coming back from a result shows the same results. */
export const useSearchStore = create<{ text: string; setText: (text: string) => void }>((set) => ({
  text: '',
  setText: (text) => set({ text }),
}));
