import * as Dialog from '@radix-ui/react-dialog'
import { useId, useMemo, useState } from 'react'
import { SelectField } from '@/components/ui/select-field'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { agentOptions, NONE, versionOnAgentPick, versionOptions } from '@/features/phone-numbers/domain/slot-options'
import {
  inChoiceShare,
  routingPreviewInWords,
  routingReason,
  routingWanted,
  type RoutingChoice,
} from '@/features/phone-numbers/domain/writes/bulk-routing'
import type { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import { useRoutingCounts } from '@/features/phone-numbers/hooks/use-routing-preview'
import type { WriteJobSpec } from '@/features/phone-numbers/jobs/use-write-job'
import type { Direction } from '@/types/api'

const SIDE_CHOICES: { value: Direction; label: string }[] = [
  { value: 'inbound', label: 'Inbound' },
  { value: 'outbound', label: 'Outbound' },
  { value: 'both', label: 'Both' },
]

/** What the form starts with: a move from the usage region names the side, the version it moves and the one proposed. */
export interface RoutingStart {
  side: Direction
  agentId: string
  versionId: string
  from?: string
}

interface RoutingFormProps {
  numbers: JobNumbers
  catalog: AgentCatalog
  start?: RoutingStart | null
  onApply: (spec: WriteJobSpec) => void
}

/** The routing dialog's choice (Side, Agent, Version, Roll out to) and, before anything is sent, what Apply will do in words. */
export function RoutingForm({ numbers, catalog, start = null, onApply }: RoutingFormProps) {
  const id = useId()
  const [side, setSide] = useState<Direction>(start?.side ?? 'inbound')
  const [agentId, setAgentId] = useState(start?.agentId ?? '')
  const [versionId, setVersionId] = useState(start?.versionId ?? '')
  const from = start?.from
  const [percentText, setPercentText] = useState('100')
  const percent = Number(percentText)
  const percentValid = Number.isInteger(percent) && percent >= 1 && percent <= 100

  const choice = useMemo<RoutingChoice | null>(() => {
    if (agentId === '' || !percentValid) return null
    if (agentId === NONE) return { side, versionId: null, percent, from }
    return versionId === '' ? null : { side, versionId, percent, from }
  }, [side, agentId, versionId, percent, percentValid, from])
  const counts = useRoutingCounts(numbers, choice)
  const agents = useMemo(() => agentOptions(catalog, null), [catalog])

  const apply = () => {
    if (!choice) return
    onApply({
      reason: routingReason(choice, catalog),
      numbers,
      wantedOf: (number) => (inChoiceShare(number, choice) ? routingWanted(choice, number) : null),
    })
  }

  const previewId = `${id}-preview`
  return (
    <>
      <div className="bulk-fields">
        <div className="side-choice" role="radiogroup" aria-labelledby={`${id}-side`}>
          <span className="side-choice-label" id={`${id}-side`}>
            Side
          </span>
          {SIDE_CHOICES.map(({ value, label }) => (
            <label key={value}>
              <input
                type="radio"
                name={`${id}-side`}
                value={value}
                checked={side === value}
                onChange={() => setSide(value)}
              />
              {label}
            </label>
          ))}
        </div>
        <SelectField
          id={`${id}-agent`}
          label="Agent"
          value={agentId === '' ? undefined : agentId}
          placeholder="Choose an agent"
          options={agents}
          onValueChange={(next) => {
            setAgentId(next)
            setVersionId(versionOnAgentPick(catalog, next, null))
          }}
        />
        <SelectField
          id={`${id}-version`}
          label="Version"
          value={versionId === '' ? undefined : versionId}
          placeholder={agentId === NONE ? '—' : 'Choose a version'}
          options={agentId === '' || agentId === NONE ? [] : versionOptions(catalog, agentId, null)}
          disabled={agentId === '' || agentId === NONE}
          onValueChange={setVersionId}
        />
        <div className="field rollout-field">
          <label htmlFor={`${id}-percent`}>Roll out to</label>
          <span>
            <input
              id={`${id}-percent`}
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              step={1}
              value={percentText}
              aria-invalid={!percentValid}
              aria-describedby={percentValid ? `${id}-percent-hint` : `${id}-percent-error`}
              onChange={(event) => setPercentText(event.target.value)}
            />{' '}
            % of the selected numbers
          </span>
          {percentValid ? (
            <span className="muted small" id={`${id}-percent-hint`}>
              Below 100, the same numbers each time: a larger share later keeps them.
            </span>
          ) : (
            <span className="field-error" id={`${id}-percent-error`}>
              A whole number from 1 to 100.
            </span>
          )}
        </div>
      </div>
      <div className="bulk-preview" id={previewId} aria-live="polite">
        {choice === null ? (
          <p>Choose an agent (or None) to see what Apply will do.</p>
        ) : counts === null ? (
          <p>Counting…</p>
        ) : (
          routingPreviewInWords(counts, choice, catalog).map((line) => <p key={line}>{line}</p>)
        )}
      </div>
      <div className="dialog-footer">
        <Dialog.Close className="button">Cancel</Dialog.Close>
        <button
          type="button"
          className="button button-primary"
          disabled={choice === null || counts === null || counts.inShare === counts.already}
          aria-describedby={previewId}
          onClick={apply}
        >
          Apply
        </button>
      </div>
    </>
  )
}
