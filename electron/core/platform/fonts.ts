import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const appFontFamily = 'Atkinson Hyperlegible';

// The same subsets and ranges as @fontsource's own index.css (latin-ext first, as there).
const faces = [
  {
    subset: 'latin-ext',
    unicodeRange:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
  {
    subset: 'latin',
    unicodeRange:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
] as const;
export type AppFontWeight = 400 | 700;

const cache = new Map<string, string>();

/**
 * @font-face rules for Atkinson Hyperlegible, regular and bold unless told, with the font files
 * inline as data: URLs, so a printed document embeds the app's typeface without fetching anything.
 */
export function appFontFaceCss(weights: readonly AppFontWeight[] = [400, 700]): string {
  const key = weights.join();
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const packageDir = path.dirname(createRequire(__filename).resolve('@fontsource/atkinson-hyperlegible/package.json'));
  const rules: string[] = [];
  for (const { subset, unicodeRange } of faces) {
    for (const weight of weights) {
      const file = path.join(packageDir, 'files', `atkinson-hyperlegible-${subset}-${weight}-normal.woff2`);
      const data = readFileSync(file).toString('base64');
      rules.push(
        `@font-face { font-family: '${appFontFamily}'; font-style: normal; font-weight: ${weight}; font-display: block; ` +
          `src: url(data:font/woff2;base64,${data}) format('woff2'); unicode-range: ${unicodeRange}; }`,
      );
    }
  }
  const css = rules.join('\n');
  cache.set(key, css);
  return css;
}
