import { apiBaseUrl } from '@/config/env'
import { createApiClient } from '@/lib/api-client'
import { credentials } from '@/lib/credentials'

/** The app's API client: the configured server, or the page's own origin where the demo backend answers. */
export const api = createApiClient({
  baseUrl: apiBaseUrl ?? globalThis.location.origin,
  getApiKey: credentials.get,
})
