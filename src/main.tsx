import '@/app/styles.css'
import { inlineScriptAnswers, sendFirstScreenRequests, type FirstScreenAnswers } from '@/app/boot-requests'
import { startFirstPaint } from '@/app/first-paint/first-paint'
import { readAgainOnChange } from '@/app/read-again'
import { holdNetworkUntil } from '@/lib/early-requests'
import type { RunningDemoBackend } from '@/mocks/browser'

/**
 * The boot script: without React, zod or the app, so that it sends the first screen's requests as
 * soon as it runs (index.html loads it `async`, so it runs as soon as it has downloaded, not after
 * the stylesheets) and draws the first screen from their answers (first-paint/). React, the app and
 * zod (mount.tsx) are loaded after that, and take the same answers.
 */

/**
 * Loads and evaluates React, the app and zod: the download competed with the first requests and
 * the evaluation is one long task (about 50 ms on a slow machine), so it waits until the first paint
 * has drawn (or given up, or SETTLE_WAIT_MS has passed): otherwise the answers it draws wait behind it.
 */
const loadApp = () => import('@/app/mount')

/** The element the app renders into; an `async` script may run before the parser has reached it. */
async function rootElement(): Promise<HTMLElement> {
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
  }
  return document.getElementById('root')!
}

/**
 * Against a real server the first requests go out at once. In demo mode the demo backend's worker,
 * started by the head script (src/mocks/browser/early-backend.ts), answers them in the page; the
 * demo's service worker, which answers every later request from the same worker, is linked to it
 * once the app has mounted, and those requests wait for it (`serving`).
 */
interface FirstRequests {
  /** The early answers (null: none sent, no key). */
  answers: FirstScreenAnswers | null
  /** Starts serving every request; settles once it does. */
  serve: () => Promise<void>
  /** The demo's other tabs changed the workspace: the page should read it again. */
  onOtherTabChange?: (listener: () => void) => void
}

async function sendFirstRequests(): Promise<FirstRequests> {
  // Read the variable itself, not a derived value: Vite inlines it, so a real-server build drops the demo's import.
  if (import.meta.env.VITE_API_BASE_URL) {
    // Usually asked already by the page's inline script (src/app/inline-boot.ts).
    const answers = inlineScriptAnswers()
    return {
      answers: answers === undefined ? sendFirstScreenRequests((url, init) => fetch(url, init)) : answers,
      serve: () => Promise.resolve(),
    }
  }
  // Dynamic imports: a real-server build contains no demo code at all. The head script has run this one already.
  const { answerInPage } = await import('@/mocks/browser/early-backend')
  let startServing = () => {}
  const demo = new Promise<RunningDemoBackend>((resolve, reject) => {
    startServing = () =>
      void import('@/mocks/browser').then(({ startDemoBackend }) => resolve(startDemoBackend()), reject)
  })
  const serving = demo.then((started) => started.serving)
  holdNetworkUntil(serving)
  return {
    answers: sendFirstScreenRequests(answerInPage),
    serve: () => {
      startServing()
      return serving
    },
    onOtherTabChange: (listener) =>
      void demo.then(
        (started) => started.onOtherTabChange(listener),
        () => {
          // `serving` rejects too, and the page says why.
        },
      ),
  }
}

sendFirstRequests()
  .then(
    async ({ answers, serve, onOtherTabChange }) => {
      const firstPaint = answers ? startFirstPaint(answers, rootElement()) : null
      await firstPaint?.settled
      const stopFirstPaint = () => firstPaint?.stop()
      const { mountApp, mountFatal } = await loadApp().catch((error: unknown) => {
        stopFirstPaint()
        throw error
      })
      const container = await rootElement()
      const { root, queryClient } = await mountApp(container, stopFirstPaint)
      const serving = serve()
      onOtherTabChange?.(readAgainOnChange(queryClient))
      serving.catch((error: unknown) => mountFatal(container, error, root))
    },
    async (error: unknown) => (await loadApp()).mountFatal(await rootElement(), error),
  )
  .catch(async (error: unknown) => {
    // The app's own code failed to load (a lost connection mid-deploy): say so without React.
    ;(await rootElement()).textContent =
      `The page could not load (${error instanceof Error ? error.message : String(error)}). Reload to try again.`
  })
