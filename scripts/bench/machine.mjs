// @ts-check
/** The machine a run was taken on, and how busy it was: other work skews every figure. */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg } from 'node:os'
import { root } from '../lib/built-app.mjs'
import { round } from './stats.mjs'

/** @typedef {{ cpuBusy: number | null, loadavg1: number | null, cores: number }} MachineLoad */
/** @typedef {{ quiet: boolean | null, cpuBusy: number | null, waitedMs: number }} MachineWait `quiet` null: not checked. */

/**
 * Whole-machine CPU use between this call and the returned function's (from /proc/stat), and the load average.
 * @returns {() => MachineLoad}
 */
export function machineLoad() {
  const before = readCpuTimes()
  return () => {
    const after = readCpuTimes()
    const busy = before && after ? 1 - (after.idle - before.idle) / (after.total - before.total) : null
    return { cpuBusy: round(busy, 2), loadavg1: round(loadavg()[0], 2), cores: availableParallelism() }
  }
}

/** The whole machine's idle and total CPU time so far (/proc/stat), or null where it cannot be read. */
function readCpuTimes() {
  try {
    const [, ...fields] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/)
    const values = fields.map(Number)
    return { idle: (values[3] ?? 0) + (values[4] ?? 0), total: values.reduce((a, b) => a + b, 0) }
  } catch {
    return null
  }
}

/** The CPU model and core count, for the report. */
export function machineDescription() {
  const all = cpus()
  return { cpu: all[0]?.model.trim() ?? 'unknown CPU', cores: availableParallelism(), node: process.version }
}

/** @returns {{ head: string, dirtySrc: string[] } | null} The commit measured, and whether src/ differed from it. */
export function gitState() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--short', '--', 'src'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
    return { head, dirtySrc: dirty }
  } catch {
    return null
  }
}

/**
 * Waits until the whole machine has been nearly idle (under `busyBelow` of its CPU) for one
 * `windowMs`, or `timeoutMs` has passed: a build, a server starting or the previous run's browser
 * work still finishing would otherwise land in the next figures. Resolves with the last window's use;
 * where the CPU's use cannot be read (no /proc/stat), at once, unchecked (`quiet` and `cpuBusy` null).
 * @param {{ busyBelow?: number, windowMs?: number, timeoutMs?: number }} [options]
 * @returns {Promise<MachineWait>}
 */
export async function waitForQuietMachine({ busyBelow = 0.15, windowMs = 1000, timeoutMs = 30_000 } = {}) {
  const began = Date.now()
  if (readCpuTimes() === null) return { quiet: null, cpuBusy: null, waitedMs: 0 }
  for (;;) {
    const load = machineLoad()
    await new Promise((resolve) => setTimeout(resolve, windowMs))
    const { cpuBusy } = load()
    const waitedMs = Date.now() - began
    if (cpuBusy === null) return { quiet: null, cpuBusy, waitedMs }
    if (cpuBusy < busyBelow) return { quiet: true, cpuBusy, waitedMs }
    if (waitedMs >= timeoutMs) return { quiet: false, cpuBusy, waitedMs }
  }
}
