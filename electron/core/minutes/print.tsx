import { renderToStaticMarkup } from 'react-dom/server';
import type { MinutesVersion } from '@shared/domain/minutes';
import { MinutesDocument } from '@shared/minutes/MinutesDocument';
import { SignaturePage, type SealNotice } from '@shared/minutes/SignaturePage';
import { appFontFaceCss, appFontFamily, appMonoFontFamily } from '@core/platform/fonts';

export type { SealNotice };

// Headings stay with what follows them, and rows, items and signatures are never split across pages.
const printStyles = `
  body { font-family: '${appFontFamily}', sans-serif; font-size: 11pt; line-height: 1.45; color: #1f2328; margin: 0; }
  h1 { font-size: 20pt; margin: 4pt 0 8pt; line-height: 1.2; }
  h2 { font-size: 14pt; margin: 16pt 0 6pt; border-bottom: 1px solid #8c8577; padding-bottom: 2pt; }
  h3 { font-size: 12pt; margin: 12pt 0 4pt; }
  h1, h2, h3, h4 { break-after: avoid-page; break-inside: avoid; }
  p, li, tr, caption, .minutes-doc__signature { break-inside: avoid; orphans: 3; widows: 3; }
  thead { display: table-header-group; }
  /* A table's head is never left at the foot of a page without a row under it; short tables keep whole. */
  tbody tr:first-child { break-before: avoid-page; }
  .minutes-doc__facts, .minutes-doc__checkin { break-inside: avoid; }
  ul { padding-left: 16pt; margin: 4pt 0; }
  .minutes-doc__letterhead { border-bottom: 3pt solid #1f4e5f; padding-bottom: 8pt; }
  .minutes-doc__kicker { text-transform: uppercase; letter-spacing: .04em; font-size: 9pt; color: #3d4349; margin: 0; }
  .minutes-doc__facts th { width: 28%; font-weight: 700; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
  th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b9b3a6; padding: 3pt 6pt 3pt 0; }
  caption { text-align: left; font-style: italic; padding-bottom: 3pt; }
  .minutes-doc__none, .minutes-doc__attribution { color: #3d4349; }
  .minutes-doc__prose { white-space: pre-wrap; }
  .minutes-doc__concerns ul, .minutes-doc__disagreements ul { list-style: none; padding-left: 0; }
  .minutes-doc__concerns li { border-left: 4pt solid #8a5a00; padding-left: 8pt; margin-bottom: 6pt; }
  .minutes-doc__disagreements li { border-left: 4pt solid #1f4e5f; padding-left: 8pt; margin-bottom: 6pt; }
  /* A card's name is never left at the foot of a page without a note under it. */
  .minutes-doc__card-title { break-after: avoid-page; margin-bottom: 0; }
  .minutes-doc__amends { font-weight: 700; }
  .minutes-doc__signature-page { break-before: page; }
  .minutes-doc__signature { border: 1px solid #b9b3a6; padding: 8pt; margin: 8pt 0; }
  .minutes-doc__signature img { max-height: 70pt; max-width: 100%; }
  .minutes-doc__typed-signature { font-size: 20pt; margin: 0; }
  .minutes-doc__record { font-size: 9.5pt; }
  code { font-family: '${appMonoFontFamily}', monospace; font-size: 9pt; word-break: break-all; }
  code.minutes-doc__key { word-break: normal; } /* lines break between the groups read aloud */
`;

/** The minutes as a whole HTML document for printing: the same components as the screen, its own styles and fonts, nothing fetched. */
export function minutesHtml(minutes: MinutesVersion, seal: SealNotice | null = null): string {
  const body = renderToStaticMarkup(
    <main>
      <MinutesDocument content={minutes.content} level={1} />
      <SignaturePage minutes={minutes} seal={seal} level={2} />
    </main>,
  );
  const title = renderToStaticMarkup(<title>{minutes.content.title}</title>);
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">${title}<style>${appFontFaceCss()}\n${printStyles}</style></head><body>${body}</body></html>`;
}
