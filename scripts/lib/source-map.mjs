/**
 * Just enough of Source Map v3 to turn a position in a built file back into the original source:
 * decodes `mappings` (base64 VLQ) and looks up the segment at or before a (line, column).
 */
import { readFileSync } from 'node:fs'

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DIGIT = new Map([...BASE64].map((char, i) => [char, i]))

function decodeMappings(mappings) {
  const lines = []
  let source = 0
  let sourceLine = 0
  let sourceColumn = 0
  let name = 0
  for (const line of mappings.split(';')) {
    const segments = []
    let column = 0
    for (const segment of line.split(',')) {
      if (segment === '') continue
      const values = []
      let value = 0
      let shift = 0
      for (const char of segment) {
        const digit = DIGIT.get(char)
        value += (digit & 31) << shift
        if (digit & 32) {
          shift += 5
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1)
          value = 0
          shift = 0
        }
      }
      column += values[0]
      if (values.length >= 4) {
        source += values[1]
        sourceLine += values[2]
        sourceColumn += values[3]
        if (values.length >= 5) name += values[4]
        segments.push([column, source, sourceLine, sourceColumn, values.length >= 5 ? name : -1])
      } else {
        // Generated code that maps to no source.
        segments.push([column, -1, -1, -1, -1])
      }
    }
    lines.push(segments)
  }
  return lines
}

/** A lookup over one built file and its `.map`: `position(line, column)` (both 0-based) or `offset(charIndex)`. */
export function loadSourceMap(builtFile) {
  const map = JSON.parse(readFileSync(`${builtFile}.map`, 'utf8'))
  const code = readFileSync(builtFile, 'utf8')
  const lineStarts = [0]
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1)
  const lines = decodeMappings(map.mappings)

  const split = new Map()
  const sourceLines = (source) => {
    if (!split.has(source)) split.set(source, map.sourcesContent?.[source]?.split('\n') ?? null)
    return split.get(source)
  }

  const position = (line, column) => {
    const segments = lines[line]
    if (!segments || segments.length === 0) return null
    let low = 0
    let high = segments.length - 1
    let found = -1
    while (low <= high) {
      const mid = (low + high) >>> 1
      if (segments[mid][0] <= column) {
        found = mid
        low = mid + 1
      } else {
        high = mid - 1
      }
    }
    if (found < 0) return null
    const [, source, sourceLine, sourceColumn, name] = segments[found]
    if (source < 0) return null
    const text = sourceLines(source)?.[sourceLine]?.trim() ?? null
    return {
      source: (map.sources[source] ?? '?').replace(/^(\.\.\/)+/, ''),
      line: sourceLine + 1,
      column: sourceColumn + 1,
      name: name >= 0 ? map.names[name] : null,
      /** The original source line, trimmed: what the position points at. */
      text: text && text.length > 100 ? `${text.slice(0, 97)}...` : text,
    }
  }

  const offset = (charIndex) => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >>> 1
      if (lineStarts[mid] <= charIndex) low = mid
      else high = mid - 1
    }
    return position(low, charIndex - lineStarts[low])
  }

  return { position, offset }
}

/**
 * The generated code of a built file, split by the original source each span maps to (a span runs
 * from one mapping segment to the next; unmapped code is under null): what each source weighs.
 */
export function generatedCodeBySource(builtFile) {
  const map = JSON.parse(readFileSync(`${builtFile}.map`, 'utf8'))
  const codeLines = readFileSync(builtFile, 'utf8').split('\n')
  const lines = decodeMappings(map.mappings)
  const pieces = new Map()
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
      const source = segment[1] < 0 ? null : (map.sources[segment[1]] ?? '?').replace(/^(\.\.\/)+/, '')
      add(source, code.slice(segment[0], end))
    })
  })
  return new Map([...pieces].map(([source, list]) => [source, list.join('')]))
}
