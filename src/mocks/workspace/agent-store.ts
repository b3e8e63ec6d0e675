import type { Agent, AgentVersion } from '@/types/api'

/**
 * The workspace's agents and their versions, with what persists of them: the versions published
 * since the seed, and each touched agent's `updated_at`.
 */
export class AgentStore {
  private readonly agents: Agent[]
  private readonly versions = new Map<string, { agent: Agent; version: AgentVersion }>()
  private readonly publishedVersionIds = new Set<string>()
  private readonly agentsUpdatedAt = new Map<string, string>()

  constructor(agents: Agent[]) {
    // API.md: each agent lists its versions newest last, whatever order the data holds them in.
    this.agents = agents.map((a) => ({
      ...a,
      versions: a.versions.map((v) => ({ ...v })).sort((x, y) => x.version - y.version),
    }))
    for (const agent of this.agents) {
      for (const version of agent.versions) this.versions.set(version.id, { agent, version })
    }
  }

  /** Copies: callers may change them freely. */
  list(): Agent[] {
    return this.agents.map((a) => ({ ...a, versions: a.versions.map((v) => ({ ...v })) }))
  }

  /** The agent itself (the Workspace's rules change it). */
  find(agentId: string): Agent | undefined {
    return this.agents.find((a) => a.id === agentId)
  }

  /** A version and its agent, by the version's id. */
  entry(versionId: string): { agent: Agent; version: AgentVersion } | undefined {
    return this.versions.get(versionId)
  }

  /** The ids of an agent's versions, oldest first; none for an unknown agent. */
  versionIdsOf(agentId: string): string[] {
    return this.find(agentId)?.versions.map((v) => v.id) ?? []
  }

  /** Marks a draft published at `at`. */
  publish(agent: Agent, version: AgentVersion, at: string): void {
    if (version.published) return
    version.published = true
    agent.updated_at = at
    this.publishedVersionIds.add(version.id)
    this.agentsUpdatedAt.set(agent.id, at)
  }

  changes(): { publishedVersionIds: string[]; agentsUpdatedAt: Record<string, string> } {
    return {
      publishedVersionIds: [...this.publishedVersionIds],
      agentsUpdatedAt: Object.fromEntries(this.agentsUpdatedAt),
    }
  }

  applyChanges(publishedVersionIds: readonly string[], agentsUpdatedAt: Record<string, string> = {}): void {
    for (const id of publishedVersionIds) {
      const entry = this.versions.get(id)
      if (!entry) continue
      entry.version.published = true
      this.publishedVersionIds.add(id)
    }
    for (const [agentId, updatedAt] of Object.entries(agentsUpdatedAt)) {
      const agent = this.find(agentId)
      if (!agent || typeof updatedAt !== 'string') continue
      agent.updated_at = updatedAt
      this.agentsUpdatedAt.set(agentId, updatedAt)
    }
  }
}
