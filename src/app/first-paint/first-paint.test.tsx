import { act, screen, waitFor, within } from '@testing-library/react'
import { sendFirstScreenRequests } from '@/app/boot-requests'
import { startFirstPaint } from '@/app/first-paint/first-paint'
import { credentials } from '@/lib/credentials'
import { discardEarlyResponses } from '@/lib/early-requests'
import { givenNumber } from '@/testing/builders'
import { renderApp } from '@/testing/render-app'

/**
 * The first paint draws the first screen before React; the app's first render then replaces it. The
 * two must look the same, or the page jumps as the app takes over: the same markup for the header,
 * the page header, the toolbar and the table, and nothing in the app above the rows that the first
 * paint lacks.
 */

/** An element as markup, attributes sorted, with the state a user sees that markup leaves out (a select's value, a box's check). */
function markupOf(element: Element): string {
  const clone = element.cloneNode(true) as Element
  clone.normalize()
  const describe = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? ''
    if (!(node instanceof Element)) return ''
    const attributes = [...node.attributes]
      .filter((a) => a.name !== 'inert' && !(a.name === 'style' && a.value === ''))
      .map((a) => `${a.name}="${a.value}"`)
      .sort()
    if (node instanceof HTMLSelectElement) attributes.push(`(value="${node.value}")`)
    if (node instanceof HTMLInputElement && node.type === 'checkbox') attributes.push(`(checked=${node.checked})`)
    return `<${node.tagName.toLowerCase()} ${attributes.join(' ')}>${[...node.childNodes].map(describe).join('')}</${node.tagName.toLowerCase()}>`
  }
  return describe(clone)
}

/** The header and the page down to the table: what sits above and at the rows. */
function firstScreenOf(root: Element) {
  const main = root.querySelector('main.page')!
  const children = [...main.children]
  const table = children.findIndex((child) => child.matches('table.numbers-table'))
  return {
    header: markupOf(root.querySelector('header.app-header')!),
    // Above the rows: a visually hidden status ("Loading numbers…") would take no room, but the app shows none once rows are in.
    page: children.slice(0, table + 1).map(markupOf),
  }
}

async function firstPaintOf(): Promise<HTMLElement> {
  const answers = sendFirstScreenRequests((url, init) => fetch(url, init))
  expect(answers).not.toBeNull()
  const container = document.createElement('div')
  const { settled } = startFirstPaint(answers!, Promise.resolve(container))
  await settled
  // The agents come after /v1/me; the first paint draws again with their names.
  await vi.waitFor(() => expect(within(container).getByRole('button', { name: 'Export CSV' })).toBeEnabled())
  return container
}

afterEach(discardEarlyResponses)

test.each([
  { case: 'an admin, the default view', url: '/', key: 'demo_admin', verb: 'Edit' },
  { case: 'a read-only key: View, no Import CSV', url: '/', key: 'demo_readonly', verb: 'View' },
  {
    case: 'a search, a filter, another sort',
    url: '/?q=clinic&status=active&sort=nickname&order=desc',
    key: 'demo_support',
    verb: 'Edit',
  },
  {
    case: 'another page size, page 2',
    url: '/?sort=phone_number&order=desc&limit=25&page=2',
    key: 'demo_support',
    verb: 'Edit',
  },
  { case: 'the canary filter on', url: '/?canary=true', key: 'demo_admin', verb: 'Edit' },
  { case: 'the import error filter on', url: '/?import_error=true&status=pending', key: 'demo_admin', verb: 'Edit' },
  { case: 'a version filter', url: '/?inbound=agv_front_desk_3&sort=updated_at', key: 'demo_admin', verb: 'Edit' },
])('the first paint draws what the app first renders: $case', async ({ url, key, verb }) => {
  window.history.replaceState(null, '', url)
  credentials.set(key)
  const painted = await firstPaintOf()
  const paintedScreen = firstScreenOf(painted)
  expect(painted.querySelectorAll('tbody tr').length).toBeGreaterThan(0)
  // Inert until the app takes over: nothing in it can be clicked or focused.
  expect(painted.querySelector('header.app-header')).toHaveAttribute('inert')
  expect(painted.querySelector('main.page')).toHaveAttribute('inert')
  // Inert content is hidden from assistive technology: a status outside it still says the page is loading.
  expect(within(painted).getByRole('status')).toHaveTextContent('Loading…')

  const { container } = renderApp()
  const firstRow = (await screen.findAllByRole('button', { name: new RegExp(`^${verb} `) }))[0]
  expect(firstRow).toBeDefined()
  // Testing Library's waitFor (in act): the parts the app loads after the rows come in meanwhile.
  await waitFor(() => expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled())

  expect(firstScreenOf(container)).toEqual(paintedScreen)
  await latePartsLoaded()
})

/** The parts the app loads after its rows (phone-numbers-page.tsx), in act: they finish within the test. */
async function latePartsLoaded() {
  await act(async () => {
    await Promise.all([
      import('@/features/phone-numbers/components/bulk-actions'),
      import('@/features/phone-numbers/components/save-notices'),
      import('@/features/phone-numbers/components/edit-number-dialog'),
    ])
  })
  await waitFor(() => expect(screen.getByRole('table')).toBeInTheDocument())
}

test('text that looks like markup is drawn as text, as the app shows it', async () => {
  givenNumber({ nickname: `<img src=x onerror="alert(1)"> & 'co'`, label: '"quoted" </td><td>' })
  window.history.replaceState(null, '', '/?q=onerror')
  const painted = await firstPaintOf()
  expect(painted.querySelector('img')).toBeNull()
  expect(painted.querySelector('tbody bdi')?.textContent).toBe(`<img src=x onerror="alert(1)"> & 'co'`)

  const { container } = renderApp()
  await waitFor(() => expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled())
  expect(firstScreenOf(container)).toEqual(firstScreenOf(painted))
  await latePartsLoaded()
})

test('an answer that does not check is not drawn: the app shows the error itself', async () => {
  const bodies = {
    me: { workspace: { id: 'w', name: 'W' }, key_name: 'k', scopes: ['agents:read'] },
    list: { data: [{ id: 'pn_1', phone_number: 42 }], page: 1, limit: 50, total: 1 },
    agents: { data: [] },
  }
  const answers = {
    me: Promise.resolve(Response.json(bodies.me)),
    list: Promise.resolve(Response.json(bodies.list)),
    agents: Promise.resolve(Response.json(bodies.agents)),
    bodies: {
      me: Promise.resolve(bodies.me),
      list: Promise.resolve(bodies.list),
      agents: Promise.resolve(bodies.agents),
    },
  }
  const container = document.createElement('div')
  container.textContent = 'Loading…'
  await startFirstPaint(answers, Promise.resolve(container)).settled
  expect(container.textContent).toBe('Loading…')
})

test('a first paint that fails gives up quietly: the app still loads and draws the page', async () => {
  const answers = sendFirstScreenRequests((url, init) => fetch(url, init))!
  const { settled } = startFirstPaint(answers, Promise.reject(new Error('no root element')))
  await expect(settled).resolves.toBeUndefined()
})

test('once stopped it never draws: the app’s render owns the page', async () => {
  const answers = sendFirstScreenRequests((url, init) => fetch(url, init))!
  const container = document.createElement('div')
  const { settled, stop } = startFirstPaint(answers, Promise.resolve(container))
  stop()
  await settled
  await answers.agents
  expect(container.childElementCount).toBe(0)
})
