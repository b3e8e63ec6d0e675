import { queryOptions } from '@tanstack/react-query'
import { api } from '@/lib/api'
import { meSchema } from '@/types/api'

export const meQueries = {
  // The key is part of the query key so switching keys never shows the previous key's identity.
  me: (apiKey: string | null) =>
    queryOptions({
      queryKey: ['me', apiKey] as const,
      queryFn: ({ signal }) => api(meSchema, '/v1/me', { signal }),
      staleTime: Infinity,
      enabled: apiKey !== null,
    }),
}
