import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import {
  canaryBesideSlot,
  canaryShareInWords,
  describeSlot,
  numberName,
  type SlotView,
} from '@/features/phone-numbers/domain/number-view'
import { formatUtcDay, parsedTime } from '@/lib/format-time'
import { countryName, formatPhoneNumber } from '@/lib/phone-format'
import type { PhoneNumber } from '@/types/api'

const PROVIDER_NAMES: Record<PhoneNumber['provider'], string> = { twilio: 'Twilio', telnyx: 'Telnyx', vonage: 'Vonage' }
const TYPE_NAMES: Record<PhoneNumber['number_type'], string> = {
  local: 'Local',
  toll_free: 'Toll-free',
  mobile: 'Mobile',
}

/**
 * Nicknames and labels show at most two lines (a pasted 255-character word made a row a screen
 * tall); one long enough to be cut carries its whole text as a tooltip. Screen readers read it all.
 */
const CLAMPED_LINES_HOLD = 60

/** What a row of the numbers table shows, as text: the table (React) and the first paint (before React) draw the same row from it. */
export interface NumberRowView {
  /** How the row's controls name the number: `Edit Front Desk`. */
  name: string
  formattedNumber: string
  countryName: string
  /** `Twilio · Local`, after the country code. */
  providerAndType: string
  nicknameTitle: string | undefined
  labelTitle: string | undefined
  inbound: SlotView
  outbound: SlotView
  /** The inbound canary beside the slot (`+ v3 10 %`) and in words for its tooltip. */
  canary: string | null
  canaryTitle: string | undefined
  /** `Mar 1, 2024`; a value that names no time is shown as it came. */
  createdDay: string
}

export function numberRowView(number: PhoneNumber, catalog: AgentCatalog | null): NumberRowView {
  const created = parsedTime(number.created_at)
  return {
    name: numberName(number),
    formattedNumber: formatPhoneNumber(number.phone_number),
    countryName: countryName(number.country_code),
    providerAndType: `${PROVIDER_NAMES[number.provider]} · ${TYPE_NAMES[number.number_type]}`,
    nicknameTitle: mayBeCut(number.nickname),
    labelTitle: mayBeCut(number.label),
    inbound: describeSlot(number.inbound_agent_version_id, catalog),
    outbound: describeSlot(number.outbound_agent_version_id, catalog),
    canary: canaryBesideSlot(number, catalog),
    canaryTitle: catalog && number.inbound_canary ? canaryShareInWords(number.inbound_canary, catalog) : undefined,
    createdDay: created ? formatUtcDay(created) : number.created_at,
  }
}

function mayBeCut(text: string | null): string | undefined {
  return text !== null && text.length > CLAMPED_LINES_HOLD ? text : undefined
}
