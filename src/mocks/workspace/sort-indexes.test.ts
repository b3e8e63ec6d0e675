import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import { query } from '@/mocks/workspace/workspace-test-support'

/**
 * Sort orders are built once and then kept up to date by writes: listings after writes must
 * match a full re-sort.
 */

describe('sort orders kept up to date after writes', () => {
  test.each(['nickname', 'updated_at', 'created_at', 'phone_number'] as const)(
    'sort=%s after renames and deploys matches a fresh sort of the same data',
    (sort) => {
      let tick = 0
      const workspace = new Workspace(
        createSeedWorkspace({ numbers: 300 }),
        () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)),
      )
      // Build every sort order first, so the writes below must maintain them.
      for (const order of ['asc', 'desc']) workspace.listPhoneNumbers(query({ sort, order, limit: 200 }))
      const numbers = workspace.allNumbers()
      const names = ['aardvark line', 'Zulu desk', '', 'middle', '  mixed Case  ']
      numbers.slice(0, 60).forEach((n, i) => {
        if (i % 3 === 0) workspace.patchPhoneNumber(n.id, { nickname: names[i % names.length] })
        else
          workspace.publish('agt_front_desk', 'agv_front_desk_3', {
            phone_numbers: [n.phone_number],
            direction: 'outbound',
          })
      })
      const fresh = new Workspace({ ...createSeedWorkspace({ numbers: 300 }), numbers: workspace.allNumbers() })
      for (const order of ['asc', 'desc']) {
        for (const page of [1, 2]) {
          const params = query({ sort, order, limit: 200, page })
          expect(workspace.listPhoneNumbers(params).data.map((n) => n.id)).toEqual(
            fresh.listPhoneNumbers(params).data.map((n) => n.id),
          )
        }
      }
    },
  )
})
