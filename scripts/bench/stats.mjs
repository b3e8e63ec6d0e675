// @ts-check
/** Rounding and percentiles, the only arithmetic the figures need. */

/**
 * @param {number | null | undefined} n
 * @param {number} [digits]
 * @returns {number | null}
 */
export const round = (n, digits = 1) =>
  n === null || n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits

/**
 * Percentile by nearest rank (with 10 samples, p95 is the largest).
 * @param {number[]} values
 * @param {number} p
 * @returns {number | null}
 */
export function percentile(values, p) {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? null
}

/** @param {number[]} values */
export const median = (values) => percentile(values, 50)

/**
 * How many long tasks, and the longest.
 * @param {{ start: number, duration: number }[]} tasks
 * @returns {{ count: number, longest: number | null }}
 */
export const summarize = (tasks) => ({
  count: tasks.length,
  longest: tasks.length ? round(Math.max(...tasks.map((t) => t.duration))) : 0,
})
