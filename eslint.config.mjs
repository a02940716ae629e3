import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          message:
            'Only electron/main and electron/preload may import electron: the core, shared/ and the renderer run in plain Node and the browser.',
        },
      ],
    },
  ],
};

/** Imports climb no further than their own folder's neighbour: the aliases say where a shared piece lives. */
const noClimbing = {
  // Data beside the code (the deck, package.json) and the hosts a test starts have no alias.
  regex: '^(?:\\.\\./){2,}(?!\\.\\./)(?!package\\.json$|resources/|electron/(?:main|web)/)',
  message: 'Import through an alias instead of climbing: @shared/…, @core/… or @renderer/… (see tsconfig.json).',
};

/** Features never import each other: what two features share lives in renderer/src/ui (or api, navigation). */
const features = readdirSync('renderer/src/features');
const featureBoundaries = features.map((feature) => ({
  files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'electron', message: 'The renderer runs in the browser: it never imports electron.' }],
        patterns: [
          noClimbing,
          {
            group: features.filter((other) => other !== feature).map((other) => `@renderer/features/${other}/**`),
            message: `Features do not import each other: move what ${feature} needs into renderer/src/ui.`,
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'native', 'test-results', 'playwright-report', '.web-data'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An async handler on a JSX attribute is fine (React ignores the promise); everywhere else a
      // promise where a plain value is expected is a bug.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Functions are async to meet an async interface (a Signer, a file builder) without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      // pdf-lib's references print as "12 0 R", which is what PDF text needs.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allow: [{ from: 'package', name: ['PDFRef', 'PDFName'], package: 'pdf-lib' }] },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...noElectron },
  },
  { files: ['shared/**/*.ts', 'electron/core/**/*.ts', 'electron/web/**/*.ts'], rules: noElectron },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: noElectron['no-restricted-imports'][1].paths, patterns: [noClimbing] },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'test/electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noClimbing] }] },
  },
  ...featureBoundaries,
  // Tests match with expect.any() and friends, which are typed any.
  { files: ['test/**/*.{ts,tsx}'], rules: { '@typescript-eslint/no-unsafe-assignment': 'off' } },
  // Config files and scripts in plain JavaScript are outside the TypeScript project.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
);
