import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'

test('seed is deterministic', () => {
  expect(createSeedWorkspace({ numbers: 500 })).toEqual(createSeedWorkspace({ numbers: 500 }))
  const w = new Workspace(createSeedWorkspace())
  expect(w.size).toBe(40)
})
