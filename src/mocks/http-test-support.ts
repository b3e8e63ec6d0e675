import { expect } from 'vitest'
import * as z from 'zod/mini'
import { errorBodySchema } from '@/types/api'

/** Calls to the demo backend over HTTP (msw/node, started by the setup file), for the handlers' tests. */

const BASE = 'http://localhost'

export interface CallOptions {
  /** The API key; null sends no Authorization header at all. */
  key?: string | null
  body?: unknown
  /** Sent verbatim instead of JSON.stringify(body). */
  rawBody?: string
  headers?: Record<string, string>
}

export async function call(method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers }
  const key = options.key === undefined ? 'demo_admin' : options.key
  if (key !== null) headers.Authorization = `Bearer ${key}`
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`${BASE}${path}`, { method, headers, body })
  const text = await response.text()
  return {
    status: response.status,
    contentType: response.headers.get('Content-Type') ?? '',
    json: JSON.parse(text) as unknown,
  }
}

/** Exactly `{ error: { code, message, details? } }` with this status and code. */
export function expectErrorBody(result: Awaited<ReturnType<typeof call>>, status: number, code: string) {
  expect({ status: result.status, code: (result.json as { error?: { code?: unknown } }).error?.code }).toEqual({
    status,
    code,
  })
  return z.strictObject(errorBodySchema.shape).parse(result.json).error
}
