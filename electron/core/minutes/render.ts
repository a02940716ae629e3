import type { MinutesContent, MinutesVersion } from '@shared/domain/minutes';
import { actionStatusLabels, noteKindLabels, sideLabels, stageLabels } from '@shared/domain/sessions';
import { formatDate, formatDateTime } from '@shared/format/dates';
import { groupFingerprint } from '@shared/format/fingerprint';

/** Every piece of text that reaches the document passes through here. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter((block) => block.trim())
    .map((block) => `<p>${escape(block).replace(/\n/g, '<br>')}</p>`)
    .join('');

const orNone = (items: string[], none: string) =>
  items.length ? `<ul>${items.join('')}</ul>` : `<p class="none">${escape(none)}</p>`;
const date = (value: string | null) => (value ? formatDate(value) : 'no date given');

function people(list: MinutesContent['present']): string {
  return orNone(
    list.map(
      (p) =>
        `<li><strong>${escape(p.name)}</strong>${[p.role, p.organisation]
          .filter(Boolean)
          .map((x) => `, ${escape(x)}`)
          .join('')} <span class="side">(${sideLabels[p.side]})</span></li>`,
    ),
    'None recorded.',
  );
}

function body(content: MinutesContent): string {
  const subject = [
    content.subject.home
      ? `${escape(content.subject.home.name)} (Ofsted URN ${escape(content.subject.home.ofstedUrn)})`
      : null,
    content.subject.childReference ? `Child reference ${escape(content.subject.childReference)}` : null,
  ].filter(Boolean);
  const stages = content.stages
    .filter((stage) => stage.summary || stage.notes.length || stage.cards.length)
    .map(
      (stage) => `
      <section><h3>${stageLabels[stage.stage]}</h3>
        ${paragraphs(stage.summary)}
        ${stage.cards.length ? `<p class="cards">Cards used: ${stage.cards.map((card) => escape(card.title)).join('; ')}</p>` : ''}
        ${orNone(
          stage.notes.map(
            (note) =>
              `<li>${escape(note.text)} <span class="side">(${sideLabels[note.side]}, ${noteKindLabels[note.kind].toLowerCase()})</span></li>`,
          ),
          'No notes.',
        )}
      </section>`,
    )
    .join('');
  return `
    <header>
      <p class="kicker">Joint review minutes${content.version > 1 ? `, version ${content.version}` : ''}</p>
      <h1>${escape(content.title)}</h1>
      <p>${formatDateTime(content.scheduledFor)}${content.place ? `, ${escape(content.place)}` : ''}</p>
      <p>Between ${escape(content.subject.commissioner)} (commissioner) and ${escape(content.subject.provider)} (provider)${subject.length ? `. ${subject.join('. ')}` : ''}.</p>
      ${content.amends ? `<p class="amends">This version corrects version ${content.amends.version} (fingerprint ${escape(content.amends.fingerprint)}), which is kept.</p>` : ''}
    </header>
    <section><h2>Present</h2>${people(content.present)}</section>
    <section><h2>Apologies</h2>${people(content.apologies)}${content.apologiesNote ? `<p>${escape(content.apologiesNote)}</p>` : ''}</section>
    <section><h2>Purpose and affirmative topic</h2>
      ${content.purpose ? `<p><strong>Purpose:</strong> ${escape(content.purpose)}</p>` : ''}
      ${content.affirmativeTopic ? `<p><strong>Affirmative topic:</strong> ${escape(content.affirmativeTopic)}</p>` : ''}
      ${paragraphs(content.summary)}
    </section>
    <section><h2>Matters arising</h2>
      ${orNone(
        content.mattersArising.map(
          (m) =>
            `<li><strong>${escape(m.text)}</strong> (${escape(m.owner) || 'no one named'}, due ${date(m.dueDate)}): ${actionStatusLabels[m.status]}${m.reason ? `. ${escape(m.reason)}` : ''}</li>`,
        ),
        'No actions were carried over from an earlier review.',
      )}
    </section>
    <section><h2>Check-in</h2>
      ${
        content.checkin
          ? `<table><caption>Ratings from 1 to 5</caption><thead><tr><th scope="col">Feature of the relationship</th><th scope="col">Commissioner</th><th scope="col">Provider</th></tr></thead><tbody>${content.checkin
              .map(
                (row) =>
                  `<tr><th scope="row">${escape(row.feature)}</th><td>${row.commissioner.score}${row.commissioner.word ? ` (${escape(row.commissioner.word)})` : ''}</td><td>${row.provider.score}${row.provider.word ? ` (${escape(row.provider.word)})` : ''}</td></tr>`,
              )
              .join('')}</tbody></table>`
          : '<p class="none">No check-in was recorded.</p>'
      }
    </section>
    <section><h2>What was discovered, dreamed, designed and agreed</h2>${stages || '<p class="none">Nothing was recorded.</p>'}</section>
    <section class="concerns"><h2>Concerns</h2>
      ${orNone(
        content.concerns.map(
          (c) =>
            `<li><strong>${escape(c.text)}</strong> <span class="side">(${sideLabels[c.side]})</span><br>${
              c.actions.length
                ? `Action: ${c.actions.map(escape).join('; ')}`
                : `No action, because: ${escape(c.noActionReason ?? '')}`
            }</li>`,
        ),
        'No concerns were raised.',
      )}
    </section>
    <section><h2>Actions</h2>
      ${orNone(
        content.actions.map(
          (a) => `<li><strong>${escape(a.text)}</strong>: ${escape(a.owner)}, by ${date(a.dueDate)}</li>`,
        ),
        'No actions were agreed.',
      )}
    </section>
    <section><h2>Next review</h2><p>${content.nextReviewDate ? formatDate(content.nextReviewDate) : 'Not yet set.'}</p></section>`;
}

/** The organisation whose key seals the minutes, and that key's fingerprint: printed inside what the seal covers. */
export interface SealNotice {
  organisation: string;
  keyFingerprint: string;
}

function signaturePage(minutes: MinutesVersion, seal: SealNotice | null): string {
  const signatures = minutes.signatures
    .map(
      (s) => `
      <div class="signature">
        ${s.image ? `<img src="${s.image}" alt="Signature drawn by ${escape(s.name)}">` : `<p class="typed-signature">${escape(s.name)}</p><p class="small">Signed by typing their name.</p>`}
        <p><strong>${escape(s.name)}</strong>${s.role ? `, ${escape(s.role)}` : ''}${s.organisation ? `, ${escape(s.organisation)}` : ''} (${sideLabels[s.side]})</p>
        <p class="small">“${escape(s.statement)}” Signed ${formatDateTime(s.signedAt)} against fingerprint ${escape(s.fingerprint)}.</p>
      </div>`,
    )
    .join('');
  const audit = minutes.audit
    .map((entry) => `<li>${formatDateTime(entry.at)}: ${escape(describeAudit(entry))}</li>`)
    .join('');
  return `
    <section class="signature-page"><h2>Signatures</h2>
      <p>Fingerprint of these minutes (SHA-256 of the canonical content attached to this file as minutes.json):<br><code>${escape(minutes.fingerprint ?? '')}</code></p>
      ${signatures}
      ${
        seal
          ? `<h3>Seal</h3><p>Sealed for ${escape(seal.organisation)} with the key whose fingerprint is <code class="fingerprint">${escape(groupFingerprint(seal.keyFingerprint, 'full'))}</code>.
             To check these minutes, open this file in Relational Review (Check sealed minutes) or any PDF reader that checks signatures,
             and compare the first five groups of the fingerprint (<code class="fingerprint">${escape(groupFingerprint(seal.keyFingerprint))}</code>) with the one ${escape(seal.organisation)} read out.</p>`
          : ''
      }
      <h3>Record of this version</h3><ul class="small">${audit}</ul>
    </section>`;
}

/** An audit entry in words an auditor can read a year later. */
function describeAudit(entry: MinutesVersion['audit'][number]): string {
  const detail = entry.detail as {
    name?: string;
    side?: string;
    version?: number;
    amends?: number;
    signaturesRemoved?: number;
  };
  switch (entry.action) {
    case 'minutes.locked':
      return `Locked: content and fingerprint fixed (version ${detail.version ?? ''}).`;
    case 'minutes.unlocked':
      return `Unlocked to change the words; ${detail.signaturesRemoved ?? 0} signature(s) removed.`;
    case 'minutes.signed':
      return `Signed by ${detail.name ?? 'a signer'} for the ${detail.side ?? 'review'}.`;
    case 'minutes.sealed':
      return 'Sealed with a PDF digital signature.';
    case 'minutes.amended':
      return `Drafted as version ${detail.version ?? ''}, correcting version ${detail.amends ?? ''}.`;
    case 'minutes.exported':
      return 'Exported.';
    default:
      return entry.action;
  }
}

/** The whole minutes as an HTML document for printing: its own styles and fonts, nothing fetched. */
export function renderMinutesHtml(minutes: MinutesVersion, fontCss: string, seal: SealNotice | null = null): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escape(minutes.content.title)}</title><style>
    ${fontCss}
    body { font-family: 'Atkinson Hyperlegible', sans-serif; font-size: 11pt; line-height: 1.45; color: #1f2328; }
    h1 { font-size: 20pt; margin: 0 0 6pt; } h2 { font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 1px solid #d8d4cb; }
    h3 { font-size: 12pt; margin: 12pt 0 4pt; } .kicker { text-transform: uppercase; letter-spacing: .05em; color: #4b5259; margin: 0; }
    .side, .none, .small { color: #4b5259; } .small { font-size: 9pt; } .cards { font-style: italic; }
    table { border-collapse: collapse; width: 100%; } th, td { text-align: left; border-bottom: 1px solid #d8d4cb; padding: 3pt 6pt; }
    caption { text-align: left; font-weight: 700; } .concerns { border-left: 4pt solid #8a5a00; padding-left: 8pt; }
    .signature-page { break-before: page; } .signature { border: 1px solid #d8d4cb; padding: 8pt; margin: 8pt 0; break-inside: avoid; }
    .signature img { max-height: 70pt; max-width: 100%; } .typed-signature { font-size: 20pt; font-style: italic; margin: 0; }
    code { font-size: 9pt; word-break: break-all; } code.fingerprint { word-break: normal; } /* lines break between groups read aloud */ .amends { font-weight: 700; }
  </style></head><body><main>${body(minutes.content)}${signaturePage(minutes, seal)}</main></body></html>`;
}
