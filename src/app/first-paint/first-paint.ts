import { agentsFrom, meFrom, numberPageFrom } from '@/app/first-paint/answer-shapes'
import { el } from '@/app/first-paint/dom'
import { firstScreenNodes, type FirstScreen } from '@/app/first-paint/first-screen-page'
import type { FirstScreenAnswers } from '@/app/boot-requests'
import { isDemoMode } from '@/config/env'
import { parseListView } from '@/features/phone-numbers/domain/list-view'
import { permissionsOf } from '@/features/session/permissions'
import { credentials } from '@/lib/credentials'

/** How long the app's evaluation waits for the first paint at most: a slow answer does not hold the app back. */
const SETTLE_WAIT_MS = 300

/**
 * The first paint: the first screen, drawn from the boot script's early answers as soon as the rows
 * are in, while React, the app and zod still load (about 200 ms more on a fast machine). It is
 * inert: nothing in it can be clicked or focused until the app, rendering the same answers, replaces
 * it with the same markup (first-paint.test.tsx holds the two equal). It draws only the screens it
 * reproduces exactly: a page of rows with agents that may be read, online, and no agent filter (whose
 * usage region the app draws above the rows); otherwise the app draws the first screen itself.
 *
 * `settled` resolves once it has drawn the rows or cannot (an answer failed or does not check), or
 * after SETTLE_WAIT_MS at most: main.tsx evaluates the app only then. `stop` ends it: from then on it
 * never draws again (mount.tsx calls it just before the app renders).
 */
export function startFirstPaint(
  answers: FirstScreenAnswers,
  container: Promise<HTMLElement>,
): { settled: Promise<void>; stop: () => void } {
  let stopped = false
  const stop = () => {
    stopped = true
  }
  const view = parseListView(window.location.search)
  if (view.agentId !== null) return { settled: Promise.resolve(), stop }
  const found: { me: FirstScreen['me'] | null; list: FirstScreen['list'] | null; agents: FirstScreen['agents'] } = {
    me: null,
    list: null,
    agents: null,
  }

  const paint = async () => {
    const { me, list, agents } = found
    if (stopped || me === null || list === null || list.data.length === 0) return
    if (!permissionsOf(me).canReadAgents || !navigator.onLine) return
    try {
      const nodes = firstScreenNodes({ me, list, agents, view, key: credentials.get(), isDemo: isDemoMode })
      const root = await container
      if (stopped) return
      nodes.forEach((node) => node.setAttribute('inert', ''))
      // Inert content is hidden from assistive technology: the page still says it is loading.
      root.replaceChildren(...nodes, el('p', { class: 'visually-hidden', role: 'status' }, 'Loading…'))
    } catch {
      // Only a head start: whatever went wrong here, the app draws the first screen itself.
    }
  }

  const me = peek(answers.bodies.me, meFrom).then((me) => {
    found.me = me
    return paint()
  })
  const list = peek(answers.bodies.list, numberPageFrom).then((list) => {
    found.list = list
    return paint()
  })
  void peek(answers.bodies.agents, agentsFrom).then((agents) => {
    found.agents = agents
    return paint()
  })
  const settled = Promise.race([
    Promise.all([me, list]).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, SETTLE_WAIT_MS)),
  ])
  return { settled, stop }
}

/** A checked copy of an early answer's body (read as it arrived: boot-requests.ts); null when it failed or does not check. */
function peek<T>(body: Promise<unknown>, from: (json: unknown) => T | null): Promise<T | null> {
  return body.then((json) => (json === null ? null : from(json))).catch(() => null)
}
