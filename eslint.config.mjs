// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * The architecture (ARCHITECTURE.md) as import rules. ESLint matches the import text, not the resolved file, so the
 * engine's layer rules are written per folder depth: from a file N folders below server/src/engine, the engine root is
 * exactly N `../`. A config block replaces, not merges, the options of a rule set earlier for the same file, so each
 * block below lists every restriction for its files, and the blocks do not overlap.
 */
const ENGINE = 'server/src/engine';
const up = (levels) => '\\.\\./'.repeat(levels);
const restrict = (regex, message) => ({ regex, message });

const ENGINE_IS_PURE = [
  {
    group: ['vscode', 'vscode-*', '@vscode/*'],
    message: 'The engine knows nothing about LSP or VS Code: server/src/lspConvert.ts converts its results.',
  },
  {
    group: ['fs', 'fs/*', 'child_process', 'net', 'http', 'https', 'worker_threads', 'node:*'],
    message: 'The engine is a pure function of (document, kops version): the server, the CLI and session/ do the I/O.',
  },
];

/** What a file `depth` folders below server/src/engine/<layer>/ may not import. */
function layerRules(layer, depth) {
  const root = up(depth);
  const below = { document: 'kops|checks|features', kops: 'checks|features', checks: 'features', features: '' }[layer];
  const rules = [
    restrict(
      `^${up(depth + 1)}(?!kopsIdentity$)`,
      'The engine imports nothing of the server outside it but the import-free kopsIdentity.ts.',
    ),
    restrict(`^(${root}(index)?|${up(depth - 1)}\\.\\.)$`, 'Inside the engine import the module itself, not the facade engine/index.ts.'),
  ];
  if (below) {
    rules.push(
      restrict(
        `^${root}(${below})(/|$)`,
        `Layers: document <- kops <- checks, features. ${layer}/ may not import ${below.replaceAll('|', ', ')}.`,
      ),
    );
  }
  if (layer === 'features') {
    const otherFeature = depth === 1 ? '^\\./[^/]+/(?!index$)' : `^${up(depth - 1)}[^./][^/]*/(?!index$)`;
    rules.push(
      restrict(`^${root}checks/(?!index$)`, "Features never import checks' internals: findings reach them as data (engine/types.ts)."),
      restrict(otherFeature, "A feature imports another feature only through that feature's index.ts."),
    );
  }
  return { patterns: [...ENGINE_IS_PURE, ...rules] };
}

const engineLayers = ['document', 'kops', 'checks', 'features'].flatMap((layer) =>
  [1, 2, 3].map((depth) => ({
    files: [`${ENGINE}/${layer}/${'*/'.repeat(depth - 1)}*.ts`],
    rules: { 'no-restricted-imports': ['error', layerRules(layer, depth)] },
  })),
);

const architecture = [
  ...engineLayers,
  {
    files: [`${ENGINE}/*.ts`],
    ignores: [`${ENGINE}/index.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ENGINE_IS_PURE,
            restrict('^\\.(/(index)?)?$', 'engine/index.ts is the facade; the engine does not import it.'),
            restrict(
              '^\\.\\./(?!kopsIdentity$)',
              'The engine imports nothing of the server outside it but the import-free kopsIdentity.ts.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts', 'bench/**/*.{ts,mjs,cjs}', 'scripts/**/*.{ts,mjs}', 'test/**/*.{ts,mjs}'],
    // The engine's own unit tests and the fuzzer test its internals.
    ignores: [`${ENGINE}/**`, 'server/src/protocol.ts', 'server/src/kopsIdentity.ts', 'test/unit/**', 'test/fuzz/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [restrict('(^|/)engine/(?!index$)', 'Outside the engine import only its facade, server/src/engine/index.ts.')] },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(
              '(^|/)server/(?!src/(protocol|kopsIdentity|startup/nodeArgs)$)',
              'The client bundles only server/src/protocol.ts, kopsIdentity.ts and startup/nodeArgs.ts; it asks the server for anything else.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/protocol.ts', 'server/src/kopsIdentity.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict('^\\.', 'The client bundles this file: it imports no project module, so the client never reaches the engine.'),
          ],
        },
      ],
    },
  },
];

export default defineConfig(
  globalIgnores(['**/generated/**', 'dist/', 'out/', '.e2e/', '.tmp/', 'bench/fixtures/', 'bench/.deps/']),
  {
    files: ['**/*.{ts,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // A forgotten `.only` turns the rest of a suite into tests that cannot fail.
      'no-restricted-properties': ['error', ...['describe', 'it', 'suite', 'test'].map((object) => ({ object, property: 'only' }))],
    },
  },
  {
    // Tests, benchmarks and scripts read JSON and child-process output as `any` on purpose: a wrong shape fails the run.
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  { files: ['test/**'], languageOptions: { globals: globals.mocha } },
  // The UI suites pass callbacks to Playwright's page.evaluate, which run in the workbench page.
  { files: ['test/e2e/ui/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['**/*.{mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    rules: { '@typescript-eslint/consistent-type-imports': 'off', '@typescript-eslint/no-import-type-side-effects': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The message types follow vscode-languageserver-protocol's own convention: `namespace X { method; type }`.
  { files: ['server/src/protocol.ts'], rules: { '@typescript-eslint/no-namespace': 'off' } },
  ...architecture,
  prettier,
);
