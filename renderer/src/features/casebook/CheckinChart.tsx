import type { CheckinHistoryEntry } from '@shared/domain/checkin-history';
import { sellickFeatures, sideLabels, turnSides, type TurnSide } from '@shared/domain/sessions';
import { formatDate } from '@shared/format/dates';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { EmptyState, ErrorMessage } from '@renderer/ui/Screen';
import { chartDate, ScoreGrid, scoreScale, type ScoreFrame } from '@renderer/ui/scoreChart';
import './checkin-chart.css';

export type CheckinScope = { homeId: string } | { placementId: string } | { organisationId: string };

/** Short names for the table's headings; the check-in itself gives each feature in full. */
const featureNames: Record<(typeof sellickFeatures)[number]['id'], string> = {
  'senior-relationships': 'Senior relationships',
  collaboration: 'Collaboration',
  'difficult-needs': 'Difficult-to-meet needs',
  'mutual-advantage': 'Mutual advantage',
};

/** Each side's line is told apart by its dash and its points, not by colour alone. */
const series: Record<TurnSide, { colour: string; dash?: string; point: 'circle' | 'square'; description: string }> = {
  commissioner: { colour: '#1d5c63', point: 'circle', description: 'solid line, round points' },
  provider: { colour: '#8a4b00', dash: '9 6', point: 'square', description: 'dashed line, square points' },
};

export function averageScore(entry: CheckinHistoryEntry, side: TurnSide): number {
  const scores = sellickFeatures.map((feature) => entry.ratings[side][feature.id].score);
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

const oneDecimal = (value: number) => value.toFixed(1);

/** “Average check-in score across 3 reviews: commissioner from 3.0 to 4.3, provider from 2.8 to 4.0” */
export function chartSummary(entries: CheckinHistoryEntry[]): string {
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  if (entries.length === 1) {
    const sides = turnSides.map((side) => `${side} ${oneDecimal(averageScore(first, side))}`);
    return `Average check-in score in 1 review: ${sides.join(', ')}`;
  }
  const sides = turnSides.map(
    (side) => `${side} from ${oneDecimal(averageScore(first, side))} to ${oneDecimal(averageScore(last, side))}`,
  );
  return `Average check-in score across ${entries.length} reviews: ${sides.join(', ')}`;
}

const frame: ScoreFrame = { width: 640, height: 260, plot: { left: 60, right: 48, top: 16, bottom: 44 } };
const { width, height } = frame;

function Point({ x, y, side }: { x: number; y: number; side: TurnSide }) {
  const { colour, point } = series[side];
  if (point === 'circle') return <circle cx={x} cy={y} r={6} fill={colour} />;
  return <rect x={x - 6} y={y - 6} width={12} height={12} fill={colour} />;
}

function LegendKey({ side }: { side: TurnSide }) {
  const { colour, dash } = series[side];
  return (
    <svg className="checkin-chart__key" width="44" height="16" viewBox="0 0 44 16" aria-hidden="true" focusable="false">
      <line x1="2" y1="8" x2="42" y2="8" stroke={colour} strokeWidth="3" strokeDasharray={dash} />
      <Point x={22} y={8} side={side} />
    </svg>
  );
}

/** Each side's average score per review over time, as two lines. */
function Chart({ entries }: { entries: CheckinHistoryEntry[] }) {
  // Dates under every point while they fit; otherwise under the first, the last and some between.
  const { x, y, labelled } = scoreScale(frame, entries.length, 6);
  return (
    <svg
      className="checkin-chart__svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={chartSummary(entries)}
    >
      <ScoreGrid frame={frame} y={y} labelGap={12} className="checkin-chart" />
      {entries.map((entry, index) =>
        labelled(index) ? (
          <text key={entry.reviewId} x={x(index)} y={height - 14} textAnchor="middle" className="checkin-chart__label">
            {chartDate.format(new Date(entry.scheduledFor))}
          </text>
        ) : null,
      )}
      {turnSides.map((side) => {
        const points = entries.map((entry, index) => ({
          x: x(index),
          y: y(averageScore(entry, side)),
          id: entry.reviewId,
        }));
        return (
          <g key={side}>
            <polyline
              points={points.map((p) => `${p.x},${p.y}`).join(' ')}
              fill="none"
              stroke={series[side].colour}
              strokeWidth={3}
              strokeDasharray={series[side].dash}
            />
            {points.map((p) => (
              <Point key={p.id} x={p.x} y={p.y} side={side} />
            ))}
          </g>
        );
      })}
    </svg>
  );
}

/** The figures behind the chart: a row for each side in each review. */
function FiguresTable({ entries }: { entries: CheckinHistoryEntry[] }) {
  return (
    // Scrolls sideways in a narrow window, so it can take focus to be scrolled by keyboard.
    <div className="checkin-chart__table score-chart-table" role="region" aria-label="Check-in figures" tabIndex={0}>
      <table className="table">
        <caption>Check-in scores by review, from 1 (weak) to 5 (strong)</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Review</th>
            <th scope="col">Side</th>
            {sellickFeatures.map((feature) => (
              <th key={feature.id} scope="col">
                {featureNames[feature.id]}
              </th>
            ))}
            <th scope="col">Average</th>
          </tr>
        </thead>
        {entries.map((entry) => (
          <tbody key={entry.reviewId}>
            {turnSides.map((side, index) => (
              <tr key={side}>
                {index === 0 && (
                  <>
                    <td rowSpan={turnSides.length} className="checkin-chart__date">
                      {formatDate(entry.scheduledFor)}
                    </td>
                    <td rowSpan={turnSides.length}>{entry.title}</td>
                  </>
                )}
                <th scope="row">{sideLabels[side]}</th>
                {sellickFeatures.map((feature) => (
                  <td key={feature.id}>{entry.ratings[side][feature.id].score}</td>
                ))}
                <td>{oneDecimal(averageScore(entry, side))}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/**
 * Sellick's four features as both sides rated them at check-in, across the reviews of a home, a
 * placement or an organisation: a chart of each side's average, and the figures behind it.
 */
export function CheckinChart({ scope }: { scope: CheckinScope }) {
  const history = useApiQuery('checkin.history', scope);

  if (history.status === 'error') return <ErrorMessage message={failureOf(history)} />;
  if (history.status === 'pending') return null;
  const entries = history.data;
  if (entries.length === 0) {
    return (
      <EmptyState>
        <p>No check-ins yet: ratings appear here once both sides have rated in a review.</p>
      </EmptyState>
    );
  }
  return (
    <div className="checkin-chart">
      <Chart entries={entries} />
      <ul className="checkin-chart__legend" aria-label="Key">
        {turnSides.map((side) => (
          <li key={side}>
            <LegendKey side={side} />
            {sideLabels[side]} ({series[side].description})
          </li>
        ))}
      </ul>
      <details className="checkin-chart__figures score-chart-figures">
        <summary>Show the figures</summary>
        <FiguresTable entries={entries} />
      </details>
    </div>
  );
}
