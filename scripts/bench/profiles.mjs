// @ts-check
/**
 * Evidence of which code ran: V8 CPU profiles (CDP `Profiler`) and long-animation-frame script
 * entries, both mapped through the build's source maps to the original files and lines.
 */
import { join } from 'node:path'
import { root } from '../lib/built-app.mjs'
import { loadSourceMap } from '../lib/source-map.mjs'
import { round } from './stats.mjs'

/**
 * @typedef {import('../lib/source-map.mjs').SourceMapLookup} SourceMapLookup
 * @typedef {(url: string | undefined) => SourceMapLookup | null} MapFor
 * @typedef {{ functionName: string, url: string, lineNumber: number, columnNumber: number }} CallFrame
 * @typedef {{ id: number, callFrame: CallFrame, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} Profile
 * @typedef {{ ms: number | null, key: string }} Share
 * @typedef {{ windows: number, busyMs: number | null, idleMs: number | null, selfByFile: Share[], self: Share[],
 *   inclusive: Share[], inclusiveSrc: Share[] }} ProfileSummary
 * @typedef {{ key: string, count: number, totalMs: number, longestMs: number, forcedLayoutMs: number }} FrameAttribution
 */

/**
 * Source maps of one build's assets, loaded on first use.
 * @param {string} outDir
 * @returns {MapFor}
 */
export function sourceMaps(outDir) {
  /** @type {Map<string, SourceMapLookup | null>} */
  const cache = new Map()
  return (url) => {
    const file = /\/assets\/([^/?#]+\.js)/.exec(url ?? '')?.[1]
    if (file === undefined) return null
    if (!cache.has(file)) {
      try {
        cache.set(file, loadSourceMap(join(root, outDir, 'assets', file)))
      } catch {
        cache.set(file, null)
      }
    }
    return cache.get(file) ?? null
  }
}

/**
 * "src/mocks/workspace.ts:212 (listPhoneNumbers)" or "node_modules/react-dom/…:1234".
 * @param {CallFrame} frame
 * @param {MapFor} mapFor
 */
function describeFrame(frame, mapFor) {
  const { functionName, url, lineNumber, columnNumber } = frame
  if (!url) return { key: functionName || '(anonymous)', file: functionName || '(native)' }
  const at = mapFor(url)?.position(lineNumber, columnNumber)
  if (!at) {
    const file = url.replace(/^.*\/assets\//, 'assets/')
    const what =
      lineNumber === 0 && columnNumber === 0 ? '(top-level module evaluation)' : functionName || '(anonymous)'
    return { key: `${what} ${file}:${lineNumber + 1}:${columnNumber + 1}`, file }
  }
  const file = at.source.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, 'node_modules/$1')
  return { key: `${at.source}:${at.line} ${at.text ?? ''}`.trim(), file }
}

/** '(program)' is the main thread's native work outside JavaScript: style, layout, paint, IPC. */
const SPECIAL = new Set(['(garbage collector)', '(program)', '(idle)', '(root)'])
const OUTSIDE = '(outside the app: Playwright injected scripts, evaluate)'
/** @param {string | undefined} url */
const isAppUrl = (url) => /\/assets\/[^/]+\.js/.test(url ?? '')

/**
 * Self time per sample, charged to the app code it ran in: a native leaf (focus, pushState, …) is named
 * with the nearest app frame above it; samples with no app frame on the stack are the harness's own.
 * @param {Profile[]} profiles
 * @param {MapFor} mapFor
 * @returns {ProfileSummary}
 */
export function summarizeProfiles(profiles, mapFor) {
  /** @type {Map<string, number>} */
  const self = new Map()
  /** @type {Map<string, number>} */
  const selfByFile = new Map()
  /** @type {Map<string, number>} */
  const total = new Map()
  /** @param {Map<string, number>} map @param {string} key @param {number} dt */
  const add = (map, key, dt) => map.set(key, (map.get(key) ?? 0) + dt)
  let busy = 0
  let idle = 0
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    /** @type {Map<number, number>} */
    const parent = new Map()
    for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id)
    const described = new Map(profile.nodes.map((n) => [n.id, describeFrame(n.callFrame, mapFor)]))
    /** @param {number} id */
    const isApp = (id) => isAppUrl(byId.get(id)?.callFrame.url)
    profile.samples.forEach((id, i) => {
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
      const leaf = described.get(id)
      if (leaf === undefined) return
      if (leaf.key === '(idle)') {
        idle += dt
        return
      }
      busy += dt
      if (SPECIAL.has(leaf.key)) {
        add(self, leaf.key, dt)
        add(selfByFile, leaf.key, dt)
        return
      }
      /** @type {number | null} */
      let app = null
      for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parent.get(at)) {
        if (isApp(at)) {
          app = at
          break
        }
      }
      const owner = app === null ? undefined : described.get(app)
      if (app === null || owner === undefined) {
        add(self, OUTSIDE, dt)
        add(selfByFile, OUTSIDE, dt)
        return
      }
      const native = byId.get(id)?.callFrame.functionName || '(native)'
      add(self, app === id ? owner.key : `${native} (native) ← ${owner.key}`, dt)
      add(selfByFile, owner.file, dt)
      const seen = new Set()
      for (let at = /** @type {number | undefined} */ (app); at !== undefined; at = parent.get(at)) {
        const key = described.get(at)?.key
        if (!isApp(at) || key === undefined || seen.has(key)) continue
        seen.add(key)
        add(total, key, dt)
      }
    })
  }
  /** @param {Map<string, number>} map @param {number} n */
  const top = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, ms]) => ({ ms: round(ms), key }))
  const inclusiveSrc = new Map([...total].filter(([key]) => key.startsWith('src/')))
  return {
    windows: profiles.length,
    busyMs: round(busy),
    idleMs: round(idle),
    selfByFile: top(selfByFile, 10),
    self: top(self, 15),
    inclusive: top(total, 25),
    inclusiveSrc: top(inclusiveSrc, 40),
  }
}

/**
 * A watch for the measured windows that runs the sampling profiler in each, keeping one profile per window.
 * @param {import('@playwright/test').Page} page
 */
export async function profilerWatch(page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  /** @type {Profile[]} */
  const profiles = []
  return {
    profiles,
    open: () => cdp.send('Profiler.start'),
    close: async () => {
      const { profile } = await cdp.send('Profiler.stop')
      profiles.push(/** @type {Profile} */ (/** @type {unknown} */ (profile)))
    },
    detach: () => cdp.detach(),
  }
}

/**
 * Long animation frames' script attribution (LoAF), mapped to the sources: which code ran in the long frames.
 * @param {import('./in-page.mjs').LongFrame[]} frames
 * @param {MapFor} mapFor
 * @returns {FrameAttribution[]}
 */
export function attributeFrames(frames, mapFor) {
  /** @type {Map<string, FrameAttribution>} */
  const byScript = new Map()
  for (const frame of frames) {
    for (const s of frame.scripts) {
      const map = mapFor(s.sourceURL)
      const at = map && s.sourceCharPosition >= 0 ? map.offset(s.sourceCharPosition) : null
      const where = at ? `${at.source}:${at.line} ${at.text ?? ''}`.trim() : s.sourceURL || '(no source)'
      const key = `${frame.phase ?? 'load'} | ${s.invokerType} ${s.invoker} → ${where}`
      const entry = byScript.get(key) ?? { key, count: 0, totalMs: 0, longestMs: 0, forcedLayoutMs: 0 }
      entry.count++
      entry.totalMs = round(entry.totalMs + s.duration) ?? 0
      // Style and layout the script forced by reading geometry or focusing: work a script causes outside JavaScript.
      entry.forcedLayoutMs = round(entry.forcedLayoutMs + s.forcedStyleAndLayoutDuration) ?? 0
      entry.longestMs = Math.max(entry.longestMs, round(s.duration) ?? 0)
      byScript.set(key, entry)
    }
  }
  return [...byScript.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, 12)
}
