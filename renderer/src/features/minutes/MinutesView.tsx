import type { MinutesContent } from '@shared/domain/minutes';
import { actionStatusLabels, noteKindLabels, sideLabels, stageLabels } from '@shared/domain/sessions';
import { formatDate, formatDateTime } from '@shared/format/dates';

function People({ list }: { list: MinutesContent['present'] }) {
  if (list.length === 0) return <p className="muted">None recorded.</p>;
  return (
    <ul>
      {list.map((p, index) => (
        <li key={index}>
          <strong>{p.name}</strong>
          {[p.role, p.organisation].filter(Boolean).map((x) => `, ${x}`)} ({sideLabels[p.side]})
        </li>
      ))}
    </ul>
  );
}

/** The minutes on screen: the same content the PDF is printed from. */
export function MinutesView({ content }: { content: MinutesContent }) {
  const stages = content.stages.filter((stage) => stage.summary || stage.notes.length || stage.cards.length);
  return (
    <article className="minutes" aria-label="The minutes">
      <p>
        {formatDateTime(content.scheduledFor)}
        {content.place && `, ${content.place}`}. Between {content.subject.commissioner} (commissioner) and{' '}
        {content.subject.provider} (provider).
      </p>
      <h3>Present</h3>
      <People list={content.present} />
      <h3>Apologies</h3>
      <People list={content.apologies} />
      {content.apologiesNote && <p>{content.apologiesNote}</p>}
      <h3>Purpose and affirmative topic</h3>
      {content.purpose && <p>Purpose: {content.purpose}</p>}
      {content.affirmativeTopic && <p>Affirmative topic: {content.affirmativeTopic}</p>}
      {content.summary && <p className="minutes__prose">{content.summary}</p>}
      <h3>Matters arising</h3>
      {content.mattersArising.length === 0 ? (
        <p className="muted">No actions were carried over from an earlier review.</p>
      ) : (
        <ul>
          {content.mattersArising.map((m, index) => (
            <li key={index}>
              <strong>{m.text}</strong> ({m.owner || 'no one named'}): {actionStatusLabels[m.status]}
              {m.reason && `. ${m.reason}`}
            </li>
          ))}
        </ul>
      )}
      <h3>Check-in</h3>
      {content.checkin ? (
        <table className="table">
          <caption className="visually-hidden">Check-in ratings from 1 to 5</caption>
          <thead>
            <tr>
              <th scope="col">Feature of the relationship</th>
              <th scope="col">Commissioner</th>
              <th scope="col">Provider</th>
            </tr>
          </thead>
          <tbody>
            {content.checkin.map((row) => (
              <tr key={row.feature}>
                <th scope="row">{row.feature}</th>
                <td>{row.commissioner.score}</td>
                <td>{row.provider.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No check-in was recorded.</p>
      )}
      {stages.map((stage) => (
        <section key={stage.stage} aria-label={stageLabels[stage.stage]}>
          <h3>{stageLabels[stage.stage]}</h3>
          {stage.summary && <p className="minutes__prose">{stage.summary}</p>}
          {stage.cards.length > 0 && (
            <p className="muted">Cards used: {stage.cards.map((card) => card.title).join('; ')}</p>
          )}
          <ul>
            {stage.notes.map((note, index) => (
              <li key={index}>
                {note.text}{' '}
                <span className="muted">
                  ({sideLabels[note.side]}, {noteKindLabels[note.kind].toLowerCase()})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h3>Concerns</h3>
      {content.concerns.length === 0 ? (
        <p className="muted">No concerns were raised.</p>
      ) : (
        <ul className="minutes__concerns">
          {content.concerns.map((concern, index) => (
            <li key={index}>
              <strong>{concern.text}</strong> ({sideLabels[concern.side]}).{' '}
              {concern.actions.length
                ? `Action: ${concern.actions.join('; ')}`
                : `No action, because: ${concern.noActionReason}`}
            </li>
          ))}
        </ul>
      )}
      <h3>Actions</h3>
      {content.actions.length === 0 ? (
        <p className="muted">No actions were agreed.</p>
      ) : (
        <ul>
          {content.actions.map((action, index) => (
            <li key={index}>
              <strong>{action.text}</strong>: {action.owner}, by{' '}
              {action.dueDate ? formatDate(action.dueDate) : 'no date given'}
            </li>
          ))}
        </ul>
      )}
      <h3>Next review</h3>
      <p>{content.nextReviewDate ? formatDate(content.nextReviewDate) : 'Not yet set.'}</p>
    </article>
  );
}
