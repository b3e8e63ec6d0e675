import type { Page } from '@playwright/test'
import type { DemoBackendTestHooks } from '@/mocks/browser/test-hooks'

type HookResult<Name extends keyof DemoBackendTestHooks> = Awaited<ReturnType<DemoBackendTestHooks[Name]>>

/**
 * Resolves once the demo backend's test hooks are installed. The first screen is answered before they
 * are (the head script's worker answers it; the hooks start once the app has mounted), so rows
 * on screen do not mean the hooks are there.
 */
export async function demoBackendReady(page: Page): Promise<void> {
  await page.waitForFunction(() => '__demoBackend' in window)
}

/**
 * Calls a test hook of the running demo backend (src/mocks/browser/test-hooks.ts: the model, fault
 * injection, another admin), which runs in the demo backend's Web Worker. Arguments and results are plain data.
 */
export async function demoBackend<Name extends keyof DemoBackendTestHooks>(
  page: Page,
  name: Name,
  ...args: Parameters<DemoBackendTestHooks[Name]>
): Promise<HookResult<Name>> {
  await demoBackendReady(page)
  return page.evaluate(
    ([hook, hookArgs]) =>
      (window as unknown as { __demoBackend: Record<string, (...a: unknown[]) => Promise<unknown>> }).__demoBackend[
        hook
      ]!(...hookArgs),
    [name, args as unknown[]] as const,
  ) as Promise<HookResult<Name>>
}

/** Every number of a view (GET /v1/phone-numbers with these filters), in its order, page by page as the page asks. */
export async function modelView(page: Page, query: Record<string, string>) {
  const all: HookResult<'listPhoneNumbers'>['data'] = []
  for (let number = 1; ; number++) {
    const answer = await demoBackend(page, 'listPhoneNumbers', { ...query, page: String(number), limit: '200' })
    all.push(...answer.data)
    if (number * 200 >= answer.total) return all
  }
}
