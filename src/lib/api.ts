import { createApiClient } from '@/lib/api-client'
import { apiEndpoints } from '@/lib/api-endpoints'
import { apiRoot } from '@/lib/api-request'
import { credentials } from '@/lib/credentials'
import { fetchWithEarlyResponses } from '@/lib/early-requests'

/** The app's API client, with the session's key; it takes the boot script's early answers (src/main.tsx). */
export const api = createApiClient({ baseUrl: apiRoot, getApiKey: credentials.get, fetch: fetchWithEarlyResponses })

/** Every endpoint of API.md as a typed function, over the app's client (src/lib/api-endpoints.ts). */
export const platformApi = apiEndpoints(api)

/** A client for one candidate key, to check it before the session adopts it. */
export const apiWithKey = (key: string) =>
  createApiClient({ baseUrl: apiRoot, getApiKey: () => key, fetch: fetchWithEarlyResponses })
