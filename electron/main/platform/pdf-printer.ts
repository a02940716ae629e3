import { BrowserWindow } from 'electron';
import {
  pdfFooterTemplate,
  pdfHeaderTemplate,
  pdfMarginsMm,
  withDocumentTitle,
  type PdfPrinter,
} from '@core/platform/pdf-printer';
import { windowWebPreferences } from '../security-policy';

// The app windows' webPreferences, without their preload: this window needs no API.
const { preload: _noPreload, ...secureWebPreferences } = windowWebPreferences('');

const inches = (mm: number) => mm / 25.4;

// Chromium refuses to navigate to a URL longer than this (2 MiB).
const maxUrlLength = 2 * 1024 * 1024;

/**
 * The Electron printer: each document is loaded in a hidden window with the app's locked-down
 * webPreferences and JavaScript off, printed with printToPDF, and the window destroyed.
 *
 * The document goes in as a base64 data: URL rather than a temporary file: the minutes never
 * touch the disk unencrypted, and the session's request filter (hardening.ts), which allows
 * data: and refuses file:, needs no exception. Base64 keeps the length predictable (4/3 of the
 * bytes), so a document near Chromium's URL limit fails with a clear message, not a blank PDF.
 */
export function createPdfPrinter(): PdfPrinter {
  return {
    async print(html, { footerText, title }) {
      const url = `data:text/html;charset=utf-8;base64,${Buffer.from(withDocumentTitle(html, title)).toString('base64')}`;
      if (url.length > maxUrlLength) {
        throw new Error('This document is too large to print: it is over 1.5 MB of HTML. Make its images smaller.');
      }
      const win = new BrowserWindow({ show: false, webPreferences: { ...secureWebPreferences, javascript: false } });
      try {
        await win.loadURL(url);
        const pdf = await win.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          generateTaggedPDF: true,
          generateDocumentOutline: true,
          displayHeaderFooter: true,
          headerTemplate: pdfHeaderTemplate,
          footerTemplate: pdfFooterTemplate(footerText),
          margins: {
            top: inches(pdfMarginsMm.top),
            right: inches(pdfMarginsMm.right),
            bottom: inches(pdfMarginsMm.bottom),
            left: inches(pdfMarginsMm.left),
          },
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        win.destroy();
      }
    },

    async close() {},
  };
}
