import { appFontFaceCss, appFontFamily } from './fonts';

/** Prints the app's HTML documents (the minutes) to PDF. Electron and Node each implement it. */
export interface PdfPrinter {
  /** Prints a whole HTML document (its CSS and fonts inline) to an A4 PDF: tagged for screen readers, fonts embedded, with a footer on every page. */
  print(html: string, options: { footerText: string; title: string }): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Page margins in millimetres: the bottom one holds the footer. */
export const pdfMarginsMm = { top: 18, right: 18, bottom: 22, left: 18 } as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The footer Chromium draws on every page: footerText on the left, "Page X of Y" on the right.
 * Chromium renders the template as a document of its own, unstyled, at a tiny default size and
 * without the page's fonts, so it carries its own typeface, size and padding (matching the
 * side margins).
 */
export function pdfFooterTemplate(footerText: string): string {
  const style = [
    'box-sizing: border-box',
    'width: 100%',
    `padding: 0 ${pdfMarginsMm.right}mm 0 ${pdfMarginsMm.left}mm`,
    'display: flex',
    'justify-content: space-between',
    'gap: 6mm',
    `font-family: "${appFontFamily}", sans-serif`,
    'font-size: 8pt',
    'color: #333',
  ].join('; ');
  return (
    `<style>${appFontFaceCss([{ family: 'text', weight: 400, style: 'normal' }])}</style>` +
    `<div style='${style}'>` +
    `<span>${escapeHtml(footerText)}</span>` +
    `<span style="white-space: nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>` +
    `</div>`
  );
}

/**
 * The document with its <title> set to title: Chromium makes the title of the page the PDF's
 * title, which screen readers announce. Replaces the document's own title, if it has one.
 */
export function withDocumentTitle(html: string, title: string): string {
  const element = `<title>${escapeHtml(title)}</title>`;
  if (/<title[\s>][\s\S]*?<\/title>/i.test(html)) return html.replace(/<title[\s>][\s\S]*?<\/title>/i, () => element);
  if (/<head(\s[^>]*)?>/i.test(html)) return html.replace(/<head(\s[^>]*)?>/i, (head) => head + element);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0] ?? '';
  return doctype + element + html.slice(doctype.length);
}

/** Chromium draws the header as well when it draws the footer: an empty one keeps it blank. */
export const pdfHeaderTemplate = '<span></span>';
