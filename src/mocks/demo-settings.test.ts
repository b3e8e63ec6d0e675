import { readDemoSettings } from '@/mocks/demo-settings'
import { MAX_NUMBER_COUNT } from '@/mocks/seed'

/** demo-settings.ts as built with VITE_DEMO_LATENCY_MS set to `latency`: the build's default is read once, on load. */
async function builtWithLatency(latency: string) {
  vi.stubEnv('VITE_DEMO_LATENCY_MS', latency)
  vi.resetModules()
  return (await import('@/mocks/demo-settings')).readDemoSettings
}

test('reads the size, the latency, the faults and a reset from the URL', () => {
  expect(readDemoSettings('?numbers=20000&latency=0&faults=rate:1,kinds:503&reset')).toMatchObject({
    numbers: 20_000,
    latencyMs: 0,
    faults: { rate: 1, kinds: ['503'] },
    reset: true,
  })
  expect(readDemoSettings('?numbers=0').numbers).toBe(0)
  expect(readDemoSettings(`?numbers=${MAX_NUMBER_COUNT}`).numbers).toBe(MAX_NUMBER_COUNT)
  expect(readDemoSettings('?latency=10000').latencyMs).toBe(10_000)
})

test('without a size or a latency in the URL: the stored size (null), the latency the build sets, else 200 ms', async () => {
  expect((await builtWithLatency('50'))('')).toEqual({ numbers: null, latencyMs: 50, faults: null, reset: false })
  expect((await builtWithLatency('soon'))('').latencyMs).toBe(200)
})

test('a size or a latency that is not a whole number in range falls back: the stored size, the build latency', async () => {
  const read = await builtWithLatency('50')
  for (const numbers of ['-1', '2.5', 'many', String(MAX_NUMBER_COUNT + 1)]) {
    expect(read(`?numbers=${numbers}`).numbers, numbers).toBeNull()
  }
  for (const latency of ['-5', '0.5', 'slow', '10001']) {
    expect(read(`?latency=${latency}`).latencyMs, latency).toBe(50)
  }
})
