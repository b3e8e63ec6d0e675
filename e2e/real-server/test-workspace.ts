import { createSeedRecords } from '@/mocks/seed'
import { Workspace, type WorkspaceData } from '@/mocks/workspace'
import type { PhoneNumber, Scope } from '@/types/api'
import { TEST_KEY_NAMES, TEST_KEYS } from './config'
import { HOSTILE } from './hostile'

const TEST_KEY_SCOPES: Record<keyof typeof TEST_KEYS, Scope[]> = {
  admin: ['numbers:read', 'numbers:write', 'agents:read', 'agents:manage'],
  support: ['numbers:read', 'numbers:write', 'agents:read'],
  readonly: ['numbers:read', 'agents:read'],
}

export interface TestWorkspaceOptions {
  /** Markup in names and nicknames (POST /__control/seed-hostile). */
  hostile?: boolean
  /** How many numbers the seed generates (the demo's default when unset); the bench loads 10,000. */
  numbers?: number
}

/**
 * The seeded demo workspace (same numbers and agents as the demo app), but accepting only the
 * test keys: the demo keys are removed, so nothing in a real-mode build can lean on them.
 */
export function createTestWorkspace(options: TestWorkspaceOptions = {}): Workspace {
  const data = createSeedRecords({ numbers: options.numbers })
  data.keys = {}
  if (options.hostile) makeHostile(data)
  const workspace = new Workspace(data)
  for (const role of Object.keys(TEST_KEYS) as (keyof typeof TEST_KEYS)[]) {
    workspace.addKey(TEST_KEYS[role], { name: TEST_KEY_NAMES[role], scopes: TEST_KEY_SCOPES[role] })
  }
  return workspace
}

/** Markup in names and nicknames, set on the data before the Workspace is built from it. */
function makeHostile(data: WorkspaceData & { numbers: PhoneNumber[] }): void {
  data.workspace.name = HOSTILE.workspaceName
  const number = (e164: string) => {
    const found = data.numbers.find((n) => n.phone_number === e164)
    if (!found) throw new Error(`The seed has no number ${e164}`)
    return found
  }
  const agent = (id: string) => {
    const found = data.agents.find((a) => a.id === id)
    if (!found) throw new Error(`The seed has no agent ${id}`)
    return found
  }
  number('+14155550123').nickname = HOSTILE.scriptNickname
  number('+14155550148').nickname = HOSTILE.imgNickname
  number('+14155550148').label = HOSTILE.svgLabel
  agent('agt_front_desk').name = HOSTILE.imgAgentName
  agent('agt_billing').name = HOSTILE.scriptAgentName
}
