import { createRandom } from '@/mocks/faults'

/** The chaos test's seeded choices, over the same PRNG as the demo backend's fault injection. */
export interface Random {
  chance: (probability: number) => boolean
  int: (below: number) => number
  pick: <T>(items: readonly T[]) => T
}

/** One draw per call, so the same seed makes the same choices in the same order. */
export function createRandomChoices(seed: number): Random {
  const next = createRandom(seed)
  return {
    chance: (probability) => next() < probability,
    int: (below) => Math.floor(next() * below),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  }
}

const WORDS = ['Desk', 'Line', 'Hotline', 'Clinic', 'Überlauf', 'Línea', 'Night', 'Backup', 'Main', 'Sales']

export function randomText(random: Random, field: 'Nickname' | 'Label'): string {
  const text = field === 'Nickname' ? `${random.pick(WORDS)} ${random.int(1000)}` : `chaos-${random.int(100)}`
  // Sometimes with spaces around it, which the server trims.
  return random.chance(0.1) ? `  ${text} ` : text
}
