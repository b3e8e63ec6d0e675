#!/usr/bin/env node
// @ts-check
/**
 * Renders docs/performance.md from bench/results.json (the last `npm run bench`, which also runs
 * this at its end): `npm run bench:report`.
 */
import { relative } from 'node:path'
import { root } from './lib/built-app.mjs'
import { PERFORMANCE_DOC } from './bench/options.mjs'
import { writePerformanceDoc } from './bench/performance-doc.mjs'
import { readResults } from './bench/results.mjs'

try {
  await writePerformanceDoc(await readResults())
  console.log(`Wrote ${relative(root, PERFORMANCE_DOC)}`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
