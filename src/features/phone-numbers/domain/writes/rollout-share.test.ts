import fc from 'fast-check'
import { inRollout } from '@/features/phone-numbers/domain/writes/rollout-share'

const ids = Array.from({ length: 10_000 }, (_, i) => `phn_${i.toString(36).padStart(8, '0')}`)

test('a larger share keeps every number of a smaller one, for the same target version', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.string(), (a, b, version) => {
      const [small, large] = a <= b ? [a, b] : [b, a]
      for (const id of ids.slice(0, 200))
        if (inRollout(id, version, small)) expect(inRollout(id, version, large)).toBe(true)
    }),
    { numRuns: 200 },
  )
})

test('the share taken is close to the percentage asked, and differs per target version', () => {
  for (const percent of [1, 10, 50, 90]) {
    const taken = ids.filter((id) => inRollout(id, 'agv_front_desk_3', percent)).length
    expect(Math.abs(taken / ids.length - percent / 100)).toBeLessThan(0.015)
  }
  const a = ids.filter((id) => inRollout(id, 'agv_front_desk_3', 10))
  const b = new Set(ids.filter((id) => inRollout(id, 'agv_front_desk_4', 10)))
  // Independent draws overlap by about 10 % of 10 %.
  expect(a.filter((id) => b.has(id)).length / a.length).toBeLessThan(0.2)
  expect(ids.every((id) => inRollout(id, 'v', 100) && !inRollout(id, 'v', 0))).toBe(true)
})
