import { el, flagField, selectField } from '@/app/first-paint/dom'
// The stylesheets of the components this draws as they do: in the boot script's own stylesheet, so
// the first frame that shows the screen is styled as the app will be (e2e/layout.spec.ts).
import '@/app/app-header.css'
import '@/features/phone-numbers/components/phone-numbers-page.css'
import '@/features/phone-numbers/components/numbers-toolbar.css'
import '@/features/phone-numbers/components/csv-actions.css'
import { numbersTable } from '@/app/first-paint/first-screen-table'
import { catalogOf, EMPTY_CATALOG, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { SEARCH_MAX_LENGTH, type ListView } from '@/features/phone-numbers/domain/list-view'
import {
  agentFilterOptions,
  agentsByName,
  ANY_FILTER,
  canExportWith,
  firstShownOf,
  listSummary,
  PAGE_SIZE_OPTIONS,
  STATUS_FILTER_OPTIONS,
} from '@/features/phone-numbers/domain/toolbar-options'
import { ANY_VERSION, versionFilterOptions } from '@/features/phone-numbers/domain/version-filter-options'
import { personaChoice } from '@/features/session/personas'
import { permissionsOf, roleOf, rowActionVerb } from '@/features/session/permissions'
import type { Agent, Me, PhoneNumberList } from '@/types/api'

/** What the first screen shows: the early answers, the view the URL names, and the key in use. */
export interface FirstScreen {
  me: Me
  list: PhoneNumberList
  /** Null until the agents have answered. */
  agents: Agent[] | null
  view: ListView
  key: string | null
  isDemo: boolean
}

/**
 * The app header and the page as the app first renders them with rows (app-header.tsx,
 * phone-numbers-page.tsx, numbers-toolbar.tsx), drawn before React: first-paint.test.tsx holds
 * the two to the same markup, so the app replaces it without a visible change.
 */
export function firstScreenNodes(screen: FirstScreen): HTMLElement[] {
  const permissions = permissionsOf(screen.me)
  const catalog = screen.agents && catalogOf(screen.agents)
  return [
    appHeader(screen),
    el(
      'main',
      { class: 'page' },
      el(
        'header',
        { class: 'page-header' },
        el('h1', {}, 'Phone numbers'),
        el(
          'p',
          { class: 'muted' },
          'Choose which agent version answers (inbound) and places (outbound) calls on each number.',
        ),
      ),
      toolbar(screen, catalog, permissions.canRename),
      numbersTable(screen.list.data, catalog, screen.view, rowActionVerb(permissions)),
    ),
  ]
}

function appHeader({ me, key, isDemo }: FirstScreen): HTMLElement {
  const persona = personaChoice(key)
  return el(
    'header',
    { class: 'app-header' },
    el('span', { class: 'brand' }, 'Voice Agents'),
    el(
      'div',
      { class: 'app-header-session' },
      el(
        'span',
        {},
        el('span', { class: 'workspace-name' }, me.workspace.name),
        el('span', { class: 'muted small' }, ` · ${roleOf(me)} · key ${me.key_name}`),
      ),
      isDemo
        ? el('div', { class: 'persona' }, selectField('demo-persona', 'Demo persona', persona.value, persona.options))
        : el('button', { type: 'button', class: 'button button-small button-on-dark' }, 'Disconnect'),
    ),
  )
}

function toolbar({ view, list }: FirstScreen, catalog: AgentCatalog | null, canImport: boolean): HTMLElement {
  const atLimit = view.search.length >= SEARCH_MAX_LENGTH
  const firstShown = firstShownOf(list)
  const search = el('input', {
    type: 'search',
    class: 'search',
    'aria-label': 'Search numbers',
    placeholder: 'Search by nickname, label or digits',
    value: view.search,
    maxlength: String(SEARCH_MAX_LENGTH),
    'aria-describedby': atLimit && 'search-limit',
  })
  return el(
    'div',
    { class: 'toolbar' },
    search,
    atLimit &&
      el(
        'p',
        { class: 'muted small', id: 'search-limit', role: 'status' },
        `Searches use at most ${SEARCH_MAX_LENGTH} characters.`,
      ),
    el(
      'div',
      { class: 'filters' },
      selectField('filter-status', 'Status', view.status ?? ANY_FILTER, STATUS_FILTER_OPTIONS),
      selectField(
        'filter-agent',
        'Agent',
        view.agentId ?? ANY_FILTER,
        agentFilterOptions(view.agentId, agentsByName(catalog?.agents ?? []), catalog !== null),
      ),
      ...(['inbound', 'outbound'] as const).map((side) => {
        const value = side === 'inbound' ? view.inboundVersionId : view.outboundVersionId
        return selectField(
          `filter-${side}-version`,
          side === 'inbound' ? 'Inbound version' : 'Outbound version',
          value ?? ANY_VERSION,
          versionFilterOptions(side, view.agentId, value, catalog ?? EMPTY_CATALOG),
        )
      }),
      flagField('filter-canary', 'Has canary', view.canary),
      flagField('filter-import-error', 'Import error', view.importError),
      selectField('page-size', 'Rows per page', String(view.limit), PAGE_SIZE_OPTIONS),
    ),
    el(
      'div',
      { class: 'csv-actions' },
      el(
        'div',
        { class: 'csv-export' },
        el('button', { type: 'button', class: 'button', disabled: !canExportWith(catalog) && '' }, 'Export CSV'),
        el('span', { class: 'csv-export-status live-region muted small', 'aria-live': 'polite' }),
      ),
      canImport && el('button', { type: 'button', class: 'button' }, 'Import CSV'),
    ),
    el(
      'p',
      { class: 'muted toolbar-summary', 'aria-live': 'polite' },
      listSummary({
        total: list.total,
        firstShown,
        lastShown: firstShown + list.data.length - 1,
        rowCount: list.data.length,
      }),
    ),
  )
}
