// @ts-check
/**
 * Where the time goes, for what failed: CPU profiles of a whole load and of the measured windows
 * of each failing interaction, plus Chrome traces of a few more windows.
 */
import { openAt } from './demo-size.mjs'
import { DEMO_DIR, QUERIES } from './options.mjs'
import { profilerWatch, sourceMaps, summarizeProfiles } from './profiles.mjs'
import { runDialogs, runPages, runSaves, runSearches, runUsageRegions } from './scenarios.mjs'
import { mergeTraces, traceWatch } from './traces.mjs'

/**
 * @typedef {import('./scenarios.mjs').Kind} Kind
 * @typedef {import('./scenarios.mjs').Watch} Watch
 * @typedef {import('./profiles.mjs').ProfileSummary} ProfileSummary
 * @typedef {ReturnType<typeof mergeTraces> & { samplesUnderTracing: number[] }} TraceEvidence
 * @typedef {ProfileSummary & { samplesUnderProfiler?: number[], trace?: TraceEvidence,
 *   slowestWindow?: ProfileSummary & { index: number, ms: number } }} Evidence
 * @typedef {Partial<Record<Kind | 'load', Evidence>>} Diagnosis
 */

/**
 * What to profile, and at which size: the interactions that missed a target at the largest size
 * where one did (their long tasks count), and always that size's load; `--profile=load,search@100000` overrides.
 * @param {import('./targets.mjs').Target[]} targets
 * @param {import('./demo-size.mjs').SizeResult[]} results
 * @param {string | undefined} forced
 * @returns {{ size: number, kinds: (Kind | 'load')[] } | null}
 */
export function chooseWhatToDiagnose(targets, results, forced) {
  if (forced) {
    const [kinds = '', size] = forced.split('@')
    return {
      size: Number(size ?? Math.max(...results.map((r) => r.size))),
      kinds: /** @type {(Kind | 'load')[]} */ (kinds.split(',')),
    }
  }
  /** @type {Map<number, Set<Kind | 'load'>>} */
  const failing = new Map()
  /** @param {number} size @param {Kind | 'load'} kind */
  const note = (size, kind) => failing.set(size, new Set([...(failing.get(size) ?? []), kind]))
  /** @type {Record<string, Kind>} */
  const kindOf = {
    search_ms: 'search',
    page_ms: 'page',
    dialog_open_ms: 'dialog',
    save_ms: 'save',
    'usage region': 'usage',
  }
  for (const t of targets.filter((x) => !x.pass && x.size)) {
    const size = /** @type {number} */ (t.size)
    const metric = Object.keys(kindOf).find((m) => t.name.startsWith(m))
    if (metric) note(size, /** @type {Kind} */ (kindOf[metric]))
    if (t.name.startsWith('first_rows_ms')) note(size, 'load')
    if (t.name === 'long tasks during interactions') {
      const r = results.find((x) => x.size === size)
      for (const [kind, p] of Object.entries(r?.long_tasks.interactions.byPhase ?? {})) {
        if (p.count > 0) note(size, /** @type {Kind} */ (kind))
      }
    }
  }
  // The load of the largest size is always profiled: the seed is not timed by the app itself.
  const largest = results.at(-1)
  if (largest) note(largest.size, 'load')
  const size = Math.max(...failing.keys())
  return Number.isFinite(size) ? { size, kinds: [...(failing.get(size) ?? [])] } : null
}

/**
 * Profiles (and traces) of the `kinds` at `size`: the whole load, and only the measured windows of
 * a few iterations of each interaction.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @param {number} size
 * @param {(Kind | 'load')[]} kinds
 * @returns {Promise<Diagnosis>}
 */
export async function diagnose(browser, baseUrl, size, kinds) {
  const mapFor = sourceMaps(DEMO_DIR)
  const { context, page, net, open } = await openAt(browser, baseUrl, size)
  /** @type {Diagnosis} */
  const out = {}
  try {
    if (kinds.includes('load')) {
      // The session stays attached across the navigation (same renderer), so the load is in the profile.
      await page.goto('about:blank')
      const watch = await profilerWatch(page)
      await watch.open()
      await open()
      await watch.close()
      await watch.detach()
      const load = summarizeProfiles(watch.profiles, mapFor)
      // And a Chrome trace of another fresh load (new context: empty storage, no service worker yet).
      const fresh = await openAt(browser, baseUrl, size)
      try {
        await fresh.page.goto('about:blank')
        const tracing = traceWatch(browser, fresh.page, baseUrl)
        await tracing.open()
        await fresh.open()
        await tracing.close()
        out.load = { ...load, trace: { samplesUnderTracing: [], ...mergeTraces(tracing.windows) } }
      } finally {
        await fresh.context.close()
      }
    } else {
      await open()
    }
    /** @type {Record<Kind, (watch: Watch, n?: number) => Promise<{ ms: number }[]>>} */
    const runs = {
      search: (watch, n = 8) => runSearches(page, net, QUERIES.slice(8 - n, 8), watch),
      page: (watch, n = 6) => runPages(page, net, n, watch),
      dialog: (watch, n = 6) => runDialogs(page, net, n, watch),
      save: (watch, n = 6) => runSaves(page, net, n, watch),
      usage: (watch, n = 6) => runUsageRegions(page, net, watch, n),
    }
    for (const kind of /** @type {Kind[]} */ (['search', 'page', 'dialog', 'save', 'usage'])) {
      if (!kinds.includes(kind)) continue
      const watch = await profilerWatch(page)
      const samples = await runs[kind](watch)
      await watch.detach()
      // The slowest window alone: what a p95 made of one outlier (a cold first open) is made of.
      const slowest = samples.reduce((worst, s, i) => (s.ms > (samples[worst]?.ms ?? 0) ? i : worst), 0)
      const slowestProfile = watch.profiles[slowest]
      const tracing = traceWatch(browser, page, baseUrl)
      const traced = await runs[kind](tracing, 4)
      out[kind] = {
        samplesUnderProfiler: samples.map((s) => s.ms),
        ...summarizeProfiles(watch.profiles, mapFor),
        slowestWindow: slowestProfile && {
          index: slowest,
          ms: samples[slowest]?.ms ?? 0,
          ...summarizeProfiles([slowestProfile], mapFor),
        },
        trace: { samplesUnderTracing: traced.map((s) => s.ms), ...mergeTraces(tracing.windows) },
      }
    }
  } finally {
    await context.close()
  }
  return out
}

/**
 * The app does not time its seed: take it from the profile of the load, where there is one.
 * @param {Diagnosis} diagnosis
 * @returns {import('./demo-size.mjs').ProfiledSeed | null}
 */
export function profiledSeed(diagnosis) {
  const load = diagnosis.load
  if (!load) return null
  /** @param {RegExp} pattern */
  const find = (pattern) => load.inclusiveSrc.find((f) => pattern.test(f.key))?.ms ?? null
  return {
    note: 'inclusive CPU time in the profile of the load (sampling profiler running)',
    createSeedWorkspace: find(/^src\/mocks\/seed\.ts:\d+ export function createSeedWorkspace/),
    buildWorkspace: find(/^src\/mocks\/browser\.ts:\d+ function buildWorkspace/),
    startDemoBackend: find(/^src\/mocks\/browser\.ts:\d+ export (async )?function startDemoBackend/),
  }
}
