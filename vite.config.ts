import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { loadEnv, type Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

/**
 * A Content-Security-Policy for built pages: only the app's own scripts, and network access only
 * to the app's origin and the configured API. Dev mode is left alone (Vite injects inline code).
 */
function contentSecurityPolicy(apiBaseUrl: string | undefined): Plugin {
  const apiOrigin = apiBaseUrl ? new URL(apiBaseUrl).origin : null
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
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
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  }
}

/**
 * main.tsx, the boot script, imports React and the app (src/app/mount.tsx) dynamically, so that it
 * sends the first requests before they are evaluated; this preloads that chunk, the chunks it
 * imports and their stylesheets from the HTML, so they download and compile alongside the boot
 * script instead of after it.
 */
function preloadAppChunk(): Plugin {
  let base = '/'
  return {
    name: 'preload-app-chunk',
    apply: (_config, { command, isSsrBuild }) => command === 'build' && !isSsrBuild,
    configResolved: (config) => {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) => {
        const chunks = Object.values(bundle ?? {}).filter((output) => output.type === 'chunk')
        const mount = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/src/app/mount.tsx'))
        if (!mount) return []
        // The chunk and what it imports, transitively; the entry itself is already the page's script.
        const files = new Set<string>()
        const visit = (fileName: string) => {
          const chunk = chunks.find((c) => c.fileName === fileName)
          if (!chunk || chunk.isEntry || files.has(fileName)) return
          files.add(fileName)
          chunk.imports.forEach(visit)
        }
        visit(mount.fileName)
        const css = [...files].flatMap((file) => [
          ...(chunks.find((c) => c.fileName === file)?.viteMetadata?.importedCss ?? []),
        ])
        return [
          ...css.map((href) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `${base}${href}` },
            injectTo: 'head' as const,
          })),
          ...[...files].map((href) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${href}` },
            injectTo: 'head' as const,
          })),
        ]
      },
    },
  }
}

/**
 * Demo builds: the demo backend's chunk (msw, the demo workspace) is fetched and compiled alongside
 * the app's, instead of only when main.tsx asks for it, and the mock service worker is registered
 * from a script of its own in the head, so it installs while the app's scripts load
 * (src/mocks/browser/register-worker.ts). Real-server builds have neither.
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
      this.emitFile({ type: 'chunk', id: '/src/mocks/browser/register-worker.ts', name: 'register-worker' })
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) => {
        const chunks = Object.values(bundle ?? {}).filter((output) => output.type === 'chunk')
        const fileOf = (source: string) => chunks.find((chunk) => chunk.facadeModuleId?.endsWith(source))?.fileName
        const registerWorker = fileOf('/src/mocks/browser/register-worker.ts')
        const backend = fileOf('/src/mocks/browser.ts')
        return [
          ...(registerWorker
            ? [
                {
                  tag: 'script',
                  attrs: { type: 'module', async: true, crossorigin: true, src: `${base}${registerWorker}` },
                  // After the Content-Security-Policy, which applies only to what follows it.
                  injectTo: 'head' as const,
                },
              ]
            : []),
          ...(backend
            ? [
                {
                  tag: 'link',
                  attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${backend}` },
                  injectTo: 'head' as const,
                },
              ]
            : []),
        ]
      },
    },
  }
}

export default defineConfig(({ mode, isSsrBuild }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_')
  const apiBaseUrl = env.VITE_API_BASE_URL?.trim() || undefined
  return {
    plugins: [react(), contentSecurityPolicy(apiBaseUrl), preloadAppChunk(), startDemoBackendEarly(!apiBaseUrl)],
    // public/ holds only msw's service worker: a real-server build (and the e2e test server's SSR bundle) ships no msw at all.
    publicDir: apiBaseUrl || isSsrBuild ? false : 'public',
    resolve: {
      alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
    },
    server: { port: 5173, strictPort: true },
    preview: { port: 4173, strictPort: true },
    build: { sourcemap: true },
    test: {
      environment: 'jsdom',
      globals: true,
      setupFiles: ['./src/testing/setup-tests.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      // Whole-page tests drive Radix widgets in jsdom on two cores: give them room.
      testTimeout: 20_000,
    },
  }
})
