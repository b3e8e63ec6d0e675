import { queryOptions } from '@tanstack/react-query'
import { api } from '@/lib/api'
import type { CredentialsState } from '@/lib/credentials'
import { meSchema } from '@/types/api'

export const meQueries = {
  // Keyed by session generation, not by the secret, so the key never sits in the cache.
  me: (session: CredentialsState) =>
    queryOptions({
      queryKey: ['me', session.generation] as const,
      queryFn: ({ signal }) => api(meSchema, '/v1/me', { signal }),
      staleTime: 5 * 60_000,
      enabled: session.key !== null,
    }),
}
