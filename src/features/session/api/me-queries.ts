import { queryOptions } from '@tanstack/react-query'
import { platformApi } from '@/lib/api'
import type { CredentialsState } from '@/lib/credentials'

export const meQueries = {
  // Keyed by session generation, not by the secret, so the key never sits in the cache.
  me: (session: CredentialsState) =>
    queryOptions({
      queryKey: ['me', session.generation] as const,
      queryFn: ({ signal }) => platformApi.me({ signal }),
      staleTime: 5 * 60_000,
      enabled: session.key !== null,
    }),
}
