import '@/app/styles.css'
import { sendFirstScreenRequests } from '@/app/boot-requests'
import { discardEarlyResponses, holdNetworkUntil } from '@/lib/early-requests'

/**
 * The boot script: small, and without React, zod or the app, so that it sends the first screen's
 * requests as soon as it runs: index.html loads it `async`, so it runs as soon as it has downloaded,
 * not after the stylesheets. React, the app and zod (mount.tsx) load meanwhile (the HTML preloads
 * them) and take the answers when they are in.
 */

const app = import('@/app/mount')

/** The element the app renders into; an `async` script may run before the parser has reached it. */
async function rootElement(): Promise<HTMLElement> {
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
  }
  return document.getElementById('root')!
}

/**
 * Against a real server the first requests go out at once. In demo mode the demo backend answers
 * them in the page, so they do not wait for its service worker to install; every later request
 * waits for the worker (`serving`), which answers it as before.
 */
interface FirstRequests {
  serving: Promise<void>
  /** The demo's other tabs changed the workspace: the page should read it again. */
  onOtherTabChange?: (listener: () => void) => void
}

async function sendFirstRequests(): Promise<FirstRequests> {
  // Read the variable itself, not a derived value: Vite inlines it, so a real-server build drops the demo's import.
  if (import.meta.env.VITE_API_BASE_URL) {
    sendFirstScreenRequests((url, init) => fetch(url, init))
    return { serving: Promise.resolve() }
  }
  // Dynamic import: a real-server build contains no msw code at all.
  const { startDemoBackend } = await import('@/mocks/browser')
  const demo = startDemoBackend()
  holdNetworkUntil(demo.serving)
  sendFirstScreenRequests(demo.answerInPage)
  return { serving: demo.serving, onOtherTabChange: demo.onOtherTabChange }
}

sendFirstRequests()
  .then(
    async ({ serving, onOtherTabChange }) => {
      const { mountApp, mountFatal } = await app
      const container = await rootElement()
      const { root, queryClient } = mountApp(container)
      onOtherTabChange?.(() => {
        // Answers read before the change must not be taken by queries that start after it, and a first
        // fetch still in flight is not refetched by an invalidation (it would be joined): cancel, then ask again.
        discardEarlyResponses()
        void queryClient.cancelQueries().then(() => queryClient.invalidateQueries())
      })
      serving.catch((error: unknown) => mountFatal(container, error, root))
    },
    async (error: unknown) => (await app).mountFatal(await rootElement(), error),
  )
  .catch(async (error: unknown) => {
    // The app's own code failed to load (a lost connection mid-deploy): say so without React.
    ;(await rootElement()).textContent =
      `The page could not load (${error instanceof Error ? error.message : String(error)}). Reload to try again.`
  })
