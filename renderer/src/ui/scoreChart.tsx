import './score-chart.css';

/** The frame of a chart of 1-to-5 scores over time: its size, where its plot sits, and its date labels. */
export interface ScoreFrame {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
}

export const chartDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/London',
});

const scores = [1, 2, 3, 4, 5];

/**
 * Where the `count` points of a score chart go: spread evenly across the plot (one alone in the
 * middle), 5 at the top and 1 at the foot; dates under at most `labelsAtMost` of them, always
 * the last, never crowding it.
 */
export function scoreScale({ width, height, plot }: ScoreFrame, count: number, labelsAtMost: number) {
  const plotWidth = width - plot.left - plot.right;
  const plotHeight = height - plot.top - plot.bottom;
  const labelEvery = Math.ceil(count / labelsAtMost);
  return {
    x: (index: number) => (count === 1 ? plot.left + plotWidth / 2 : plot.left + (index * plotWidth) / (count - 1)),
    y: (score: number) => plot.top + ((5 - score) / 4) * plotHeight,
    labelled: (index: number) =>
      index === count - 1 || (index % labelEvery === 0 && count - 1 - index >= labelEvery / 2),
  };
}

/** The chart's lines for each score from 1 to 5, each with its number to the left. */
export function ScoreGrid({
  frame,
  y,
  labelGap,
  className,
}: {
  frame: ScoreFrame;
  y: (score: number) => number;
  labelGap: number;
  className: string;
}) {
  const { width, plot } = frame;
  return (
    <>
      {scores.map((score) => (
        <g key={score}>
          <line x1={plot.left} x2={width - plot.right} y1={y(score)} y2={y(score)} className={`${className}__grid`} />
          <text
            x={plot.left - labelGap}
            y={y(score)}
            textAnchor="end"
            dominantBaseline="middle"
            className={`${className}__label`}
          >
            {score}
          </text>
        </g>
      ))}
    </>
  );
}
