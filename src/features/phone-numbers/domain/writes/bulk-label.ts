import { quoted } from '@/lib/bidi'
import { formatCount } from '@/lib/format-count'

/** `Set label…` on many numbers: the preview in words and the change reason. `label` is normalised (null clears). */

export function labelPreviewInWords(selected: number, already: number, label: string | null): string {
  const toChange = selected - already
  const count = `${formatCount(toChange)} ${toChange === 1 ? 'number' : 'numbers'}`
  const rest =
    already === 0
      ? ''
      : ` ${formatCount(already)} already ${label === null ? 'have none' : already === 1 ? 'has it' : 'have it'}.`
  return label === null
    ? `Clears the label of ${count}.${rest}`
    : `Sets the label of ${count} to ${quoted(label)}.${rest}`
}

/** X-Change-Reason of every PATCH: "Bulk change: label → clinic-east". */
export function labelReason(label: string | null): string {
  return `Bulk change: label → ${label ?? 'none'}`
}
