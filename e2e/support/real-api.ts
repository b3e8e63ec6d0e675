import { test as base, expect, type APIRequestContext, type Page, type Request } from '@playwright/test'
import { REAL_API_BASE_URL, TEST_KEYS } from '../real-server/config'
import type { ModelNumber, OtherAdminChange } from './phone-numbers'

export { REAL_API_BASE_URL, TEST_KEYS, expect }

/**
 * `test` for specs against the test API server: every test starts from a freshly seeded workspace,
 * with fault injection off, whatever the test before it left (one server, tests take turns).
 */
export const test = base.extend<{ freshWorkspace: void }>({
  freshWorkspace: [
    async ({ request }, use) => {
      await resetApi(request)
      await use()
    },
    { auto: true },
  ],
})

/** A fresh seeded workspace on the test API server (or the hostile one), with the test keys. */
export async function resetApi(
  request: APIRequestContext,
  options: { hostile?: boolean; numbers?: number } = {},
): Promise<void> {
  const response = await request.post(`${REAL_API_BASE_URL}/__control/${options.hostile ? 'seed-hostile' : 'reset'}`, {
    data: options.numbers === undefined ? {} : { numbers: options.numbers },
  })
  expect(response.status()).toBe(200)
}

export async function revokeKey(request: APIRequestContext, key: string): Promise<void> {
  const response = await request.post(`${REAL_API_BASE_URL}/__control/revoke`, { data: { key } })
  expect(response.status()).toBe(200)
}

/** "Another admin" changes a number on the test API server (not through the page); returns it as it is now. */
export async function anotherAdminOnServer(
  request: APIRequestContext,
  e164: string,
  changes: OtherAdminChange,
): Promise<ApiNumber> {
  const response = await request.post(`${REAL_API_BASE_URL}/__control/another-admin`, {
    data: { phone_number: e164, changes },
  })
  expect(response.status(), 'POST /__control/another-admin').toBe(200)
  return (await response.json()) as ApiNumber
}

/** What the server's fault injector did (src/mocks/faults.ts): per kind, requests per endpoint, per `endpoint:kind`. */
export interface FaultReport {
  injected: Record<string, number>
  requests: Record<string, number>
  scenarios: Record<string, number>
}

/**
 * Failures on the test API server, as the demo's `?faults=` spec ("rate:1,kinds:503,endpoints:publish"),
 * or none (null). Returns what the injector it replaces did (null when there was none).
 */
export async function injectFaultsOnServer(
  request: APIRequestContext,
  spec: string | null,
): Promise<FaultReport | null> {
  const response = await request.post(`${REAL_API_BASE_URL}/__control/faults`, { data: { spec } })
  expect(response.status(), 'POST /__control/faults').toBe(200)
  return ((await response.json()) as { replaced: FaultReport | null }).replaced
}

/** A GET on the test API server, as another client would send it (not through the page). */
export async function apiGet<T>(request: APIRequestContext, path: string, key: string = TEST_KEYS.admin): Promise<T> {
  const response = await request.get(`${REAL_API_BASE_URL}${path}`, { headers: { Authorization: `Bearer ${key}` } })
  expect(response.status(), `GET ${path}`).toBe(200)
  return (await response.json()) as T
}

/** A number as the test server answers it: the fields the demo-model helpers read, and the rest a check compares. */
export interface ApiNumber extends ModelNumber {
  inbound_canary: { agent_version_id: string; percent: number } | null
  inbound_webhook_url: string | null
}

/** Every number the server lists (for this search), page by page. */
export async function serverNumbers(request: APIRequestContext, search = ''): Promise<ApiNumber[]> {
  const all: ApiNumber[] = []
  for (let page = 1; ; page++) {
    const answer = await apiGet<{ data: ApiNumber[]; total: number }>(
      request,
      `/v1/phone-numbers?limit=200&page=${page}&search=${encodeURIComponent(search)}`,
    )
    all.push(...answer.data)
    if (page * 200 >= answer.total) return all
  }
}

/** The number as the server holds it now, read with a fresh GET (list to find its id, then the number itself). */
export async function serverNumber(request: APIRequestContext, e164: string): Promise<ApiNumber> {
  const list = await apiGet<{ data: ApiNumber[] }>(
    request,
    `/v1/phone-numbers?limit=200&search=${encodeURIComponent(e164)}`,
  )
  const found = list.data.find((n) => n.phone_number === e164)
  if (!found) throw new Error(`The server has no number ${e164}`)
  return apiGet<ApiNumber>(request, `/v1/phone-numbers/${found.id}`)
}

/** Opens the page, which asks for a key, and connects with this one. */
export async function connect(page: Page, key: string): Promise<void> {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Connect to your workspace' })).toBeVisible()
  await page.getByLabel('API key', { exact: true }).fill(key)
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Phone numbers', level: 1 })).toBeVisible()
}

export interface SentRequest {
  method: string
  url: string
  authorization: string | null
  body: unknown
}

/** Every request the page sends to the API server (CORS preflights aside), in order. */
export function recordApiRequests(page: Page): SentRequest[] {
  const sent: SentRequest[] = []
  page.on('request', (request: Request) => {
    if (!request.url().startsWith(`${REAL_API_BASE_URL}/`) || request.method() === 'OPTIONS') return
    sent.push({
      method: request.method(),
      url: request.url(),
      authorization: request.headers()['authorization'] ?? null,
      body: request.postData() === null ? undefined : (request.postDataJSON() as unknown),
    })
  })
  return sent
}

/** The requests that would change something: anything but GET. */
export function writesIn(sent: SentRequest[]): { method: string; path: string; body: unknown }[] {
  return sent
    .filter((r) => r.method !== 'GET')
    .map((r) => ({ method: r.method, path: new URL(r.url).pathname, body: r.body }))
}
