import { apiWithKey } from '@/lib/api'
import { meSchema } from '@/types/api'

/** Asks /v1/me with a candidate key; a 401 means the server does not accept it. */
export function verifyApiKey(key: string) {
  return apiWithKey(key)(meSchema, '/v1/me')
}
