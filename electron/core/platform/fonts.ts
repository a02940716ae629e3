import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const appFontFamily = 'Atkinson Hyperlegible';
export const appMonoFontFamily = 'Atkinson Hyperlegible Mono';

// The same subsets and ranges as @fontsource's own index.css (latin-ext first, as there).
const subsets = [
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

export interface FontFace {
  family: 'text' | 'mono';
  weight: 400 | 700;
  style: 'normal' | 'italic';
}

/** What a printed document uses: the text face upright and italic, regular and bold, and the monospace for fingerprints. */
export const documentFaces: readonly FontFace[] = [
  { family: 'text', weight: 400, style: 'normal' },
  { family: 'text', weight: 700, style: 'normal' },
  { family: 'text', weight: 400, style: 'italic' },
  { family: 'text', weight: 700, style: 'italic' },
  { family: 'mono', weight: 400, style: 'normal' },
];

const packages = {
  text: { name: '@fontsource/atkinson-hyperlegible', file: 'atkinson-hyperlegible', family: appFontFamily },
  mono: {
    name: '@fontsource/atkinson-hyperlegible-mono',
    file: 'atkinson-hyperlegible-mono',
    family: appMonoFontFamily,
  },
} as const;

const cache = new Map<string, string>();

/**
 * @font-face rules for the app's typefaces (every face a printed document uses, unless told),
 * with the font files inline as data: URLs, so a printed document embeds real italics and the
 * monospace without fetching anything or falling back to a system font.
 */
export function appFontFaceCss(faces: readonly FontFace[] = documentFaces): string {
  const key = JSON.stringify(faces);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const require = createRequire(__filename);
  const rules: string[] = [];
  for (const { subset, unicodeRange } of subsets) {
    for (const { family, weight, style } of faces) {
      const source = packages[family];
      const packageDir = path.dirname(require.resolve(`${source.name}/package.json`));
      const file = path.join(packageDir, 'files', `${source.file}-${subset}-${weight}-${style}.woff2`);
      const data = readFileSync(file).toString('base64');
      rules.push(
        `@font-face { font-family: '${source.family}'; font-style: ${style}; font-weight: ${weight}; font-display: block; ` +
          `src: url(data:font/woff2;base64,${data}) format('woff2'); unicode-range: ${unicodeRange}; }`,
      );
    }
  }
  const css = rules.join('\n');
  cache.set(key, css);
  return css;
}
