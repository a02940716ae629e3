import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import {
  pdfFooterTemplate,
  pdfHeaderTemplate,
  pdfMarginsMm,
  withDocumentTitle,
  type PdfPrinter,
} from '@core/platform/pdf-printer';

const debianChromium = '/usr/bin/chromium';
const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--no-first-run',
];

const mm = (value: number) => `${value}mm`;

/**
 * The Node printer, for the web host and tests: headless Chromium through playwright-core,
 * started on the first print and kept for the next. Each document gets a fresh offline context
 * with JavaScript off, and every request but data: is refused, so nothing is fetched or run.
 */
export function createPdfPrinter(options: { executablePath?: string } = {}): PdfPrinter {
  let browser: Promise<Browser> | undefined;

  function launch(): Promise<Browser> {
    const executablePath = options.executablePath ?? (existsSync(debianChromium) ? debianChromium : undefined);
    return chromium.launch({ executablePath, args: launchArgs, headless: true }).catch((error: unknown) => {
      browser = undefined;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new Error(
        `Printing to PDF needs the Chromium browser, which could not be started (${reason}). ` +
          'On Debian or Ubuntu, install it with: apt-get install chromium',
        { cause: error },
      );
    });
  }

  return {
    async print(html, { footerText, title }) {
      browser ??= launch();
      const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
      try {
        await context.route('**', (route) =>
          route.request().url().startsWith('data:') ? route.continue() : route.abort(),
        );
        const page = await context.newPage();
        await page.setContent(withDocumentTitle(html, title), { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          tagged: true,
          outline: true,
          displayHeaderFooter: true,
          headerTemplate: pdfHeaderTemplate,
          footerTemplate: pdfFooterTemplate(footerText),
          margin: {
            top: mm(pdfMarginsMm.top),
            right: mm(pdfMarginsMm.right),
            bottom: mm(pdfMarginsMm.bottom),
            left: mm(pdfMarginsMm.left),
          },
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        await context.close();
      }
    },

    async close() {
      const running = browser;
      browser = undefined;
      if (running) await (await running.catch(() => undefined))?.close();
    },
  };
}
