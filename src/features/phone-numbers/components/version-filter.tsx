import { NativeSelectField } from '@/components/ui/native-select-field'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { ANY_VERSION, versionFilterOptions } from '@/features/phone-numbers/domain/version-filter-options'

interface VersionFilterProps {
  side: 'inbound' | 'outbound'
  agentId: string | null
  /** A version id, `none`, or null for any. */
  value: string | null
  catalog: AgentCatalog
  onValueChange: (versionId: string | null) => void
}

/** `Inbound version` / `Outbound version`: numbers whose slot holds exactly one version, or is empty. */
export function VersionFilter({ side, agentId, value, catalog, onValueChange }: VersionFilterProps) {
  return (
    <NativeSelectField
      id={`filter-${side}-version`}
      label={side === 'inbound' ? 'Inbound version' : 'Outbound version'}
      value={value ?? ANY_VERSION}
      options={versionFilterOptions(side, agentId, value, catalog)}
      onValueChange={(chosen) => onValueChange(chosen === ANY_VERSION ? null : chosen)}
    />
  )
}
