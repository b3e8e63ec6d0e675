import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Import boundaries (bulletproof-react's zones): shared code (lib, components, hooks, types, config)
 * → features → app, one way. A feature uses another only through that feature's public surface,
 * listed here. The demo backend (src/mocks) is loaded only by main.tsx, test setup and tests.
 */
const PUBLIC_SURFACE = {
  agents: ['api/agent-queries', 'api/use-agent-catalog', 'api/publish-agent-version', 'domain/agent-catalog'],
  session: ['use-session'],
  'phone-numbers': [],
}
const TESTS = ['**/*.test.{ts,tsx}', 'src/testing/**']
const NO_MOCKS = { regex: '^@/mocks(/|$)', message: 'The demo backend is loaded only by src/main.tsx and tests.' }
const NO_APP = { regex: '^@/app(/|$)', message: 'Only main.tsx imports the app shell.' }
const NO_FEATURES = {
  regex: '^@/features(/|$)',
  message: 'Shared code (lib, components, hooks, types, config) never imports features.',
}
// Relative paths across folders would slip past the rules above.
const NO_PARENT_PATHS = {
  regex: '^\\.\\./',
  message: 'Import across folders with @/…, so the boundaries can check it.',
}

function throughPublicSurface(feature) {
  const surface = PUBLIC_SURFACE[feature]
  return {
    regex: `^@/features/${feature}/${surface.length ? `(?!(?:${surface.join('|')})$)` : ''}`,
    message: surface.length
      ? `Other features use ${feature} only through ${surface.map((path) => `@/features/${feature}/${path}`).join(', ')}.`
      : `Only the app shell imports ${feature}.`,
  }
}

function zone(files, patterns) {
  return { files, ignores: TESTS, rules: { 'no-restricted-imports': ['error', { patterns }] } }
}

const NO_INNER_HTML = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Render untrusted text as text.',
}
const BARE_LAZY_MESSAGE =
  'Use retryableLazy and LazyPart (src/components): a part whose code cannot load then says so in its place, with Retry.'
const NO_BARE_LAZY = [
  {
    selector: "ImportDeclaration[source.value='react'] > ImportSpecifier[imported.name=/^(lazy|Suspense)$/]",
    message: BARE_LAZY_MESSAGE,
  },
  { selector: "MemberExpression[object.name='React'][property.name=/^(lazy|Suspense)$/]", message: BARE_LAZY_MESSAGE },
  { selector: "JSXMemberExpression[object.name='React'][property.name='Suspense']", message: BARE_LAZY_MESSAGE },
]

const boundaries = [
  zone(['src/{lib,components,hooks,types,config}/**'], [NO_FEATURES, NO_APP, NO_MOCKS, NO_PARENT_PATHS]),
  ...Object.keys(PUBLIC_SURFACE).map((feature) =>
    zone(
      [`src/features/${feature}/**`],
      [
        ...Object.keys(PUBLIC_SURFACE)
          .filter((other) => other !== feature)
          .map(throughPublicSurface),
        NO_APP,
        NO_MOCKS,
        NO_PARENT_PATHS,
      ],
    ),
  ),
  zone(['src/app/**'], [NO_MOCKS, NO_PARENT_PATHS]),
  zone(['src/main.tsx'], [NO_PARENT_PATHS]),
  zone(
    ['src/mocks/**'],
    [
      { ...NO_FEATURES, message: 'The demo backend implements API.md on its own (types from @/types only).' },
      NO_APP,
      NO_PARENT_PATHS,
    ],
  ),
]

export default tseslint.config(
  {
    ignores: ['dist', 'dist-*', 'node_modules', 'playwright-report', 'test-results', 'bench/*.json'],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      '@tanstack/query/prefer-query-options': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'no-restricted-syntax': ['error', NO_INNER_HTML, ...NO_BARE_LAZY],
    },
  },
  // The one place code-split parts are made: elsewhere, retryableLazy and LazyPart.
  {
    files: ['src/components/retryable-lazy.ts', 'src/components/lazy-part.tsx'],
    rules: { 'no-restricted-syntax': ['error', NO_INNER_HTML] },
  },
  ...boundaries,
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['public/demo-service-worker.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
)
