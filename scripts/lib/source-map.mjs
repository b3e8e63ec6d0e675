// @ts-check
/**
 * Positions in a built file traced back to the original sources, through the build's `.map`
 * (`@jridgewell/trace-mapping` decodes it): for CPU profiles, long-animation-frame scripts and
 * the weight of each package in a bundle.
 */
import { existsSync, readFileSync } from 'node:fs'
import { decodedMappings, originalPositionFor, sourceContentFor, TraceMap } from '@jridgewell/trace-mapping'

/**
 * @typedef {{ source: string, line: number, column: number, name: string | null, text: string | null }} OriginalPosition
 * @typedef {{ position: (line: number, column: number) => OriginalPosition | null, offset: (charIndex: number) => OriginalPosition | null }} SourceMapLookup
 */

/** "../../src/main.tsx" → "src/main.tsx": paths relative to the project root. @param {string} source */
const fromRoot = (source) => source.replace(/^(\.\.\/)+/, '')

/**
 * The file's map; an empty one when the build wrote none (rolldown's tiny runtime chunk), so its
 * code counts as unmapped instead of stopping the bench.
 * @param {string} builtFile
 */
const readMap = (builtFile) =>
  existsSync(`${builtFile}.map`)
    ? new TraceMap(readFileSync(`${builtFile}.map`, 'utf8'))
    : new TraceMap({ version: 3, sources: [], names: [], mappings: '' })

/**
 * A lookup over one built file and its `.map`: `position(line, column)` (both 0-based) or `offset(charIndex)`.
 * @param {string} builtFile
 * @returns {SourceMapLookup}
 */
export function loadSourceMap(builtFile) {
  const map = readMap(builtFile)
  const code = readFileSync(builtFile, 'utf8')
  const lineStarts = [0]
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1)
  /** @type {Map<string, string[] | null>} */
  const split = new Map()
  /** @param {string} source */
  const sourceLines = (source) => {
    if (!split.has(source)) split.set(source, sourceContentFor(map, source)?.split('\n') ?? null)
    return split.get(source) ?? null
  }

  /** @type {SourceMapLookup['position']} */
  const position = (line, column) => {
    const at = originalPositionFor(map, { line: line + 1, column })
    if (at.source === null) return null
    const text = sourceLines(at.source)?.[at.line - 1]?.trim() ?? null
    return {
      source: fromRoot(at.source),
      line: at.line,
      column: at.column + 1,
      name: at.name,
      /** The original source line, trimmed: what the position points at. */
      text: text && text.length > 100 ? `${text.slice(0, 97)}...` : text,
    }
  }

  /** @type {SourceMapLookup['offset']} */
  const offset = (charIndex) => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >>> 1
      if ((lineStarts[mid] ?? 0) <= charIndex) low = mid
      else high = mid - 1
    }
    return position(low, charIndex - (lineStarts[low] ?? 0))
  }

  return { position, offset }
}

/**
 * The generated code of a built file, split by the original source each span maps to (a span runs
 * from one mapping segment to the next; unmapped code is under null): what each source weighs.
 * @param {string} builtFile
 * @returns {Map<string | null, string>}
 */
export function generatedCodeBySource(builtFile) {
  const map = readMap(builtFile)
  const codeLines = readFileSync(builtFile, 'utf8').split('\n')
  const lines = decodedMappings(map)
  /** @type {Map<string | null, string[]>} */
  const pieces = new Map()
  /** @param {string | null} source @param {string} text */
  const add = (source, text) => {
    if (text === '') return
    const list = pieces.get(source) ?? []
    list.push(text)
    pieces.set(source, list)
  }
  codeLines.forEach((code, lineIndex) => {
    const segments = lines[lineIndex] ?? []
    add(null, code.slice(0, segments[0]?.[0] ?? code.length))
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.[0] ?? code.length
      const source = segment.length === 1 ? null : fromRoot(map.sources[segment[1]] ?? '?')
      add(source, code.slice(segment[0], end))
    })
  })
  return new Map([...pieces].map(([source, list]) => [source, list.join('')]))
}

/**
 * The demo backend's code in a built script, as its map names its sources: msw or `src/mocks/`. The
 * real-server build must hold none (the e2e suite and the bench both ask). A script without a map
 * is the bundler's own (its runtime, an entry that only imports others): none.
 * @param {string} builtFile
 * @returns {string[]}
 */
export function demoSourcesIn(builtFile) {
  if (!existsSync(`${builtFile}.map`)) return []
  const { sources } = /** @type {{ sources: string[] }} */ (JSON.parse(readFileSync(`${builtFile}.map`, 'utf8')))
  return sources.filter((source) => source.includes('node_modules/msw/') || source.includes('src/mocks/'))
}
