import { allRecords, recordMatchesText, type NumberSource, type SlotField, type SortKey } from '@/mocks/number-source'
import type { WorkspaceData } from '@/mocks/workspace'
import type { Agent, AgentVersion, PhoneNumber, PhoneNumberStatus, SortField } from '@/types/api'

/**
 * The demo workspace: nine agents (one archived, one with only drafts) and a curated set of
 * numbers, padded with generated ones up to the requested size. Same size in, same workspace
 * out: generation uses a seeded PRNG and no clock, so the browser can persist only what changed.
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

/** mulberry32: tiny, fast, and the same sequence on every platform. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/** Every prefix of the generated numbers, with its country, its value as a number and its local length. */
const PREFIXES = GENERATED_COUNTRIES.flatMap((g) =>
  g.prefixes.map((prefix) => ({ prefix, country: g.country, digits: g.digits, value: Number(prefix.slice(1)) })),
)
const STATUSES = ['active', 'pending'] as const
const PROVIDERS = ['twilio', 'telnyx', 'vonage'] as const
const NUMBER_TYPES = ['local', 'toll_free', 'mobile'] as const
/** Twilio twice as likely as each other provider. */
const PROVIDER_DRAW = [0, 0, 1, 2]
/** Nicknames are "<place> <role> <1-99>": each combination has a code from 1 (0 = no nickname). */
const NICKNAME_NUMBERS = 99
const NICKNAME_CODES = PLACES.length * ROLES.length * NICKNAME_NUMBERS

export function createSeedWorkspace(
  options: { numbers?: number; seed?: number } = {},
): WorkspaceData & { numbers: NumberSource } {
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
export function createSeedRecords(
  options: { numbers?: number; seed?: number } = {},
): WorkspaceData & { numbers: PhoneNumber[] } {
  const data = createSeedWorkspace(options)
  return { ...data, numbers: allRecords(data.numbers) }
}

/**
 * The seeded numbers as columns of small integers: the curated rows first, then generated ones.
 * Generating 100,000 rows fills a few typed arrays instead of allocating 100,000 records and
 * their strings, which is what made seeding slow (mostly garbage collection); records and
 * strings are built only for the rows a request reads.
 */
class SeedNumbers implements NumberSource {
  readonly size: number
  private readonly seed: number
  /** Milliseconds between two numbers' creation: about two years whatever the size, oldest first. */
  private readonly step: number
  private readonly curated: readonly Curated[]
  /** Slot codes: 0 = none, k = slotVersionIds[k - 1]. */
  private readonly slotVersionIds: string[]
  private readonly byE164: E164Index
  private readonly prefix: Uint8Array
  private readonly local: Uint32Array
  private readonly statusCode: Uint8Array
  private readonly providerCode: Uint8Array
  private readonly typeCode: Uint8Array
  private readonly inbound: Uint8Array
  private readonly outbound: Uint8Array
  private readonly nicknameCode: Uint16Array
  /** 0 = no label, else the number of label `cc-<n>`. */
  private readonly labelNumber: Uint16Array
  private readonly updatedDays: Uint8Array
  private nicknames: string[] | null = null

  constructor(count: number, seed: number, agents: Agent[]) {
    this.size = count
    this.seed = seed
    this.step = Math.max(60_000, Math.floor((730 * DAY) / Math.max(count, 1)))
    this.curated = CURATED.slice(0, count)
    this.slotVersionIds = agents.flatMap((a) => a.versions.map((ver) => ver.id))
    this.byE164 = new E164Index(count)
    this.prefix = new Uint8Array(count)
    this.local = new Uint32Array(count)
    this.statusCode = new Uint8Array(count)
    this.providerCode = new Uint8Array(count)
    this.typeCode = new Uint8Array(count)
    this.inbound = new Uint8Array(count)
    this.outbound = new Uint8Array(count)
    this.nicknameCode = new Uint16Array(count)
    this.labelNumber = new Uint16Array(count)
    this.updatedDays = new Uint8Array(count)

    const random = createRandom(seed)
    const below = (n: number) => Math.floor(random() * n)
    const code = (versionId: string) => this.slotVersionIds.indexOf(versionId) + 1
    const published = agents
      .filter((a) => a.archived_at === null)
      .flatMap((a) => a.versions.filter((ver) => ver.published).map((ver) => code(ver.id)))
    const archived = agents.filter((a) => a.archived_at !== null).flatMap((a) => a.versions.map((ver) => code(ver.id)))
    const totalWeight = GENERATED_COUNTRIES.reduce((sum, g) => sum + g.weight, 0)
    const firstPrefixes = GENERATED_COUNTRIES.map((g) => PREFIXES.findIndex((p) => p.country === g.country))
    for (const row of CURATED) this.byE164.add(Number(row.phone_number.slice(1)), -1)
    this.curated.forEach((row, i) => this.byE164.set(Number(row.phone_number.slice(1)), i))

    for (let i = 0; i < count; i++) {
      this.updatedDays[i] = below(20)
      if (i < this.curated.length) continue
      let target = random() * totalWeight
      let shapeIndex = 0
      while (shapeIndex < GENERATED_COUNTRIES.length - 1 && (target -= GENERATED_COUNTRIES[shapeIndex]!.weight) >= 0)
        shapeIndex++
      const shape = GENERATED_COUNTRIES[shapeIndex]!
      const firstPrefix = firstPrefixes[shapeIndex]!
      let prefix: number
      let local: number
      do {
        prefix = firstPrefix + below(shape.prefixes.length)
        // A local number never starts with 0; the rest is any digits.
        local = (2 + below(8)) * 10 ** (shape.digits - 1) + below(10 ** (shape.digits - 1))
      } while (!this.byE164.add(PREFIXES[prefix]!.value * 10 ** shape.digits + local, i))
      this.prefix[i] = prefix
      this.local[i] = local
      const inboundRoll = random()
      const inbound =
        inboundRoll < 0.2
          ? 0
          : inboundRoll < 0.22
            ? archived[below(archived.length)]!
            : published[below(published.length)]!
      const outboundRoll = random()
      this.inbound[i] = inbound
      this.outbound[i] = outboundRoll < 0.45 ? 0 : outboundRoll < 0.6 ? inbound : published[below(published.length)]!
      this.nicknameCode[i] = random() < 0.85 ? 1 + below(NICKNAME_CODES) : 0
      this.labelNumber[i] = random() < 0.7 ? 1000 + below(9000) : 0
      this.statusCode[i] = random() < 0.06 ? 1 : 0
      this.providerCode[i] = PROVIDER_DRAW[below(PROVIDER_DRAW.length)]!
      this.typeCode[i] = random() < 0.08 ? 1 : random() < 0.1 ? 2 : 0
    }
  }

  record(index: number): PhoneNumber {
    const created = this.createdAt(index)
    const row = this.curated[index]
    return {
      id: this.id(index),
      phone_number: this.phoneNumber(index),
      nickname: row ? row.nickname : this.nickname(index),
      label: row ? row.label : this.label(index),
      status: this.status(index),
      provider: row ? row.provider : PROVIDERS[this.providerCode[index]!]!,
      country_code: row ? row.country_code : PREFIXES[this.prefix[index]!]!.country,
      number_type: row ? row.number_type : NUMBER_TYPES[this.typeCode[index]!]!,
      inbound_agent_version_id: this.slot(index, 'inbound_agent_version_id'),
      outbound_agent_version_id: this.slot(index, 'outbound_agent_version_id'),
      created_at: iso(created),
      updated_at: iso(created + this.updatedDays[index]! * DAY),
    }
  }

  phoneNumber(index: number): string {
    return this.curated[index]?.phone_number ?? `${PREFIXES[this.prefix[index]!]!.prefix}${this.local[index]}`
  }

  status(index: number): PhoneNumberStatus {
    return this.curated[index]?.status ?? STATUSES[this.statusCode[index]!]!
  }

  slot(index: number, field: SlotField): string | null {
    const row = this.curated[index]
    if (row) return row[field]
    const slotCode = (field === 'inbound_agent_version_id' ? this.inbound : this.outbound)[index]!
    return slotCode === 0 ? null : this.slotVersionIds[slotCode - 1]!
  }

  sortKey(index: number, field: SortField): SortKey {
    switch (field) {
      case 'phone_number':
        return this.phoneNumber(index)
      case 'nickname': {
        const row = this.curated[index]
        if (row) return row.nickname?.toLowerCase() ?? null
        const nicknameCode = this.nicknameCode[index]!
        return nicknameCode === 0 ? null : this.nicknameText(nicknameCode).toLowerCase()
      }
      case 'created_at':
        return this.createdAt(index)
      case 'updated_at':
        return this.createdAt(index) + this.updatedDays[index]! * DAY
    }
  }

  textMatcher(lowerText: string): (index: number) => boolean {
    // At most 13,365 distinct nicknames and 9,000 labels: test each once, then look rows up.
    const nicknameHits = new Uint8Array(NICKNAME_CODES + 1)
    for (let c = 1; c <= NICKNAME_CODES; c++)
      nicknameHits[c] = this.nicknameText(c).toLowerCase().includes(lowerText) ? 1 : 0
    const labelHits = new Uint8Array(10_000)
    for (let n = 1000; n < 10_000; n++) labelHits[n] = `cc-${n}`.includes(lowerText) ? 1 : 0
    return (index) => {
      const row = this.curated[index]
      if (row) return recordMatchesText(row, lowerText)
      return nicknameHits[this.nicknameCode[index]!] === 1 || labelHits[this.labelNumber[index]!] === 1
    }
  }

  indexOfId(id: string): number | undefined {
    if (!/^phn_[0-9a-z]{4}[a-z2-9]{8}$/.test(id)) return undefined
    const index = parseInt(id.slice(4, 8), 36)
    return index < this.size && this.id(index) === id ? index : undefined
  }

  indexOfPhoneNumber(e164: string): number | undefined {
    if (!/^\+[1-9]\d{1,14}$/.test(e164)) return undefined
    const index = this.byE164.get(Number(e164.slice(1)))
    return index !== undefined && index >= 0 ? index : undefined
  }

  private createdAt(index: number): number {
    return NUMBERS_EPOCH + index * this.step
  }

  /** `phn_` + the index in base 36 (4 characters hold up to 1,679,615) + 8 seeded characters. */
  private id(index: number): string {
    const random = createRandom(this.seed ^ Math.imul(index + 1, 0x9e3779b1))
    let suffix = ''
    for (let k = 0; k < 8; k++) suffix += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)]
    return `phn_${index.toString(36).padStart(4, '0')}${suffix}`
  }

  private nickname(index: number): string | null {
    const nicknameCode = this.nicknameCode[index]!
    return nicknameCode === 0 ? null : this.nicknameText(nicknameCode)
  }

  private label(index: number): string | null {
    const n = this.labelNumber[index]!
    return n === 0 ? null : `cc-${n}`
  }

  private nicknameText(nicknameCode: number): string {
    this.nicknames ??= []
    let text = this.nicknames[nicknameCode]
    if (text === undefined) {
      const combination = nicknameCode - 1
      const number = (combination % NICKNAME_NUMBERS) + 1
      const role = Math.floor(combination / NICKNAME_NUMBERS) % ROLES.length
      const place = Math.floor(combination / NICKNAME_NUMBERS / ROLES.length)
      text = `${PLACES[place]} ${ROLES[role]} ${number}`
      this.nicknames[nicknameCode] = text
    }
    return text
  }
}

/**
 * E.164 numbers (as the number their digits spell: at most 15 digits, exact in a double) to row
 * indices, in an open-addressing table: no Map of 100,000 strings to build or collect.
 */
class E164Index {
  private readonly keys: Float64Array
  private readonly values: Int32Array
  private readonly mask: number

  constructor(count: number) {
    let capacity = 64
    while (capacity < count * 2 + CURATED.length * 2) capacity *= 2
    this.keys = new Float64Array(capacity)
    this.values = new Int32Array(capacity)
    this.mask = capacity - 1
  }

  /** Adds the number unless it is already there; false when it was. */
  add(digits: number, index: number): boolean {
    const slot = this.find(digits)
    if (this.keys[slot] === digits) return false
    this.keys[slot] = digits
    this.values[slot] = index
    return true
  }

  set(digits: number, index: number): void {
    const slot = this.find(digits)
    this.keys[slot] = digits
    this.values[slot] = index
  }

  get(digits: number): number | undefined {
    const slot = this.find(digits)
    return this.keys[slot] === digits ? this.values[slot] : undefined
  }

  /** The slot holding `digits`, or the empty one where it would go (0 never is a number). */
  private find(digits: number): number {
    const high = Math.floor(digits / 0x1_0000_0000)
    let slot = (Math.imul(((digits % 0x1_0000_0000) | 0) ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> 0) & this.mask
    while (this.keys[slot] !== 0 && this.keys[slot] !== digits) slot = (slot + 1) & this.mask
    return slot
  }
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
