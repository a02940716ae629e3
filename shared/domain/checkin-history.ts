import type { SellickFeature, TurnSide } from './sessions';

/** One review's revealed check-in, for the chart across reviews. */
export interface CheckinHistoryEntry {
  reviewId: string;
  title: string;
  scheduledFor: string;
  ratings: Record<TurnSide, Record<SellickFeature, { score: number; word: string }>>;
}
