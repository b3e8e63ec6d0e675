import { allRecords, recordMatchesText, type NumberSource, type SlotField, type SortKey } from '@/mocks/number-source'
import type { WorkspaceData } from '@/mocks/workspace'
import type { Agent, AgentVersion, PhoneNumber, PhoneNumberStatus, SortField } from '@/types/api'

/**
 * The demo workspace: nine agents (one archived, one with only drafts) and a curated set of
 * numbers, padded with generated ones up to the requested size. Same size in, same workspace
 * out: generated rows are a hash of (seed, row) and no clock, so the browser can persist only
 * what changed, and creating a workspace of any size costs nothing up front.
 */

export const DEFAULT_NUMBER_COUNT = 40
export const MAX_NUMBER_COUNT = 200_000

export const DEMO_KEYS = {
  demo_admin: { name: 'demo-admin', scopes: ['numbers:read', 'numbers:write', 'agents:read', 'agents:manage'] },
  demo_support: { name: 'demo-support', scopes: ['numbers:read', 'numbers:write', 'agents:read'] },
  demo_readonly: { name: 'demo-readonly', scopes: ['numbers:read', 'agents:read'] },
} satisfies WorkspaceData['keys']

interface AgentSpec {
  id: string
  name: string
  archived?: boolean
  /** One entry per version, oldest first: true = published, false = draft. */
  versions: { published: boolean; description: string }[]
}

const AGENT_SPECS: AgentSpec[] = [
  {
    id: 'agt_front_desk',
    name: 'Front Desk',
    versions: [
      { published: true, description: 'First release' },
      { published: true, description: 'Shorter greeting' },
      { published: true, description: 'Handles after-hours transfers' },
    ],
  },
  {
    id: 'agt_reminders',
    name: 'Appointment Reminders',
    versions: [
      { published: true, description: 'Confirms appointments' },
      { published: true, description: 'Handles rescheduling' },
      { published: false, description: 'Draft: new greeting' },
    ],
  },
  {
    id: 'agt_billing',
    name: 'Billing Assistant',
    versions: [
      { published: true, description: 'Balance lookups' },
      { published: true, description: 'Card payments' },
      { published: true, description: 'Payment plans' },
      { published: false, description: 'Draft: refunds' },
    ],
  },
  {
    id: 'agt_triage',
    name: 'After-hours Triage',
    versions: [
      { published: true, description: 'Nurse line routing' },
      { published: true, description: 'Escalation to on-call' },
    ],
  },
  {
    id: 'agt_sales',
    name: 'Outbound Sales',
    versions: [
      { published: true, description: 'Cold outreach' },
      { published: true, description: 'Warm follow-up' },
      { published: true, description: 'Renewal offers' },
    ],
  },
  {
    id: 'agt_survey',
    name: 'Survey Caller',
    versions: [
      { published: true, description: 'Post-visit survey' },
      { published: false, description: 'Draft: NPS survey' },
    ],
  },
  {
    id: 'agt_soporte',
    name: 'Soporte en Español',
    versions: [
      { published: true, description: 'Primera versión' },
      { published: true, description: 'Horario ampliado' },
    ],
  },
  { id: 'agt_claims', name: 'Claims Intake (beta)', versions: [{ published: false, description: 'Draft: first cut' }] },
  {
    id: 'agt_legacy_ivr',
    name: 'Legacy IVR',
    archived: true,
    versions: [
      { published: true, description: 'Menu tree' },
      { published: true, description: 'Menu tree with callbacks' },
    ],
  },
]

const DAY = 86_400_000
const AGENTS_EPOCH = Date.UTC(2024, 0, 8, 9, 0, 0)
const NUMBERS_EPOCH = Date.UTC(2024, 1, 1, 10, 0, 0)

function buildAgents(): Agent[] {
  return AGENT_SPECS.map((spec, a) => {
    const created = AGENTS_EPOCH + a * 3 * DAY
    const versions: AgentVersion[] = spec.versions.map((v, i) => ({
      id: `agv_${spec.id.slice(4)}_${i + 1}`,
      agent_id: spec.id,
      version: i + 1,
      published: v.published,
      description: v.description,
      created_at: iso(created + i * 17 * DAY),
    }))
    const last = created + (spec.versions.length - 1) * 17 * DAY
    return {
      id: spec.id,
      name: spec.name,
      archived_at: spec.archived ? iso(last + 30 * DAY) : null,
      created_at: iso(created),
      updated_at: iso(last),
      versions,
    }
  })
}

const v = (agent: string, n: number) => `agv_${agent}_${n}`

type Curated = Pick<
  PhoneNumber,
  | 'phone_number'
  | 'nickname'
  | 'label'
  | 'status'
  | 'provider'
  | 'country_code'
  | 'number_type'
  | 'inbound_agent_version_id'
  | 'outbound_agent_version_id'
>

const c = (
  phone_number: string,
  country_code: string,
  nickname: string | null,
  label: string | null,
  inbound: string | null,
  outbound: string | null,
  extra: Partial<Pick<PhoneNumber, 'status' | 'provider' | 'number_type'>> = {},
): Curated => ({
  phone_number,
  country_code,
  nickname,
  label,
  inbound_agent_version_id: inbound,
  outbound_agent_version_id: outbound,
  status: extra.status ?? 'active',
  provider: extra.provider ?? 'twilio',
  number_type: extra.number_type ?? 'local',
})

/** Hand-picked rows that show every case the page must handle, in the order they were "bought". */
const CURATED: Curated[] = [
  c('+14155550123', 'US', 'Main Support Line', 'cc-4410', v('front_desk', 3), null),
  c('+14155550148', 'US', 'Billing Line', 'cc-4420', v('billing', 3), v('billing', 3)),
  c('+14155550172', 'US', 'Appointment Line', 'cc-4410', v('reminders', 2), v('reminders', 2)),
  c('+18005550199', 'US', 'Toll-free Support', 'cc-1000', v('front_desk', 2), null, { number_type: 'toll_free' }),
  c('+12125550134', 'US', 'New York Office', 'ny-ops', v('front_desk', 1), v('sales', 3)),
  c('+13125550187', 'US', 'Chicago Clinic', 'clinic-chi', v('legacy_ivr', 2), null, { provider: 'telnyx' }),
  c('+16175550110', 'US', null, null, null, null, { provider: 'telnyx' }),
  c('+16465550161', 'US', 'Sales Outreach 1', 'sales-east', null, v('sales', 3)),
  c('+16465550162', 'US', 'Sales Outreach 2', 'sales-east', null, v('sales', 2)),
  c('+17185550140', 'US', 'Survey Line', 'research', null, v('survey', 1), { provider: 'vonage' }),
  c('+13055550190', 'US', 'Línea en Español', 'cc-4410', v('soporte', 2), v('soporte', 2)),
  c('+15125550155', 'US', 'Nurse Line', 'clinical', v('triage', 2), null),
  c('+16045550117', 'CA', 'Vancouver Front Desk', 'ca-west', v('front_desk', 3), null),
  c('+14165550128', 'CA', 'Toronto Billing', 'ca-east', v('billing', 2), v('billing', 3), { provider: 'telnyx' }),
  c('+442079460123', 'GB', 'London Reception', 'uk-ops', v('front_desk', 3), v('reminders', 2), { provider: 'vonage' }),
  c('+442079460456', 'GB', null, 'uk-ops', null, null, { provider: 'vonage', status: 'pending' }),
  c('+447700900321', 'GB', 'UK Mobile Callbacks', 'uk-mobile', null, v('reminders', 1), {
    provider: 'vonage',
    number_type: 'mobile',
  }),
  c('+448081570999', 'GB', 'UK Freephone', 'uk-ops', v('triage', 1), null, { number_type: 'toll_free' }),
  c('+493012345678', 'DE', 'Berlin Hotline', 'de-ops', v('front_desk', 2), null, { provider: 'telnyx' }),
  c('+4989123456789', 'DE', 'München Termine', 'de-ops', v('reminders', 2), v('reminders', 1), { provider: 'telnyx' }),
  c('+33142685300', 'FR', 'Paris Accueil', 'fr-ops', v('front_desk', 1), null, { provider: 'vonage' }),
  c('+33612345678', 'FR', null, 'fr-mobile', null, null, {
    provider: 'vonage',
    number_type: 'mobile',
    status: 'pending',
  }),
  c('+61255501234', 'AU', 'Sydney After Hours', 'au-ops', v('triage', 2), v('triage', 2)),
  c('+61755501234', 'AU', 'Brisbane Clinic', 'au-ops', v('legacy_ivr', 1), v('legacy_ivr', 1), { provider: 'telnyx' }),
  c('+31201234567', 'NL', 'Amsterdam Desk', 'nl-ops', v('front_desk', 3), v('sales', 1)),
  c('+34911234567', 'ES', 'Madrid Soporte', 'es-ops', v('soporte', 1), null, { provider: 'vonage' }),
  c('+14155550187', 'US', 'Billing Overflow', 'cc-4420', v('billing', 1), null),
  c('+14155550190', 'US', null, 'cc-4420', null, null, { status: 'pending' }),
  c('+19175550122', 'US', 'Renewals', 'sales-east', null, v('sales', 3), { provider: 'telnyx' }),
  c('+19175550123', 'US', 'Renewals Backup', 'sales-east', null, null, { provider: 'telnyx' }),
  c('+12065550111', 'US', 'Seattle Clinic', 'clinic-sea', v('reminders', 2), v('survey', 1)),
  c('+17205550133', 'US', 'Denver Clinic', 'clinic-den', v('reminders', 1), null, { provider: 'vonage' }),
  c('+14045550144', 'US', 'Atlanta Clinic', 'clinic-atl', v('front_desk', 3), v('front_desk', 3)),
  c('+18885550166', 'US', 'Claims Hotline', 'claims', null, null, { number_type: 'toll_free', status: 'pending' }),
  c('+16195550177', 'US', 'San Diego Clinic', 'clinic-sd', v('triage', 1), null),
  c('+15035550188', 'US', 'Portland Clinic', 'clinic-pdx', v('billing', 3), null, { provider: 'telnyx' }),
  c('+17025550199', 'US', 'Las Vegas Front Desk', null, v('front_desk', 2), v('reminders', 2)),
  c('+441614960000', 'GB', 'Manchester Reception', 'uk-ops', v('soporte', 2), null, { provider: 'vonage' }),
  c('+61396001234', 'AU', null, 'au-ops', null, v('sales', 2)),
  c('+14155550111', 'US', 'Pharmacy Refills', 'pharmacy', v('front_desk', 3), v('reminders', 2)),
]

/** Local-number shapes per country for generated numbers; `n` digits after the prefix. */
const GENERATED_COUNTRIES = [
  {
    country: 'US',
    prefixes: ['+1415', '+1212', '+1312', '+1617', '+1646', '+1718', '+1206', '+1512'],
    digits: 7,
    weight: 55,
  },
  { country: 'CA', prefixes: ['+1604', '+1416', '+1514'], digits: 7, weight: 8 },
  { country: 'GB', prefixes: ['+4420', '+44161', '+44113'], digits: 7, weight: 12 },
  { country: 'DE', prefixes: ['+4930', '+4940', '+4989'], digits: 8, weight: 8 },
  { country: 'FR', prefixes: ['+331', '+334'], digits: 8, weight: 6 },
  { country: 'AU', prefixes: ['+612', '+613'], digits: 8, weight: 6 },
  { country: 'NL', prefixes: ['+3120', '+3110'], digits: 7, weight: 5 },
] as const

const PLACES = [
  'Boston',
  'Austin',
  'Denver',
  'Phoenix',
  'Miami',
  'Dallas',
  'Leeds',
  'Hamburg',
  'Lyon',
  'Perth',
  'Utrecht',
  'Calgary',
  'Ottawa',
  'Bristol',
  'Köln',
]
const ROLES = ['Clinic', 'Front Desk', 'Billing', 'Reminders', 'Store', 'Pharmacy', 'Callbacks', 'Outreach', 'Hotline']

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/** Twilio twice as likely as each other provider. */
const PROVIDER_DRAW = ['twilio', 'twilio', 'telnyx', 'vonage'] as const
/** Nicknames are "<place> <role> <1-99>": each combination has a code from 1 (0 = no nickname). */
const NICKNAME_NUMBERS = 99
const NICKNAME_CODES = PLACES.length * ROLES.length * NICKNAME_NUMBERS

export interface SeedOptions {
  numbers?: number
  seed?: number
}

export function createSeedWorkspace(options: SeedOptions = {}): WorkspaceData & { numbers: NumberSource } {
  const count = Math.max(0, Math.min(MAX_NUMBER_COUNT, Math.floor(options.numbers ?? DEFAULT_NUMBER_COUNT)))
  const agents = buildAgents()
  return {
    workspace: { id: 'wsp_8c1d', name: 'Acme Health' },
    numbers: new SeedNumbers(count, options.seed ?? 20240301, agents),
    agents,
    keys: structuredClone(DEMO_KEYS),
  }
}

/** The same seed with every number as a plain record: for tests and tools that read or edit the data itself. */
export function createSeedRecords(options: SeedOptions = {}): WorkspaceData & { numbers: PhoneNumber[] } {
  const data = createSeedWorkspace(options)
  return { ...data, numbers: allRecords(data.numbers) }
}

/** What each generated row draws from the hash, one stream per field. */
const enum Draw {
  Shape,
  Prefix,
  Inbound,
  InboundPick,
  Outbound,
  OutboundPick,
  Named,
  Nickname,
  Labeled,
  Label,
  Status,
  Provider,
  TollFree,
  Mobile,
  UpdatedDays,
  IdHigh,
  IdLow,
}

/**
 * The seeded numbers, computed rather than stored: every field of a row is a pure function of
 * (seed, row), so a 100,000-number workspace costs nothing to create and nothing to keep. Records
 * and strings are built only for the rows a request reads; list queries read single fields.
 * The curated rows come first, then generated ones.
 */
class SeedNumbers implements NumberSource {
  readonly size: number
  /** Milliseconds between two numbers' creation: about two years whatever the size, oldest first. */
  private readonly step: number
  private readonly curated: readonly Curated[]
  private readonly curatedByE164: Map<string, number>
  private readonly published: string[]
  private readonly archived: string[]
  private scan: ScanColumns | null = null
  private lowerTexts: { nicknames: string[]; labels: string[] } | null = null

  constructor(
    count: number,
    private readonly seed: number,
    agents: Agent[],
  ) {
    this.size = count
    this.step = Math.max(60_000, Math.floor((730 * DAY) / Math.max(count, 1)))
    this.curated = CURATED.slice(0, count)
    this.curatedByE164 = new Map(this.curated.map((row, i) => [row.phone_number, i]))
    this.published = agents
      .filter((a) => a.archived_at === null)
      .flatMap((a) => a.versions.filter((ver) => ver.published).map((ver) => ver.id))
    this.archived = agents.filter((a) => a.archived_at !== null).flatMap((a) => a.versions.map((ver) => ver.id))
  }

  record(index: number): PhoneNumber {
    const created = this.createdAt(index)
    const row = this.curatedRow(index)
    return {
      id: this.id(index),
      phone_number: this.phoneNumber(index),
      nickname: row ? row.nickname : this.nickname(index),
      label: row ? row.label : this.label(index),
      status: this.status(index),
      provider: row ? row.provider : PROVIDER_DRAW[this.below(index, Draw.Provider, PROVIDER_DRAW.length)]!,
      country_code: row ? row.country_code : GENERATED_COUNTRIES[this.shape(index)]!.country,
      number_type: row ? row.number_type : this.numberType(index),
      inbound_agent_version_id: this.slot(index, 'inbound_agent_version_id'),
      outbound_agent_version_id: this.slot(index, 'outbound_agent_version_id'),
      created_at: iso(created),
      updated_at: iso(created + this.updatedDays(index) * DAY),
    }
  }

  phoneNumber(index: number): string {
    const row = this.curatedRow(index)
    if (row) return row.phone_number
    // Locals are a bijection of the row, so two rows never share a number whatever their prefixes;
    // the rare one equal to a curated number moves to another prefix of its country.
    const { shape, local, first } = this.generatedParts(index)
    if (!CURATED_LOCALS.has(local)) return `${shape.prefixes[first]}${local}`
    for (let k = 0; ; k++) {
      const e164 = `${shape.prefixes[(first + k) % shape.prefixes.length]}${local}`
      if (!CURATED_E164S.has(e164)) return e164
    }
  }

  status(index: number): PhoneNumberStatus {
    return this.curatedRow(index)?.status ?? (this.draw(index, Draw.Status) < 0.06 ? 'pending' : 'active')
  }

  slot(index: number, field: SlotField): string | null {
    const row = this.curatedRow(index)
    if (row) return row[field]
    const inboundRoll = this.draw(index, Draw.Inbound)
    const inbound =
      inboundRoll < 0.2
        ? null
        : inboundRoll < 0.22
          ? this.archived[this.below(index, Draw.InboundPick, this.archived.length)]!
          : this.published[this.below(index, Draw.InboundPick, this.published.length)]!
    if (field === 'inbound_agent_version_id') return inbound
    const outboundRoll = this.draw(index, Draw.Outbound)
    if (outboundRoll < 0.45) return null
    if (outboundRoll < 0.6) return inbound
    return this.published[this.below(index, Draw.OutboundPick, this.published.length)]!
  }

  sortKey(index: number, field: SortField): SortKey {
    switch (field) {
      case 'phone_number':
        return this.phoneNumber(index)
      case 'nickname': {
        const row = this.curatedRow(index)
        if (row) return row.nickname?.toLowerCase() ?? null
        const code = this.nicknameCode(index)
        return code === 0 ? null : this.texts().nicknames[code]!
      }
      case 'created_at':
        return this.createdAt(index)
      case 'updated_at':
        return this.createdAt(index) + this.updatedDays(index) * DAY
    }
  }

  textMatcher(lowerText: string): (index: number) => boolean {
    // At most 13,365 distinct nicknames and 9,000 labels: test each once, then look rows up.
    const text = this.texts()
    const nicknameHits = text.nicknames.map((nickname) => nickname.includes(lowerText))
    const labelHits = text.labels.map((label) => label.includes(lowerText))
    const columns = this.scanColumns()
    return (index) => {
      const row = this.curatedRow(index)
      if (row) return recordMatchesText(row, lowerText)
      return nicknameHits[columns.nickname[index]!] === true || labelHits[columns.label[index]!] === true
    }
  }

  digitsMatcher(digits: string): (index: number) => boolean {
    // Tested on the numbers' parts, never building their strings: the digits lie in the prefix,
    // inside the local number (an integer that never starts with 0), or across the two.
    const n = digits.length
    const windowSize = 10 ** n
    const windowValue = Number(digits)
    // Inside the local number: the n digits starting `shift` digits from its end.
    const windows = new Map(
      [7, 8].map((localDigits) => [
        localDigits,
        Array.from({ length: Math.max(0, localDigits - n + 1) }, (_, shift) => 10 ** shift),
      ]),
    )
    const tests = GENERATED_PREFIXES.map(({ digits: prefixDigits, localDigits }) => ({
      always: prefixDigits.includes(digits),
      windows: windows.get(localDigits)!,
      // Across: the first k digits end the prefix, the rest begin the local number.
      spans: Array.from({ length: n }, (_, k) => k)
        .filter((k) => k > 0 && n - k <= localDigits && digits[k] !== '0' && prefixDigits.endsWith(digits.slice(0, k)))
        .map((k) => ({ divisor: 10 ** (localDigits - (n - k)), value: Number(digits.slice(k)) })),
    }))
    const columns = this.scanColumns()
    return (index) => {
      const row = this.curatedRow(index)
      if (row) return row.phone_number.includes(digits)
      const prefix = columns.prefix[index]!
      if (prefix === MOVED_PREFIX) return this.phoneNumber(index).includes(digits)
      const test = tests[prefix]!
      if (test.always) return true
      const local = columns.local[index]!
      for (const divisor of test.windows) if (Math.floor(local / divisor) % windowSize === windowValue) return true
      for (const { divisor, value } of test.spans) if (Math.floor(local / divisor) === value) return true
      return false
    }
  }

  *prepareSearch(): Generator<void, void, void> {
    this.texts()
    yield
    const scan = this.emptyScanColumns()
    for (let start = this.curated.length; start < this.size; start += SCAN_STEP) {
      // A search may have built them meanwhile.
      if (this.scan) return
      this.fillScanColumns(scan, start, Math.min(this.size, start + SCAN_STEP))
      yield
    }
    this.scan ??= scan
  }

  /** What searches read of every row, computed by the first search (or prepareSearch) and kept: 8 bytes a row. */
  private scanColumns(): ScanColumns {
    if (!this.scan) {
      const scan = this.emptyScanColumns()
      this.fillScanColumns(scan, this.curated.length, this.size)
      this.scan = scan
    }
    return this.scan
  }

  private emptyScanColumns(): ScanColumns {
    return {
      nickname: new Uint16Array(this.size),
      label: new Uint16Array(this.size),
      prefix: new Uint8Array(this.size),
      local: new Uint32Array(this.size),
    }
  }

  private fillScanColumns(scan: ScanColumns, start: number, end: number): void {
    for (let index = start; index < end; index++) {
      scan.nickname[index] = this.nicknameCode(index)
      scan.label[index] = this.labelNumber(index)
      const { shapeIndex, local, first } = this.generatedParts(index)
      scan.local[index] = local
      // Possibly moved off its prefix (see phoneNumber): searches check the number itself.
      scan.prefix[index] = CURATED_LOCALS.has(local) ? MOVED_PREFIX : FIRST_PREFIX_OF_SHAPE[shapeIndex]! + first
    }
  }

  indexOfId(id: string): number | undefined {
    if (!/^phn_[0-9a-z]{4}[a-z2-9]{8}$/.test(id)) return undefined
    const index = parseInt(id.slice(4, 8), 36)
    return index < this.size && this.id(index) === id ? index : undefined
  }

  indexOfPhoneNumber(e164: string): number | undefined {
    const curated = this.curatedByE164.get(e164)
    if (curated !== undefined) return curated
    // Which row a generated number belongs to follows from its local digits alone.
    for (const { prefixes, digits } of GENERATED_COUNTRIES) {
      const prefix = prefixes.find((p) => e164.startsWith(p) && e164.length === p.length + digits)
      if (!prefix) continue
      const index = CURATED.length + rowOfLocal(Number(e164.slice(prefix.length)), digits)
      if (index >= CURATED.length && index < this.size && this.phoneNumber(index) === e164) return index
    }
    return undefined
  }

  /** The curated row at `index`, if it is one (a bounds check: reading past an array's end is slow). */
  private curatedRow(index: number): Curated | undefined {
    return index < this.curated.length ? this.curated[index] : undefined
  }

  /** A uniform number in [0, 1) for this row and field, the same on every call. */
  private draw(index: number, field: Draw): number {
    return hash32(this.seed, index, field) / 0x1_0000_0000
  }

  private below(index: number, field: Draw, n: number): number {
    return Math.floor(this.draw(index, field) * n)
  }

  private shape(index: number): number {
    let target = this.draw(index, Draw.Shape) * TOTAL_WEIGHT
    let shape = 0
    while (shape < GENERATED_COUNTRIES.length - 1 && (target -= GENERATED_COUNTRIES[shape]!.weight) >= 0) shape++
    return shape
  }

  private numberType(index: number): PhoneNumber['number_type'] {
    if (this.draw(index, Draw.TollFree) < 0.08) return 'toll_free'
    return this.draw(index, Draw.Mobile) < 0.1 ? 'mobile' : 'local'
  }

  private updatedDays(index: number): number {
    return this.below(index, Draw.UpdatedDays, 20)
  }

  private createdAt(index: number): number {
    return NUMBERS_EPOCH + index * this.step
  }

  /** `phn_` + the index in base 36 (4 characters hold up to 1,679,615) + 8 seeded characters. */
  private id(index: number): string {
    const high = hash32(this.seed, index, Draw.IdHigh)
    const low = hash32(this.seed, index, Draw.IdLow)
    let suffix = ''
    for (let k = 0; k < 6; k++) suffix += ID_ALPHABET[(high >>> (k * 5)) & 31]
    for (let k = 0; k < 2; k++) suffix += ID_ALPHABET[(low >>> (k * 5)) & 31]
    return `phn_${index.toString(36).padStart(4, '0')}${suffix}`
  }

  /** 0 = no nickname, else a code from 1 to NICKNAME_CODES. */
  private nicknameCode(index: number): number {
    return this.draw(index, Draw.Named) < 0.85 ? 1 + this.below(index, Draw.Nickname, NICKNAME_CODES) : 0
  }

  /** 0 = no label, else the number of label `cc-<n>`. */
  private labelNumber(index: number): number {
    return this.draw(index, Draw.Labeled) < 0.7 ? 1000 + this.below(index, Draw.Label, 9000) : 0
  }

  private nickname(index: number): string | null {
    const code = this.nicknameCode(index)
    return code === 0 ? null : nicknameOfCode(code)
  }

  private label(index: number): string | null {
    const n = this.labelNumber(index)
    return n === 0 ? null : `cc-${n}`
  }

  /** Lower-cased nicknames and labels, as searches and the nickname sort compare them; built once. */
  private texts(): { nicknames: string[]; labels: string[] } {
    return (this.lowerTexts ??= lowerNicknamesAndLabels())
  }

  /** A generated row's country (shape), local number and prefix within its country, before any move off a curated number. */
  private generatedParts(index: number) {
    const shapeIndex = this.shape(index)
    const shape = GENERATED_COUNTRIES[shapeIndex]!
    const local = localOfRow(index - CURATED.length, shape.digits)
    return { shapeIndex, shape, local, first: this.below(index, Draw.Prefix, shape.prefixes.length) }
  }
}

const TOTAL_WEIGHT = GENERATED_COUNTRIES.reduce((sum, g) => sum + g.weight, 0)

/** Every prefix of generated numbers (its digits), in country order; FIRST_PREFIX_OF_SHAPE indexes into it. */
const GENERATED_PREFIXES = GENERATED_COUNTRIES.flatMap((shape) =>
  shape.prefixes.map((prefix) => ({ digits: prefix.slice(1), localDigits: shape.digits })),
)
const FIRST_PREFIX_OF_SHAPE = GENERATED_COUNTRIES.map((_, i) =>
  GENERATED_COUNTRIES.slice(0, i).reduce((sum, shape) => sum + shape.prefixes.length, 0),
)
/** Rows per step of prepareSearch: a few milliseconds each. */
const SCAN_STEP = 10_000
/** In ScanColumns.prefix: a row whose number moved off its prefix. */
const MOVED_PREFIX = 255

/** Per row: nickname code, label number, prefix (index into GENERATED_PREFIXES) and local number. */
interface ScanColumns {
  nickname: Uint16Array
  label: Uint16Array
  prefix: Uint8Array
  local: Uint32Array
}

/** Every nickname (by code) and label (by number) in lower case, as searches compare them; '' where there is none. */
function lowerNicknamesAndLabels(): { nicknames: string[]; labels: string[] } {
  const nicknames = Array.from({ length: NICKNAME_CODES + 1 }, (_, code) =>
    code === 0 ? '' : nicknameOfCode(code).toLowerCase(),
  )
  const labels = Array.from({ length: 10_000 }, (_, n) => (n < 1000 ? '' : `cc-${n}`))
  return { nicknames, labels }
}

/** Nickname code → "<place> <role> <1-99>". */
function nicknameOfCode(code: number): string {
  const combination = code - 1
  const number = (combination % NICKNAME_NUMBERS) + 1
  const role = Math.floor(combination / NICKNAME_NUMBERS) % ROLES.length
  const place = Math.floor(combination / NICKNAME_NUMBERS / ROLES.length)
  return `${PLACES[place]} ${ROLES[role]} ${number}`
}

/** Every curated number, also those a small workspace leaves out: generated numbers avoid them all. */
const CURATED_E164S = new Set(CURATED.map((row) => row.phone_number))
/** The local parts curated numbers would have as generated ones: only rows with these need checking. */
const CURATED_LOCALS = new Set(
  CURATED.flatMap(({ phone_number }) =>
    GENERATED_COUNTRIES.flatMap(({ prefixes, digits }) =>
      prefixes
        .filter((p) => phone_number.startsWith(p) && phone_number.length === p.length + digits)
        .map((p) => Number(phone_number.slice(p.length))),
    ),
  ),
)

/** A well-mixed 32-bit hash of (seed, row, field): lowbias32's finaliser over the combined inputs. */
function hash32(seed: number, row: number, field: number): number {
  let h = Math.imul(seed ^ Math.imul(row + 1, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(field + 1, 0xc2b2ae35)
  h ^= h >>> 16
  h = Math.imul(h, 0x7feb352d)
  h ^= h >>> 15
  h = Math.imul(h, 0x846ca68b)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * Local numbers of `digits` digits never start with 0 or 1: 8 × 10^(digits-1) of them. Generated
 * row j gets an affine permutation of j over that range (multiplier coprime with its size), so
 * rows map to distinct locals and a local maps back to its row.
 */
const LOCALS = new Map(
  [7, 8].map((digits) => {
    const size = 8 * 10 ** (digits - 1)
    const multiplier = digits === 7 ? 2_654_437 : 26_544_357
    return [digits, { size, base: 2 * 10 ** (digits - 1), multiplier, inverse: modularInverse(multiplier, size) }]
  }),
)

function localOfRow(row: number, digits: number): number {
  const l = LOCALS.get(digits)!
  return l.base + ((row * l.multiplier + OFFSET) % l.size)
}

/** The row whose local this is (a number past the workspace when no row has it). */
function rowOfLocal(local: number, digits: number): number {
  const l = LOCALS.get(digits)!
  const permuted = local - l.base
  if (permuted < 0 || permuted >= l.size) return -1
  return (((((permuted - OFFSET) % l.size) + l.size) % l.size) * l.inverse) % l.size
}

const OFFSET = 1_234_567

function modularInverse(a: number, m: number): number {
  let [oldR, r] = [a, m]
  let [oldS, s] = [1, 0]
  while (r !== 0) {
    const q = Math.floor(oldR / r)
    ;[oldR, r] = [r, oldR - q * r]
    ;[oldS, s] = [s, oldS - q * s]
  }
  return ((oldS % m) + m) % m
}

const dayStrings = new Map<number, string>()
const pad = (n: number, width: number) => String(n).padStart(width, '0')
/** toISOString, with the date part computed once per day: a page of records formats 100 timestamps. */
function iso(ms: number): string {
  const day = Math.floor(ms / DAY)
  let date = dayStrings.get(day)
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10)
    dayStrings.set(day, date)
  }
  const time = ms - day * DAY
  return `${date}T${pad(Math.floor(time / 3_600_000), 2)}:${pad(Math.floor(time / 60_000) % 60, 2)}:${pad(Math.floor(time / 1000) % 60, 2)}.${pad(time % 1000, 3)}Z`
}
