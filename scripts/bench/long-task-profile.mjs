// @ts-check
/**
 * What ran in a page's long tasks: the sampling profiler over a window, lined up with the page's clock
 * by a marker function, and the samples inside the long tasks summarized by function (source-mapped).
 */
import { sourceMaps, summarizeProfiles } from './profiles.mjs'

/**
 * The sampling profiler over one window, with a marker to line its clock up with the page's: `stop` gives
 * the profile and performance.now() when runBenchMarker ran.
 * @param {import('@playwright/test').Page} page
 */
export async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const markerAt = await page.evaluate(runBenchMarker)
  return {
    stop: async () => {
      const { profile } = /** @type {any} */ (await cdp.send('Profiler.stop'))
      await cdp.detach()
      return { profile: /** @type {import('./profiles.mjs').Profile} */ (profile), markerAt }
    },
  }
}

/** Runs in the page: keeps the main thread 3 ms in a function the profile names, and says when it started. */
function runBenchMarker() {
  const start = performance.now()
  while (performance.now() - start < 3) {
    // busy: the sampling profiler must catch this function
  }
  return start
}

/**
 * What ran in a phase's long tasks (`--profile`): the profile's samples inside them, summarized the same
 * way. The profile's clock is lined up with the page's by the first sample in runBenchMarker.
 * @param {string} dir the build whose source maps name the functions
 * @param {string} phase
 * @param {import('./profiles.mjs').Profile} profile
 * @param {number} markerAt performance.now() when the marker started
 * @param {{ start: number, ms: number }[]} tasks
 */
export function printLongTaskFunctions(dir, phase, profile, markerAt, tasks) {
  if (tasks.length === 0) return
  const marker = new Set(profile.nodes.filter((n) => n.callFrame.functionName === 'runBenchMarker').map((n) => n.id))
  /** @type {number[]} */
  const times = []
  let at = 0
  for (let i = 0; i < profile.samples.length; i++) {
    at += (profile.timeDeltas[i] ?? 0) / 1000
    times.push(at)
  }
  const markerIndex = profile.samples.findIndex((id) => marker.has(id))
  if (markerIndex < 0) {
    console.log(`\n(the profile of ${phase} did not catch the marker: the whole window instead of its long tasks)`)
    const whole = summarizeProfiles([profile], sourceMaps(dir))
    for (const shares of [whole.self.slice(0, 15), whole.inclusiveSrc.slice(0, 15)]) {
      for (const { ms, key } of shares) console.log(`${ms} ms  ${key}`)
      console.log('')
    }
    return
  }
  const offset = markerAt - (times[markerIndex] ?? 0)
  /** @type {number[]} */
  const samples = []
  // summarizeProfiles charges sample i the delta after it (timeDeltas[i + 1]): kept the same way here.
  /** @type {number[]} */
  const timeDeltas = [0]
  profile.samples.forEach((sample, i) => {
    const t = (times[i] ?? 0) + offset
    if (tasks.some((task) => t >= task.start && t <= task.start + task.ms)) {
      samples.push(sample)
      timeDeltas.push(profile.timeDeltas[i + 1] ?? 0)
    }
  })
  const summary = summarizeProfiles([{ nodes: profile.nodes, samples, timeDeltas }], sourceMaps(dir))
  const list = tasks.map((t) => Math.round(t.ms)).join(', ')
  console.log(`\nIn the ${tasks.length} long tasks of ${phase} (${list} ms): ${summary.busyMs} ms sampled`)
  for (const shares of [summary.self, summary.inclusiveSrc.slice(0, 15)]) {
    for (const { ms, key } of shares) console.log(`${ms} ms  ${key}`)
    console.log('')
  }
}
