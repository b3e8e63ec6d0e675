import { platformApi } from '@/lib/api'
import type { ChangeAuthor } from '@/features/phone-numbers/domain/save-outcome'

/** Enough events to cover what happened to one number while a dialog was open. */
const EVENTS_READ = 20

/**
 * Who changed the number after `since` (its `updated_at` as a save expected it), newest first, from
 * the change history: the "because of whom" of a refused save. Changes made with `ownActor` (this
 * page's key: its own earlier writes) are left out. Null when the history could not be read; a
 * server that keeps none simply names nobody.
 */
export async function changesByOthers(
  numberId: string,
  since: string,
  ownActor: string | undefined,
): Promise<ChangeAuthor[] | null> {
  try {
    const { data } = await platformApi.listEvents({ phone_number_id: numberId, limit: EVENTS_READ })
    const after = Date.parse(since)
    return data
      .filter((event) => Date.parse(event.at) > after && event.actor !== ownActor)
      .map(({ actor, at, reason }) => ({ actor, at, reason }))
  } catch {
    return null
  }
}
