import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appFontFaceCss } from '@core/platform/fonts';
import { createPdfPrinter } from '../../electron/web/platform/pdf-printer';

const hasChromium = existsSync('/usr/bin/chromium');
const hasPoppler = ['pdfinfo', 'pdffonts', 'pdftotext'].every((tool) => !spawnSync(tool, ['-v']).error);
const skipReason = !hasChromium
  ? 'needs Chromium at /usr/bin/chromium (apt-get install chromium)'
  : !hasPoppler
    ? 'needs poppler-utils (pdfinfo, pdffonts, pdftotext)'
    : '';

const dir = mkdtempSync(path.join(tmpdir(), 'rr-pdf-'));
const printer = createPdfPrinter();

afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
async function printToFile(html: string, footerText: string, title = 'Joint review – Oakwood House'): Promise<string> {
  const file = path.join(dir, `print-${++files}.pdf`);
  writeFileSync(file, await printer.print(html, { footerText, title }));
  return file;
}

const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const pdfInfo = (file: string) =>
  Object.fromEntries(
    run('pdfinfo', file)
      .split('\n')
      .map((line) => [line.split(':')[0]!, line.slice(line.indexOf(':') + 1).trim()]),
  );
const pageText = (file: string, page: number) =>
  run('pdftotext', '-layout', '-f', String(page), '-l', String(page), file, '-');

function document(body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<style>
${appFontFaceCss()}
body { font-family: 'Atkinson Hyperlegible', sans-serif; font-size: 12pt; line-height: 1.5; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #555; padding: 4px; text-align: left; }
th { background: #e6eef0; }
</style>
</head>
<body>${body}</body>
</html>`;
}

const paragraphs = Array.from(
  { length: 24 },
  (_, i) =>
    `<p>Story ${i + 1}: the staff noticed what already works well at Oakwood House, and the commissioner and the provider agreed to build on it together, week by week.</p>`,
).join('\n');
const actionRows = Array.from(
  { length: 30 },
  (_, i) => `<tr><td>Action ${i + 1}</td><td>Priya Shah</td><td>${i + 1} January 2027</td></tr>`,
).join('\n');
const minutes = document(`
<h1>Joint review – Oakwood House</h1>
<h2>What was discovered</h2>
${paragraphs}
<h2>Actions</h2>
<table><thead><tr><th>Action</th><th>Owner</th><th>Due</th></tr></thead><tbody>${actionRows}</tbody></table>`);

const footerText = 'Fingerprint 3f2a9c41… <&>';

describe.skipIf(!hasChromium || !hasPoppler)(`the Chromium PDF printer ${skipReason}`, () => {
  it('prints an A4, tagged PDF with the app typeface embedded and the title given', async () => {
    const file = await printToFile(minutes, footerText);
    const info = pdfInfo(file);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(3);
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toMatch(/^595\.\d+ x 842\.\d+ pts \(A4\)/);
    expect(info.Title).toBe('Joint review – Oakwood House');

    const fonts = run('pdffonts', file).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.trim().split(/\s+/).at(-5), line).toBe('yes');
    expect(fonts.some((line) => line.includes('AtkinsonHyperlegible-Regular'))).toBe(true);
    expect(fonts.some((line) => line.includes('AtkinsonHyperlegible-Bold'))).toBe(true);
  });

  it('puts the footer text and "Page X of Y" on every page', async () => {
    const file = await printToFile(minutes, footerText);
    const pages = Number(pdfInfo(file).Pages);
    for (let page = 1; page <= pages; page++) {
      const text = pageText(file, page);
      expect(text).toContain('Fingerprint 3f2a9c41… <&>');
      expect(text).toContain(`Page ${page} of ${pages}`);
    }
  });

  it('neither fetches anything nor runs scripts in the document', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.end('document.body.append("FETCHED SCRIPT RAN")');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const file = await printToFile(
        document(`
<h1>Minutes</h1>
<p>The document itself prints.</p>
<img src="https://example.org/x.png" alt="">
<img src="${origin}/x.png" alt="">
<link rel="stylesheet" href="${origin}/style.css">
<iframe src="${origin}/frame.html" title="frame"></iframe>
<script src="${origin}/script.js"></script>
<script>document.body.append('INLINE SCRIPT RAN')</script>`),
        footerText,
      );
      const text = pageText(file, 1);
      expect(text).toContain('The document itself prints.');
      expect(text).not.toContain('SCRIPT RAN');
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the Chromium PDF printer without Chromium', () => {
  it('says plainly that printing needs Chromium and how to install it', async () => {
    const missing = createPdfPrinter({ executablePath: path.join(dir, 'no-such-chromium') });
    const printing = missing.print(document('<p>Hello</p>'), { footerText, title: 'Minutes' });
    await expect(printing).rejects.toThrow(/needs the Chromium browser/);
    await expect(printing).rejects.toThrow(/apt-get install chromium/);
    await missing.close();
  });
});

describe('the app typeface for printing', () => {
  it('inlines Atkinson Hyperlegible regular, bold and their italics, and its monospace, latin and latin-ext, as data: URLs', () => {
    const css = appFontFaceCss();
    expect(css.match(/@font-face/g)).toHaveLength(10);
    expect(css.match(/src: url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\) format\('woff2'\)/g)).toHaveLength(10);
    expect(css).toContain('font-weight: 400');
    expect(css).toContain('font-weight: 700');
    expect(css.match(/font-style: italic/g)).toHaveLength(4);
    expect(css.match(/font-family: 'Atkinson Hyperlegible Mono'/g)).toHaveLength(2);
    expect(css).not.toMatch(/url\((?!data:)/);
  });
});
