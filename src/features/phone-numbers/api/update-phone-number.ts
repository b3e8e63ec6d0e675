import type { WriteRequestOptions } from '@/lib/api-endpoints'
import { platformApi } from '@/lib/api'
import type { PatchPhoneNumberBody } from '@/types/api'

export function updatePhoneNumber(id: string, body: PatchPhoneNumberBody, options?: WriteRequestOptions) {
  return platformApi.patchPhoneNumber(id, body, options)
}
