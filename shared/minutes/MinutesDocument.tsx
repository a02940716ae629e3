import type { ReactNode } from 'react';
import type { MinutesContent } from '@shared/domain/minutes';
import { actionStatusLabels, noteKindLabels, sideLabels, stageLabels, type Stage } from '@shared/domain/sessions';
import { visitKindLabels } from '@shared/domain/visits';
import { formatDate, formatDateTime } from '@shared/format/dates';

/**
 * The minutes, one rendering for every reader: the Minutes screen shows it, and the printer
 * renders it with react-dom/server into the PDF that is sealed. Nothing here depends on where it
 * is shown; each host styles its class names.
 */

type Level = 1 | 2 | 3 | 4;

/** A label as it reads inside a sentence: “The commissioner’s visit” becomes “the commissioner’s visit”. */
const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
type Content = MinutesContent;

function Heading({ level, children }: { level: number; children: ReactNode }) {
  const Tag = `h${Math.min(level, 6)}` as 'h1';
  return <Tag>{children}</Tag>;
}

/** Text as the editors typed it: blank lines part paragraphs; single line breaks stay. */
function Prose({ text }: { text: string }) {
  const blocks = text.split(/\n\s*\n/).filter((block) => block.trim());
  return (
    <>
      {blocks.map((block, index) => (
        <p key={index} className="minutes-doc__prose">
          {block.trim()}
        </p>
      ))}
    </>
  );
}

const None = ({ children }: { children: ReactNode }) => <p className="minutes-doc__none">{children}</p>;
const dueWords = (dueDate: string | null) => (dueDate ? formatDate(dueDate) : 'No date set');

function People({ list }: { list: Content['present'] }) {
  return (
    <ul>
      {list.map((person, index) => (
        <li key={index}>
          <strong>{person.name}</strong>
          {[person.role, person.organisation].filter(Boolean).map((part) => `, ${part}`)} (
          {sideLabels[person.side].toLowerCase()})
        </li>
      ))}
    </ul>
  );
}

function Letterhead({ content, level }: { content: Content; level: Level }) {
  const { subject } = content;
  const rows: [string, ReactNode][] = [
    ['Commissioner', subject.commissioner],
    ['Provider', subject.provider],
    ...(subject.home
      ? [['Home', `${subject.home.name}, Ofsted URN ${subject.home.ofstedUrn}`] as [string, string]]
      : []),
    ...(subject.childReference ? [['Child reference', subject.childReference] as [string, string]] : []),
    ['Held', [formatDateTime(content.scheduledFor), content.place].filter(Boolean).join(', ')],
    ['Version', content.version === 1 ? 'Version 1' : `Version ${content.version}`],
  ];
  return (
    <header className="minutes-doc__letterhead">
      <p className="minutes-doc__kicker">
        Joint review minutes: {subject.commissioner} and {subject.provider}
      </p>
      <Heading level={level}>{content.title}</Heading>
      <table className="minutes-doc__facts">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {content.amends && (
        <p className="minutes-doc__amends">
          This version corrects version {content.amends.version} (fingerprint {content.amends.fingerprint}), which is
          kept.
        </p>
      )}
    </header>
  );
}

type StageContent = Content['stages'][number];
type StageNote = StageContent['notes'][number];

function NoteItem({ note }: { note: StageNote }) {
  return (
    <li>
      {note.text}{' '}
      <span className="minutes-doc__attribution">
        ({sideLabels[note.side]}, {noteKindLabels[note.kind].toLowerCase()})
      </span>
      {note.kind === 'evidence' && (
        <>
          {' '}
          <span className="minutes-doc__source">Source: {note.source?.trim() || 'none given'}.</span>
        </>
      )}
      {note.fromVisit && (
        <>
          {' '}
          <span className="minutes-doc__source">
            From {inSentence(visitKindLabels[note.fromVisit.kind])} on {formatDate(note.fromVisit.visitedAt)}.
          </span>
        </>
      )}
    </li>
  );
}

/**
 * What the room recorded in one stage: the editors' words, the cards drawn, the notes about each
 * card under it, then the notes about no card.
 */
function StageRecord({ stage }: { stage: StageContent | undefined }) {
  if (!stage) return null;
  const drawn = new Set(stage.cards.map((card) => card.id));
  const aboutCards = [
    ...stage.cards.map((card) => ({ id: card.id, title: card.title })),
    ...stage.notes
      .flatMap((note) => (note.card && !drawn.has(note.card.id) ? [note.card] : []))
      .filter((card, index, all) => all.findIndex((other) => other.id === card.id) === index),
  ]
    .map((card) => ({ card, notes: stage.notes.filter((note) => note.card?.id === card.id) }))
    .filter((group) => group.notes.length > 0);
  const unattached = stage.notes.filter((note) => !note.card);
  return (
    <>
      <Prose text={stage.summary} />
      {stage.cards.length > 0 && (
        <p className="minutes-doc__cards">
          <em>Cards drawn:</em>{' '}
          {stage.cards
            .map((card) =>
              card.carriedFrom ? `${card.title} (carried on from ${stageLabels[card.carriedFrom]})` : card.title,
            )
            .join('; ')}
          .
        </p>
      )}
      {aboutCards.map(({ card, notes }) => (
        <div key={card.id} className="minutes-doc__card-notes">
          <p className="minutes-doc__card-title">
            <em>About the card “{card.title}”:</em>
          </p>
          <ul className="minutes-doc__notes">
            {notes.map((note, index) => (
              <NoteItem key={index} note={note} />
            ))}
          </ul>
        </div>
      ))}
      {unattached.length > 0 && (
        <>
          {aboutCards.length > 0 && (
            <p className="minutes-doc__card-title">
              <em>About no card in particular:</em>
            </p>
          )}
          <ul className="minutes-doc__notes">
            {unattached.map((note, index) => (
              <NoteItem key={index} note={note} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Section({
  level,
  title,
  className,
  children,
}: {
  level: number;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={['minutes-doc__section', className].filter(Boolean).join(' ')} aria-label={title}>
      <Heading level={level}>{title}</Heading>
      {children}
    </section>
  );
}

const ratingWords = (rating: { score: number; word: string }) =>
  rating.word ? `${rating.score} (${rating.word})` : String(rating.score);

const enquiryStages = ['discover', 'dream', 'design', 'deliver'] as const satisfies readonly Stage[];

/**
 * The minutes in the order of the meeting: who was there, the summary, Define, Check-in, Matters
 * arising, Discover to Deliver, Close; then the concerns with their answers, the actions agreed
 * and the next review. `level` is the heading level of the title; sections sit one below it.
 */
export function MinutesDocument({ content, level = 1 }: { content: Content; level?: Level }) {
  const section = level + 1;
  const stage = (id: Stage) => content.stages.find((entry) => entry.stage === id);
  const recorded = (id: Stage) => {
    const entry = stage(id);
    return !!entry && (entry.summary.trim() !== '' || entry.notes.length > 0 || entry.cards.length > 0);
  };
  return (
    <article className="minutes-doc" aria-label="The minutes">
      <Letterhead content={content} level={level} />

      <Section level={section} title="Present">
        {content.present.length ? <People list={content.present} /> : <None>No one was recorded as present.</None>}
      </Section>
      <Section level={section} title="Apologies">
        {content.apologies.length > 0 && <People list={content.apologies} />}
        {content.apologiesNote.trim() && <Prose text={content.apologiesNote} />}
        {!content.apologies.length && !content.apologiesNote.trim() && <None>None.</None>}
      </Section>

      {content.summary.trim() && (
        <Section level={section} title="Summary">
          <Prose text={content.summary} />
        </Section>
      )}

      <Section level={section} title={stageLabels.define}>
        {content.purpose.trim() ? (
          <p>
            <strong>Purpose:</strong> {content.purpose}
          </p>
        ) : (
          <None>No purpose was recorded.</None>
        )}
        {content.affirmativeTopic.trim() && (
          <p>
            <strong>Affirmative topic:</strong> {content.affirmativeTopic}
          </p>
        )}
        <StageRecord stage={stage('define')} />
      </Section>

      <Section level={section} title={stageLabels.checkin}>
        {content.checkin ? (
          <table className="minutes-doc__table minutes-doc__checkin">
            <caption>Each side’s rating, from 1 (not at all) to 5 (fully), with the word they chose</caption>
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
                  <td>{ratingWords(row.commissioner)}</td>
                  <td>{ratingWords(row.provider)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <None>No check-in was recorded.</None>
        )}
        <StageRecord stage={stage('checkin')} />
      </Section>

      <Section level={section} title={stageLabels.matters}>
        {content.mattersArising.length ? (
          <table className="minutes-doc__table">
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Who</th>
                <th scope="col">Due</th>
                <th scope="col">Where it stands</th>
              </tr>
            </thead>
            <tbody>
              {content.mattersArising.map((matter, index) => (
                <tr key={index}>
                  <td>
                    {matter.text}
                    {matter.fromReview && <span className="minutes-doc__attribution"> (from {matter.fromReview})</span>}
                  </td>
                  <td>{matter.owner || 'No one named'}</td>
                  <td>{dueWords(matter.dueDate)}</td>
                  <td>
                    {actionStatusLabels[matter.status]}
                    {matter.reason && `: ${matter.reason}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <None>No actions were carried over from an earlier review.</None>
        )}
        <StageRecord stage={stage('matters')} />
      </Section>

      {content.visits && (
        <Section level={section} title="Visits since the last review">
          {content.visits.length ? (
            <ul className="minutes-doc__visits">
              {content.visits.map((visit, index) => (
                <li key={index}>
                  {formatDateTime(visit.visitedAt)}: {inSentence(visitKindLabels[visit.kind])} to {visit.home}
                  {visit.visitors.length > 0 && `, by ${visit.visitors.join(', ')}`}
                  {visit.purpose && `. ${visit.purpose}`} ({visit.notes === 1 ? '1 note' : `${visit.notes} notes`})
                </li>
              ))}
            </ul>
          ) : (
            <None>No visits were recorded since the last review.</None>
          )}
        </Section>
      )}

      {enquiryStages.map((id) => (
        <Section key={id} level={section} title={stageLabels[id]}>
          {recorded(id) ? <StageRecord stage={stage(id)} /> : <None>Nothing was recorded.</None>}
        </Section>
      ))}

      {recorded('close') && (
        <Section level={section} title={stageLabels.close}>
          <StageRecord stage={stage('close')} />
        </Section>
      )}

      <Section level={section} title="Concerns" className="minutes-doc__concerns">
        {content.concerns.length ? (
          <ul>
            {content.concerns.map((concern, index) => (
              <li key={index}>
                <strong>{concern.text}</strong>{' '}
                <span className="minutes-doc__attribution">
                  (raised by the {sideLabels[concern.side].toLowerCase()})
                </span>
                <br />
                {concern.actions.length
                  ? `Action agreed: ${concern.actions.join('; ')}.`
                  : `No action was agreed. The reason recorded: ${concern.noActionReason ?? 'none given'}`}
              </li>
            ))}
          </ul>
        ) : (
          <None>No concerns were raised.</None>
        )}
      </Section>

      {content.disagreements && (
        <Section level={section} title="Agreed disagreements" className="minutes-doc__disagreements">
          {content.disagreements.length ? (
            <ul>
              {content.disagreements.map((disagreement, index) => (
                <li key={index}>
                  <strong>{disagreement.subject.trim() || 'A disagreement'}</strong>{' '}
                  <span className="minutes-doc__attribution">
                    (in {stageLabels[disagreement.stage]}
                    {disagreement.card ? `, about the card “${disagreement.card.title}”` : ''})
                  </span>
                  <br />
                  The commissioner’s view: {disagreement.commissionerView.trim() || 'not recorded'}
                  <br />
                  The provider’s view: {disagreement.providerView.trim() || 'not recorded'}
                </li>
              ))}
            </ul>
          ) : (
            <None>No disagreements were recorded.</None>
          )}
        </Section>
      )}

      <Section level={section} title="Actions agreed">
        {content.actions.length ? (
          <table className="minutes-doc__table">
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Who</th>
                <th scope="col">By when</th>
              </tr>
            </thead>
            <tbody>
              {content.actions.map((action, index) => (
                <tr key={index}>
                  <td>{action.text}</td>
                  <td>{action.owner || 'No one named'}</td>
                  <td>{dueWords(action.dueDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <None>No actions were agreed.</None>
        )}
      </Section>

      <Section level={section} title="Next review">
        <p>{content.nextReviewDate ? formatDate(content.nextReviewDate) : 'No date has been set.'}</p>
      </Section>
    </article>
  );
}
