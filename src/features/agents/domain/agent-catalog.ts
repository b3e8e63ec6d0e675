import type { Agent, AgentVersion } from '@/types/api'
import { isolated } from '@/lib/bidi'

interface VersionEntry {
  agent: Agent
  version: AgentVersion
}

/** Lookups over GET /v1/agents that the table, the dialog and the save planner share. */
export interface AgentCatalog {
  agents: Agent[]
  agentById: Map<string, Agent>
  versionById: Map<string, VersionEntry>
}

const catalogs = new WeakMap<Agent[], AgentCatalog>()

/** The catalog of an agents list, built once per list: every component showing the same list shares it. */
export function catalogOf(agents: Agent[]): AgentCatalog {
  let catalog = catalogs.get(agents)
  if (!catalog) {
    catalog = buildAgentCatalog(agents)
    catalogs.set(agents, catalog)
  }
  return catalog
}

export const EMPTY_CATALOG = buildAgentCatalog([])

export function buildAgentCatalog(agents: Agent[]): AgentCatalog {
  const agentById = new Map<string, Agent>()
  const versionById = new Map<string, VersionEntry>()
  for (const agent of agents) {
    agentById.set(agent.id, agent)
    for (const version of agent.versions) versionById.set(version.id, { agent, version })
  }
  return { agents, agentById, versionById }
}

export function isArchived(agent: Agent): boolean {
  return agent.archived_at !== null
}

/** An agent as pickers and filters list it: `Legacy IVR (archived)`. */
export function agentLabel(agent: Agent): string {
  return isArchived(agent) ? `${agent.name} (archived)` : agent.name
}

/** An agent named in a sentence: as agentLabel, its name isolated when it is right-to-left (lib/bidi.ts). */
export function agentInSentence(agent: Agent): string {
  return isArchived(agent) ? `${isolated(agent.name)} (archived)` : isolated(agent.name)
}

/** Versions newest first, as the version picker lists them. */
export function versionsNewestFirst(agent: Agent): AgentVersion[] {
  return [...agent.versions].sort((a, b) => b.version - a.version)
}

export function newestPublishedVersion(agent: Agent): AgentVersion | null {
  return versionsNewestFirst(agent).find((v) => v.published) ?? null
}

/** What picking an agent selects: its newest published version, or its newest draft when it has only drafts. */
export function defaultVersionFor(agent: Agent): AgentVersion | null {
  return newestPublishedVersion(agent) ?? versionsNewestFirst(agent)[0] ?? null
}
