import { api } from '@/lib/api'
import { phoneNumberSchema, type PatchPhoneNumberBody } from '@/types/api'

export function updatePhoneNumber(id: string, body: PatchPhoneNumberBody) {
  return api(phoneNumberSchema, `/v1/phone-numbers/${encodeURIComponent(id)}`, { method: 'PATCH', body })
}
