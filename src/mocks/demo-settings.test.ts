import { readDemoSettings } from '@/mocks/demo-settings'
import { MAX_NUMBER_COUNT } from '@/mocks/seed'

// Vitest's environment sets no VITE_DEMO_LATENCY_MS: the build's default latency is 200 ms.
const BUILD_LATENCY = 200

test('reads the size, the latency, the faults and a reset from the URL', () => {
  expect(readDemoSettings('?numbers=20000&latency=0&faults=rate:1,kinds:503&reset')).toMatchObject({
    numbers: 20_000,
    latencyMs: 0,
    faults: { rate: 1, kinds: ['503'] },
    reset: true,
  })
  expect(readDemoSettings('')).toEqual({ numbers: null, latencyMs: BUILD_LATENCY, faults: null, reset: false })
})

test('a size or a latency that is not a whole number in range falls back: the stored size, the build latency', () => {
  for (const numbers of ['-1', '2.5', 'many', String(MAX_NUMBER_COUNT + 1)]) {
    expect(readDemoSettings(`?numbers=${numbers}`).numbers, numbers).toBeNull()
  }
  expect(readDemoSettings(`?numbers=${MAX_NUMBER_COUNT}`).numbers).toBe(MAX_NUMBER_COUNT)
  for (const latency of ['-5', '0.5', 'slow', '10001']) {
    expect(readDemoSettings(`?latency=${latency}`).latencyMs, latency).toBe(BUILD_LATENCY)
  }
  expect(readDemoSettings('?latency=10000').latencyMs).toBe(10_000)
})
