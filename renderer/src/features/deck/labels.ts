import { DOCUMENTS, PHASE_LABELS, framework, qualityStandard, type Phase } from '@shared/deck/schema';

export function frameworkLabel(id: string): string {
  const found = framework(id);
  if (!found) return id;
  return found.attribution ? `${found.name} (${found.attribution})` : found.name;
}

export const phasesLabel = (phases: readonly Phase[]) => phases.map((phase) => PHASE_LABELS[phase]).join(', ');

export function standardLabel(regulation: number): string {
  return `Regulation ${regulation}: ${qualityStandard(regulation)?.name ?? 'an unknown standard'}`;
}

export const documentTitle = (document: keyof typeof DOCUMENTS) => DOCUMENTS[document].title;

export const cardCount = (count: number) => `${count} ${count === 1 ? 'card' : 'cards'}`;
