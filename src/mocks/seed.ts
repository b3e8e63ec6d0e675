import type { WorkspaceData } from '@/mocks/workspace'
import type { Agent, AgentVersion, PhoneNumber } from '@/types/api'

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

export function createSeedWorkspace(options: { numbers?: number; seed?: number } = {}): WorkspaceData {
  const count = Math.max(0, Math.min(MAX_NUMBER_COUNT, Math.floor(options.numbers ?? DEFAULT_NUMBER_COUNT)))
  const random = createRandom(options.seed ?? 20240301)
  const agents = buildAgents()
  const published = agents
    .filter((a) => a.archived_at === null)
    .flatMap((a) => a.versions.filter((ver) => ver.published).map((ver) => ver.id))
  const archivedVersions = agents.filter((a) => a.archived_at !== null).flatMap((a) => a.versions.map((ver) => ver.id))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const totalWeight = GENERATED_COUNTRIES.reduce((sum, g) => sum + g.weight, 0)
  const used = new Set<string>(CURATED.map((k) => k.phone_number))

  const numbers: PhoneNumber[] = []
  // Spread creation times over about two years whatever the size, oldest first.
  const step = Math.max(60_000, Math.floor((730 * DAY) / Math.max(count, 1)))
  for (let i = 0; i < count; i++) {
    let row: Curated
    const curated = CURATED[i]
    if (curated) {
      row = curated
    } else {
      let target = random() * totalWeight
      const shape = GENERATED_COUNTRIES.find((g) => (target -= g.weight) < 0) ?? GENERATED_COUNTRIES[0]
      let e164: string
      do {
        // A local number never starts with 0; the rest is any digits.
        const lead = 2 + Math.floor(random() * 8)
        const rest = Math.floor(random() * 10 ** (shape.digits - 1))
        e164 = `${pick(shape.prefixes)}${lead}${String(rest).padStart(shape.digits - 1, '0')}`
      } while (used.has(e164))
      const inboundRoll = random()
      const inbound = inboundRoll < 0.2 ? null : inboundRoll < 0.22 ? pick(archivedVersions) : pick(published)
      const outboundRoll = random()
      const outbound = outboundRoll < 0.45 ? null : outboundRoll < 0.6 ? inbound : pick(published)
      const named = random() < 0.85
      row = {
        phone_number: e164,
        country_code: shape.country,
        nickname: named ? `${pick(PLACES)} ${pick(ROLES)} ${1 + Math.floor(random() * 99)}` : null,
        label: random() < 0.7 ? `cc-${1000 + Math.floor(random() * 9000)}` : null,
        status: random() < 0.06 ? 'pending' : 'active',
        provider: pick(['twilio', 'twilio', 'telnyx', 'vonage'] as const),
        number_type: random() < 0.08 ? 'toll_free' : random() < 0.1 ? 'mobile' : 'local',
        inbound_agent_version_id: inbound,
        outbound_agent_version_id: outbound,
      }
    }
    used.add(row.phone_number)
    let suffix = ''
    for (let k = 0; k < 8; k++) suffix += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)]
    const created = NUMBERS_EPOCH + i * step
    numbers.push({
      id: `phn_${i.toString(36).padStart(4, '0')}${suffix}`,
      ...row,
      created_at: iso(created),
      updated_at: iso(created + Math.floor(random() * 20) * DAY),
    })
  }

  return {
    workspace: { id: 'wsp_8c1d', name: 'Acme Health' },
    numbers,
    agents,
    keys: structuredClone(DEMO_KEYS),
  }
}

const dayStrings = new Map<number, string>()
const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** toISOString, with the date part computed once per day: seeding 100,000 numbers formats 200,000 times. */
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
