import fc from 'fast-check'
import { desiredFromNumber } from '@/features/phone-numbers/domain/desired-state'
import { planSave, PlanError } from '@/features/phone-numbers/domain/plan-save'
import type { WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import { sameCanary } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'
import { writeRequest } from '@/features/phone-numbers/domain/writes/write-requests'
import type { Workspace } from '@/mocks/workspace'
import {
  agentOfVersion,
  apply,
  expectReached,
  fewestCalls,
  publishedIds,
  scenarioArb,
  seed,
  seedCatalog,
  send,
  setUp,
  type Run,
  type Scenario,
} from '@/testing/save-scenarios'
import type { PhoneNumber } from '@/types/api'

/** Properties of planSave, checked against the demo backend's model of API.md (src/mocks). */

const RUNS = 2000
/** Order of the kinds of call in a plan (API.md: slots, then a draft canary's publish, then the canary, then the PATCH). */
const KIND_ORDER = { deploy: 0, unassign: 1, publish: 2, 'set-canary': 3, 'remove-canary': 3, patch: 4 }

/** The plan, or null when the choice is refused (a canary equal to the inbound version, an archived agent…). */
function planOrRefusal(number: PhoneNumber, run: Run, desired: Scenario['desired']): WriteCall[] | null {
  try {
    return planSave(number, run.catalog, desired)
  } catch (error) {
    if (error instanceof PlanError) return null
    throw error
  }
}

/** What the API would refuse is refused before any call: exactly these choices. */
function expectedRefusal(number: PhoneNumber, run: Run, { inbound, outbound, canary }: Scenario['desired']): boolean {
  const archived = (versionId: string) => run.catalog.versionById.get(versionId)!.agent.archived_at !== null
  const deploysArchived = (want: string | null, held: string | null) => want !== null && want !== held && archived(want)
  if (deploysArchived(inbound, number.inbound_agent_version_id)) return true
  if (deploysArchived(outbound, number.outbound_agent_version_id)) return true
  if (canary === null) return false
  if (canary.agent_version_id === inbound) return true
  const held = number.inbound_canary
  const leftBySlots = inbound === null || inbound === held?.agent_version_id ? null : held
  return (
    !sameCanary(leftBySlots, canary) && run.catalog.versionById.get(canary.agent_version_id)!.agent.archived_at !== null
  )
}

function expectWellFormed(calls: WriteCall[], before: PhoneNumber, run: Run, publishedBefore: Set<string>): void {
  const ranks = calls.map((c) => KIND_ORDER[c.kind])
  expect(ranks).toEqual([...ranks].sort())
  const ref = { id: before.id, phone_number: before.phone_number }
  for (const call of calls) {
    switch (call.kind) {
      case 'patch':
        expect(call.number).toEqual(ref)
        expect(writeRequest(call, () => before.updated_at)).toMatchObject({
          body: { expected_updated_at: before.updated_at },
        })
        break
      case 'set-canary':
      case 'remove-canary':
        expect(call.number).toEqual(ref)
        break
      case 'publish':
        // Only a draft the canary needs, which no deploy of this plan publishes.
        expect(run.catalog.versionById.get(call.versionId)!.version.published).toBe(false)
        expect(calls.some((c) => c.kind === 'deploy' && c.versionId === call.versionId)).toBe(false)
        expect(agentOfVersion.get(call.versionId)?.id).toBe(call.agentId)
        break
      case 'deploy':
      case 'unassign':
        expect(agentOfVersion.get(call.versionId)?.id).toBe(call.agentId)
        expect(call.numbers).toEqual([ref])
        expect(writeRequest(call, () => before.updated_at)).toMatchObject({
          body: { expected_updated_at: { [before.phone_number]: before.updated_at } },
        })
        if (call.kind === 'deploy') {
          expect(call.publishesDraft).toBe(!run.catalog.versionById.get(call.versionId)!.version.published)
        } else {
          // Clearing never publishes anything new.
          expect(publishedBefore.has(call.versionId)).toBe(true)
        }
    }
  }
}

describe('planSave properties (canaries and webhooks included)', () => {
  test(`applied to the demo backend, a plan reaches exactly the chosen state with the fewest calls (${RUNS} runs)`, () => {
    const seen = {
      deployBoth: 0,
      unassignBoth: 0,
      archivedCleared: 0,
      draftDeployed: 0,
      draftPublishedForCanary: 0,
      canarySet: 0,
      canaryRemoved: 0,
      promoted: 0,
      clearedWithCanary: 0,
      canaryKeptOverNewInbound: 0,
      webhookChanged: 0,
      refused: 0,
      patch: 0,
    }
    fc.assert(
      fc.property(scenarioArb, ({ current, desired }) => {
        const run = setUp(current)
        const before = run.workspace.getPhoneNumber(run.id)
        const publishedBefore = publishedIds(run.workspace)
        const catalogBefore = run.catalog

        const calls = planOrRefusal(before, run, desired)
        expect(calls === null).toBe(expectedRefusal(before, run, desired))
        if (calls === null) {
          seen.refused += 1
          return
        }
        expect(calls).toHaveLength(fewestCalls(before, desired, run.catalog))
        expectWellFormed(calls, before, run, publishedBefore)

        apply(run, calls) // throws on any call the API would refuse
        const after = run.workspace.getPhoneNumber(run.id)
        expectReached(after, desired)
        const named = new Set(calls.flatMap((c) => ('versionId' in c && c.kind !== 'unassign' ? [c.versionId] : [])))
        for (const id of publishedIds(run.workspace)) if (!publishedBefore.has(id)) expect(named.has(id)).toBe(true)
        // Saving again sends nothing.
        expect(planSave(after, run.catalog, desired)).toEqual([])

        const held = before.inbound_canary
        const kinds = new Set(calls.map((c) => c.kind))
        seen.deployBoth += +calls.some((c) => c.kind === 'deploy' && c.direction === 'both')
        seen.unassignBoth += +calls.some((c) => c.kind === 'unassign' && c.direction === 'both')
        seen.archivedCleared += +calls.some((c) => c.kind === 'unassign' && c.agentId === 'agt_legacy_ivr')
        seen.draftDeployed += +calls.some(
          (c) => c.kind === 'deploy' && !catalogBefore.versionById.get(c.versionId)!.version.published,
        )
        seen.draftPublishedForCanary += +kinds.has('publish')
        seen.canarySet += +kinds.has('set-canary')
        seen.canaryRemoved += +kinds.has('remove-canary')
        seen.promoted += +(held !== null && desired.inbound === held.agent_version_id)
        seen.clearedWithCanary += +(held !== null && desired.inbound === null)
        seen.canaryKeptOverNewInbound += +(
          held !== null &&
          sameCanary(desired.canary, held) &&
          desired.inbound !== null &&
          desired.inbound !== before.inbound_agent_version_id
        )
        seen.webhookChanged += +(after.inbound_webhook_url !== before.inbound_webhook_url)
        seen.patch += +kinds.has('patch')
      }),
      { numRuns: RUNS },
    )
    // The generators really reach every interesting case.
    for (const [name, count] of Object.entries(seen)) expect([name, count]).not.toEqual([name, 0])
  })

  test(`after a failure part-way, saving again sends only what is still needed and finishes the job (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), ({ current, desired }, cut) => {
        const run = setUp(current)
        const calls = planOrRefusal(run.workspace.getPhoneNumber(run.id), run, desired)
        if (calls === null) return
        const applied = cut % (calls.length + 1)
        apply(run, calls.slice(0, applied))

        const retry = planSave(run.workspace.getPhoneNumber(run.id), run.catalog, desired)
        expect(retry.length).toBeLessThanOrEqual(calls.length - applied)
        apply(run, retry)
        expectReached(run.workspace.getPhoneNumber(run.id), desired)
      }),
      { numRuns: RUNS },
    )
  })

  test(`a plan made before someone else changed the number is refused at its first call naming it, changing nothing (${RUNS / 4} runs)`, () => {
    const otherChange = fc.constantFrom<(workspace: Workspace, id: string) => void>(
      (workspace, id) =>
        workspace.patchPhoneNumber(id, { label: `theirs ${workspace.getPhoneNumber(id).label ?? ''}` }),
      (workspace, id) => {
        const held = workspace.getPhoneNumber(id).outbound_agent_version_id
        workspace.setSlots(id, { outbound_agent_version_id: held === 'agv_sales_1' ? null : 'agv_sales_1' })
      },
      (workspace, id) => {
        const number = workspace.getPhoneNumber(id)
        const theirs = number.inbound_agent_version_id === 'agv_sales_2' ? 'agv_sales_3' : 'agv_sales_2'
        workspace.changeAsAnotherAdmin(id, {
          inbound_canary: number.inbound_agent_version_id ? { agent_version_id: theirs, percent: 42 } : null,
          inbound_webhook_url: 'https://hooks.example/theirs',
        })
      },
    )
    fc.assert(
      fc.property(scenarioArb, otherChange, ({ current, desired }, change) => {
        const run = setUp(current)
        const calls = planOrRefusal(run.workspace.getPhoneNumber(run.id), run, desired)
        fc.pre(calls !== null && calls.some((c) => c.kind !== 'publish'))
        const expected = run.workspace.getPhoneNumber(run.id).updated_at
        change(run.workspace, run.id)
        const changed = run.workspace.getPhoneNumber(run.id)
        fc.pre(changed.updated_at !== expected)
        // A publish naming no numbers has no precondition (and a draft canary needs it first, as a draft is
        // refused before a stale precondition); the first call that names the number is refused.
        const firstIndex = calls.findIndex((c) => c.kind !== 'publish')
        apply(run, calls.slice(0, firstIndex))
        const first = calls[firstIndex]!
        expect(() =>
          send(
            run.workspace,
            writeRequest(first, () => expected),
          ),
        ).toThrow(expect.objectContaining({ status: 409 }))
        expect(run.workspace.getPhoneNumber(run.id)).toEqual(changed)
        // Planned again from what is there now, the save goes through (unless the choice is no longer possible).
        const again = planOrRefusal(changed, run, desired)
        if (again === null) return
        apply(run, again)
        expectReached(run.workspace.getPhoneNumber(run.id), desired)
      }),
      { numRuns: RUNS / 4 },
    )
  })

  test('nothing changed: an empty plan, whatever the number holds (even versions the catalog does not know)', () => {
    const slot = fc.oneof(fc.constant(null), fc.constantFrom(...agentOfVersion.keys()), fc.constant('agv_unknown'))
    fc.assert(
      fc.property(
        fc.nat({ max: seed.numbers.length - 1 }),
        slot,
        slot,
        fc.oneof(fc.constant(null), fc.constant('agv_unknown_canary'), fc.constant('agv_front_desk_1')),
        fc.boolean(),
        (index, inbound, outbound, canaryVersion, padText) => {
          const number = {
            ...seed.numbers[index]!,
            inbound_agent_version_id: inbound,
            outbound_agent_version_id: outbound,
            inbound_canary:
              inbound && canaryVersion && canaryVersion !== inbound
                ? { agent_version_id: canaryVersion, percent: 7 }
                : null,
          }
          const desired = desiredFromNumber(number)
          if (padText) {
            Object.assign(desired, {
              nickname: ` ${desired.nickname} `,
              label: `\t${desired.label}`,
              webhook: ` ${desired.webhook}`,
            })
          }
          expect(planSave(number, seedCatalog, desired)).toEqual([])
        },
      ),
      { numRuns: 500 },
    )
  })
})
