import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { build, loadEnv, type IndexHtmlTransformContext, type Plugin, type Rolldown } from 'vite'
import { defineConfig } from 'vitest/config'

/**
 * A Content-Security-Policy for built pages: only the app's own scripts (and the inline script of a
 * real-server build, by its hash), and network access only
 * to the app's origin and the configured API. Dev mode is left alone (Vite injects inline code).
 */
function contentSecurityPolicy(apiBaseUrl: string | undefined, inlineScripts: InlineScripts): Plugin {
  const apiOrigin = apiBaseUrl ? new URL(apiBaseUrl).origin : null
  const policy = () =>
    [
      "default-src 'self'",
      // The app's own files, and the inline script inlineBootScript writes (by its hash).
      ['script-src', "'self'", ...inlineScripts.hashes].join(' '),
      // Radix positions popovers with inline style attributes.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
      "worker-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join('; ')
  return {
    name: 'content-security-policy',
    apply: 'build',
    // Last of the plugins, so that its head-prepend puts the policy before every tag the others
    // prepend: a policy set by a meta tag applies only to what follows it.
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy() },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}

/** The hashes of the page's inline scripts, for the policy (`'sha256-…'`). */
interface InlineScripts {
  hashes: string[]
}

/** V8's explicit compile hint (https://v8.dev/blog/explicit-compile-hints): every function after it in the file is compiled eagerly. */
const ALL_FUNCTIONS_CALLED_ON_LOAD = '//# allFunctionsCalledOnLoad'

const aliases = {
  '@': fileURLToPath(new URL('./src', import.meta.url)),
  // msw's cookie store's public suffix list, unused by the demo (see the file): 250 KB less to compile.
  tldts: fileURLToPath(new URL('./src/mocks/no-public-suffixes.ts', import.meta.url)),
}

/**
 * Real-server builds: the first screen's requests go out from an inline script at the top of the
 * page (src/app/inline-boot.ts, bundled here on its own), while the HTML is still being read, instead
 * of once the boot script has downloaded and the first layout has run (50–80 ms later in the bench).
 * The policy allows it by its hash. Demo builds answer those requests from the demo's worker instead.
 */
function inlineBootScript(isDemo: boolean, inlineScripts: InlineScripts): Plugin {
  let mode = 'production'
  return {
    name: 'inline-boot-script',
    apply: (_config, { command, isSsrBuild }) => command === 'build' && !isDemo && !isSsrBuild,
    configResolved: (config) => {
      mode = config.mode
    },
    transformIndexHtml: {
      order: 'post',
      handler: async (html) => {
        const built = (await build({
          configFile: false,
          mode,
          logLevel: 'warn',
          publicDir: false,
          resolve: { alias: aliases },
          build: {
            write: false,
            minify: true,
            lib: { entry: 'src/app/inline-boot.ts', formats: ['iife'], name: 'inlineBoot' },
          },
        })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[]
        const code = (Array.isArray(built) ? built[0] : built)?.output[0].code.trim() ?? ''
        if (code === '' || /<\/script|<!--/i.test(code))
          throw new Error('src/app/inline-boot.ts did not build to an inline script')
        // The page's one inline script: set, not added, so a rebuild in watch mode does not keep the last one's hash.
        inlineScripts.hashes = [`'sha256-${createHash('sha256').update(code).digest('base64')}'`]
        // Right after the charset, which must stay within the page's first 1,024 bytes; before the
        // stylesheets, which an inline script would otherwise wait for.
        const charset = /<meta charset="[^"]*"\s*\/?>/i
        if (!charset.test(html)) throw new Error('index.html has no <meta charset> to put the inline script after')
        return html.replace(charset, (meta) => `${meta}\n    <script>${code}</script>`)
      },
    },
  }
}

type OutputChunk = Extract<NonNullable<IndexHtmlTransformContext['bundle']>[string], { type: 'chunk' }>

type HeadPlace = 'head' | 'head-prepend'

const headLink = (rel: string, href: string, injectTo: HeadPlace = 'head') => ({
  tag: 'link',
  attrs: { rel, crossorigin: true, href },
  injectTo,
})

/**
 * libphonenumber's modules import its metadata (80 KB) as a JavaScript object literal
 * (`metadata.min.json.js`); this gives them the JSON file it copies instead, which Vite emits as
 * `JSON.parse('…')` (see `json` below): V8 reads that several times faster than the literal.
 */
function libphonenumberMetadataAsJson(): Plugin {
  const metadataJson = createRequire(import.meta.url).resolve('libphonenumber-js/metadata.min.json')
  return {
    name: 'libphonenumber-metadata-as-json',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.endsWith('/metadata.min.json.js') && importer?.includes('/node_modules/libphonenumber-js/'))
        return metadataJson
      return null
    },
  }
}

/**
 * Demo builds: a script of its own in the head (src/mocks/browser/early-backend.ts) starts the demo
 * backend's Web Worker and registers the demo's service worker while the app's scripts load.
 * Real-server builds have none of it.
 */
function startDemoBackendEarly(isDemo: boolean): Plugin {
  let base = '/'
  return {
    name: 'start-demo-backend-early',
    apply: (_config, { command, isSsrBuild }) => command === 'build' && isDemo && !isSsrBuild,
    configResolved: (config) => {
      base = config.base
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: '/src/mocks/browser/early-backend.ts', name: 'early-backend' })
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) => {
        const chunks = Object.values(bundle ?? {}).filter((output): output is OutputChunk => output.type === 'chunk')
        // An entry of its own (emitted above), so not part of any graph.
        const earlyBackend = chunks.find((chunk) =>
          chunk.facadeModuleId?.endsWith('/src/mocks/browser/early-backend.ts'),
        )
        if (!earlyBackend) return []
        // Before every other script and preload, so that it downloads first and starts the worker before the
        // app's chunks are evaluated (one long task).
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: `${base}${earlyBackend.fileName}` },
            injectTo: 'head-prepend' as const,
          },
          ...earlyBackend.imports.map((fileName) => headLink('modulepreload', `${base}${fileName}`, 'head-prepend')),
        ]
      },
    },
  }
}

export default defineConfig(({ mode, isSsrBuild }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_')
  const apiBaseUrl = env.VITE_API_BASE_URL?.trim() || undefined
  const inlineScripts: InlineScripts = { hashes: [] }
  return {
    plugins: [
      react(),
      libphonenumberMetadataAsJson(),
      startDemoBackendEarly(!apiBaseUrl),
      inlineBootScript(!apiBaseUrl, inlineScripts),
      // Last: it allows the inline scripts the plugins before it wrote.
      contentSecurityPolicy(apiBaseUrl, inlineScripts),
    ],
    // public/ holds only the demo's service worker: a real-server build (and the e2e test server's SSR bundle) ships no demo at all.
    publicDir: apiBaseUrl || isSsrBuild ? false : 'public',
    resolve: { alias: aliases },
    // For libphonenumber's metadata (above): every JSON module as one JSON.parse('…'), not per-key object literals.
    json: { stringify: true, namedExports: false },
    server: { port: 5173, strictPort: true },
    preview: { port: 4173, strictPort: true },
    build: {
      sourcemap: true,
      rolldownOptions: {
        output: {
          // Every chunk is code the page runs as soon as it has loaded it (the boot script, React and the
          // app), loads ahead so that its first use is quick (the edit dialog, the selection bar, …), or
          // loads on an action that then runs it at once (the import dialog, the bulk dialogs, the connect
          // form): Chrome (136+) then compiles all its functions while it streams the file, on a background
          // thread, not one by one on the main thread when each is first called (in the first paint,
          // in the first open of the dialog: about 15 ms of a 60 ms task). Against the hint on the boot
          // script alone, the real-mode first rows were no slower (medians 207 / 189 ms against 224 / 199,
          // two A/B runs of 15 loads each).
          postBanner: `${ALL_FUNCTIONS_CALLED_ON_LOAD}\n`,
          codeSplitting: {
            // The boot script and its imports (the first requests and the first paint, src/app/first-paint/)
            // in one file, not split across the chunks the app shares them with: each split was another
            // file the first paint waited for. React and the app (mount.tsx) with all they import in one
            // more: the parts loaded later import from it, and one file gzips 4 KiB smaller than ten.
            groups: [
              { name: 'boot', tags: ['$initial'], test: (id: string) => !id.includes('/src/mocks/'), priority: 2 },
              { name: 'mount', test: /\/src\/app\/mount\.tsx$/, priority: 0 },
            ],
          },
        },
      },
    },
    // The demo backend's Web Worker (src/mocks/browser/backend-worker.ts) is a module, like the app.
    worker: { format: 'es' as const },
    test: {
      environment: 'jsdom',
      globals: true,
      setupFiles: ['./src/testing/setup-tests.ts'],
      projects: [
        {
          extends: true,
          test: {
            // Plain functions, the demo backend and the API client: *.test.ts. They share their worker's
            // modules and jsdom instead of building both anew for each file (a second or more each on
            // two cores), so they must not depend on module state another file may have left; the setup resets
            // the demo backend, the key, storage and the URL around each test.
            name: 'logic',
            // The test API server's own tests (real HTTP) live beside it, named *.vitest.ts so that Playwright
            // (whose testDir is e2e/) does not take them for its own.
            include: ['src/**/*.test.ts', 'e2e/real-server/**/*.vitest.ts'],
            isolate: false,
          },
        },
        // Components and whole pages (*.test.tsx): each file in a fresh jsdom and a fresh module graph.
        { extends: true, test: { name: 'ui', include: ['src/**/*.test.tsx'] } },
      ],
      restoreMocks: true,
      // The logic tests share their worker (the `logic` project above): no stubbed global or variable outlives its test.
      unstubGlobals: true,
      unstubEnvs: true,
      // Whole-page tests drive Radix widgets in jsdom on two cores: give them room.
      testTimeout: 20_000,
      // Vitest's default is one worker fewer than the cores: on two cores, one file at a time. Its own
      // process is mostly idle while the workers run, so two workers there take about a quarter off the run.
      maxWorkers: Math.max(2, availableParallelism() - 1),
    },
  }
})
