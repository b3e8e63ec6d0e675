// @ts-check
/**
 * What a page allocated between two moments and still holds (bench:bulk `--heap-snapshot`): a heap
 * snapshot at each moment through CDP, and the objects of the second whose ids the first did not
 * have, summed by type and constructor (DevTools' "Objects allocated between snapshots"). Strings are
 * also summed by length, so the numbers' ids, E.164s and timestamps show as what they are.
 */

/**
 * @param {import('@playwright/test').Page} page
 * @returns {Promise<HeapSnapshot>}
 */
export async function takeHeapSnapshot(page) {
  const cdp = await page.context().newCDPSession(page)
  /** @type {string[]} */
  const chunks = []
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk))
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false })
  await cdp.detach()
  return JSON.parse(chunks.join(''))
}

/**
 * @typedef {{ snapshot: { meta: { node_fields: string[], node_types: [string[]], edge_fields: string[], edge_types: [string[]] } }, nodes: number[], edges: number[], strings: string[] }} HeapSnapshot
 * @typedef {{ key: string, count: number, bytes: number }} HeapGroup
 */

/**
 * The objects of `after` not in `before`, grouped, largest first.
 * @param {HeapSnapshot} before
 * @param {HeapSnapshot} after
 * @returns {{ totalBytes: number, groups: HeapGroup[], strings: HeapGroup[] }}
 */
export function allocatedBetween(before, after) {
  const earlier = new Set()
  forEachNode(before, (node) => earlier.add(node.id))
  /** @type {Map<string, HeapGroup>} */
  const groups = new Map()
  /** @type {Map<string, HeapGroup>} */
  const strings = new Map()
  let totalBytes = 0
  const add = (/** @type {Map<string, HeapGroup>} */ map, /** @type {string} */ key, /** @type {number} */ bytes) => {
    const group = map.get(key) ?? { key, count: 0, bytes: 0 }
    group.count += 1
    group.bytes += bytes
    map.set(key, group)
  }
  forEachNode(after, (node) => {
    if (earlier.has(node.id)) return
    totalBytes += node.size
    const named = node.type === 'object' || node.type === 'native' || node.type === 'closure'
    // Plain objects are told apart by their properties ({id, phone_number, …}), the rest by constructor.
    const what = node.name === 'Object' && node.properties.length > 0 ? `{${node.properties.join(', ')}}` : node.name
    add(groups, named ? `${node.type} ${what}` : `(${node.type})`, node.size)
    if (node.type === 'string' || node.type === 'concatenated string' || node.type === 'sliced string') {
      add(strings, `${node.type}, ${stringShape(node.name)}`, node.size)
    }
  })
  const largest = (/** @type {Map<string, HeapGroup>} */ map) => [...map.values()].sort((a, b) => b.bytes - a.bytes)
  return { totalBytes, groups: largest(groups), strings: largest(strings) }
}

/** The kind of value a string holds, so that 100,000 ids group as one line. */
function stringShape(/** @type {string} */ text) {
  if (/^\+\d{6,15}$/.test(text)) return 'E.164'
  if (/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(text)) return 'timestamp'
  const prefix = /^([a-z]{2,5})_/.exec(text)
  if (prefix) return `${prefix[1]}_… id, ${text.length} chars`
  return `other, ${text.length < 32 ? 'under 32' : text.length < 1024 ? 'under 1 K' : '1 K or more'} chars`
}

/**
 * @param {HeapSnapshot} snapshot
 * @param {(node: { type: string, name: string, id: number, size: number, properties: string[] }) => void} each
 */
function forEachNode(snapshot, each) {
  const { meta } = snapshot.snapshot
  const types = meta.node_types[0]
  const edgeTypes = meta.edge_types[0]
  const width = meta.node_fields.length
  const edgeWidth = meta.edge_fields.length
  const at = (/** @type {string} */ field) => meta.node_fields.indexOf(field)
  const [typeAt, nameAt, idAt, sizeAt, edgesAt] = ['type', 'name', 'id', 'self_size', 'edge_count'].map(at)
  const [edgeTypeAt, edgeNameAt] = ['type', 'name_or_index'].map((f) => meta.edge_fields.indexOf(f))
  const { nodes, edges, strings } = snapshot
  const node = (/** @type {number} */ i, /** @type {number | undefined} */ field) => nodes[i + Number(field)] ?? 0
  const edgeField = (/** @type {number} */ e, /** @type {number | undefined} */ field) => edges[e + Number(field)] ?? 0
  let edge = 0
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[node(i, typeAt)] ?? '?'
    const edgesEnd = edge + node(i, edgesAt) * edgeWidth
    /** @type {string[]} */
    const properties = []
    if (type === 'object') {
      for (let e = edge; e < edgesEnd; e += edgeWidth) {
        if (edgeTypes[edgeField(e, edgeTypeAt)] === 'property') {
          const name = strings[edgeField(e, edgeNameAt)] ?? ''
          if (name !== '__proto__' && name !== 'map') properties.push(name)
        }
      }
    }
    edge = edgesEnd
    each({
      type,
      name: strings[node(i, nameAt)] ?? '',
      id: node(i, idAt),
      size: node(i, sizeAt),
      properties: properties.slice(0, 8),
    })
  }
}

/** @param {{ totalBytes: number, groups: HeapGroup[], strings: HeapGroup[] }} diff */
export function printAllocatedBetween(diff) {
  const mb = (/** @type {number} */ bytes) => (bytes / 1024 / 1024).toFixed(2).padStart(7)
  console.log(`\nAllocated between the snapshots and still held: ${mb(diff.totalBytes)} MB`)
  for (const { key, count, bytes } of diff.groups.slice(0, 30)) {
    console.log(`${mb(bytes)} MB  ${String(count).padStart(8)} × ${key}`)
  }
  console.log('\nof which strings, by what they hold:')
  for (const { key, count, bytes } of diff.strings.slice(0, 15)) {
    console.log(`${mb(bytes)} MB  ${String(count).padStart(8)} × ${key}`)
  }
}
