import { qualityOfCareVariables, type VariableRating } from '@shared/domain/visits';
import { formatDate } from '@shared/format/dates';
import { failureOf, useApiQuery } from '@renderer/api/useApiQuery';
import { hrefFor } from '@renderer/navigation/routes';
import { EmptyState, ErrorMessage } from './Screen';
import { chartDate, ScoreGrid, scoreScale, type ScoreFrame } from './scoreChart';
import './variable-history.css';

const frame: ScoreFrame = { width: 480, height: 180, plot: { left: 60, right: 48, top: 12, bottom: 36 } };
const { width, height } = frame;

/** “Rated at 3 visits: from 2 to 4” */
export function variableSummary(name: string, ratings: VariableRating[]): string {
  const first = ratings[0]!;
  const last = ratings[ratings.length - 1]!;
  if (ratings.length === 1) return `${name}: rated ${first.rating} at 1 visit, ${formatDate(first.visitedAt)}`;
  return `${name}: rated at ${ratings.length} visits, from ${first.rating} on ${formatDate(first.visitedAt)} to ${last.rating} on ${formatDate(last.visitedAt)}`;
}

/** One variable's ratings over time, as a line with round points. */
function Chart({ name, ratings }: { name: string; ratings: VariableRating[] }) {
  const { x, y, labelled } = scoreScale(frame, ratings.length, 4);
  const points = ratings.map((rating, index) => ({
    x: x(index),
    y: y(rating.rating),
    key: `${rating.visitId}-${index}`,
  }));
  return (
    <svg
      className="variable-history__svg"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={variableSummary(name, ratings)}
    >
      <ScoreGrid frame={frame} y={y} labelGap={24} className="variable-history" />
      {ratings.map((rating, index) =>
        labelled(index) ? (
          <text
            key={points[index]!.key}
            x={x(index)}
            y={height - 10}
            textAnchor="middle"
            className="variable-history__label"
          >
            {chartDate.format(new Date(rating.visitedAt))}
          </text>
        ) : null,
      )}
      <polyline
        points={points.map((p) => `${p.x},${p.y}`).join(' ')}
        fill="none"
        className="variable-history__line"
        strokeWidth={3}
      />
      {points.map((p) => (
        <circle key={p.key} cx={p.x} cy={p.y} r={6} className="variable-history__point" />
      ))}
    </svg>
  );
}

/** The figures behind one variable's chart: each visit's rating and its reason. */
function FiguresTable({ name, ratings }: { name: string; ratings: VariableRating[] }) {
  return (
    <div
      className="variable-history__table score-chart-table"
      role="region"
      aria-label={`${name}: figures`}
      tabIndex={0}
    >
      <table className="table">
        <caption>{name}: ratings by visit, from 1 (not at all) to 5 (very much so)</caption>
        <thead>
          <tr>
            <th scope="col">Visit</th>
            <th scope="col">Rating</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {ratings.map((rating, index) => (
            <tr key={`${rating.visitId}-${index}`}>
              <th scope="row" className="variable-history__date">
                <a href={hrefFor('visits', rating.visitId)}>{formatDate(rating.visitedAt)}</a>
              </th>
              <td>{rating.rating}</td>
              <td>{rating.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The thirteen quality-of-care variables as rated at a home's visits over time: for each variable
 * rated at least once, a small chart and the figures behind it.
 */
export function VariableHistory({ homeId }: { homeId: string }) {
  const history = useApiQuery('visits.variableHistory', { homeId });
  if (history.status === 'error') return <ErrorMessage message={failureOf(history)} />;
  if (history.status === 'pending') return null;
  const rated = qualityOfCareVariables
    .map((variable) => ({ ...variable, ratings: history.data.filter((rating) => rating.variable === variable.number) }))
    .filter((variable) => variable.ratings.length > 0);
  if (rated.length === 0) {
    return (
      <EmptyState>
        <p>No variable rated yet: ratings given at visits appear here.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="variable-history">
      {rated.map((variable) => {
        const name = `${variable.number}. ${variable.name}`;
        return (
          <li key={variable.number} className="variable-history__item">
            <h3>{name}</h3>
            <Chart name={name} ratings={variable.ratings} />
            <details className="variable-history__figures score-chart-figures">
              <summary>
                Show the figures<span className="visually-hidden"> for {variable.name}</span>
              </summary>
              <FiguresTable name={name} ratings={variable.ratings} />
            </details>
          </li>
        );
      })}
    </ul>
  );
}
