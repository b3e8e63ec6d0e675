import { apiBaseUrl } from '@/config/env'
import { createApiClient } from '@/lib/api-client'
import { credentials } from '@/lib/credentials'

/** The configured server, or the page's own origin where the demo backend answers. */
const baseUrl = apiBaseUrl ?? globalThis.location.origin

/** The app's API client, with the session's key. */
export const api = createApiClient({ baseUrl, getApiKey: credentials.get })

/** A client for one candidate key, to check it before the session adopts it. */
export const apiWithKey = (key: string) => createApiClient({ baseUrl, getApiKey: () => key })
