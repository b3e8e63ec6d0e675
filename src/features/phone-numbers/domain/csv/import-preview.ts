import type { ImportKey, ImportLine, ImportProblem } from '@/features/phone-numbers/domain/csv/import-lines'
import { sameText } from '@/features/phone-numbers/domain/desired-state'
import type { WriteTarget } from '@/features/phone-numbers/domain/writes/plan-writes'
import { formatPhoneNumber } from '@/lib/phone-format'
import type { PhoneNumber } from '@/types/api'

/** A field an import changes: as the number holds it now, and as the file wants it (null: cleared). */
export interface FieldChange {
  from: string | null
  to: string | null
}

export interface ImportChange {
  line: number
  number: PhoneNumber
  nickname?: FieldChange
  label?: FieldChange
}

export interface ImportPreview {
  /** Lines that would change their number, in file order. */
  changes: ImportChange[]
  /** Lines whose number already holds what they ask. */
  unchanged: number
  /** Every line that cannot be used, in file order. */
  problems: ImportProblem[]
}

/** The numbers the file names, as the server holds them. */
export interface ResolvedNumbers {
  byId: ReadonlyMap<string, PhoneNumber>
  byPhone: ReadonlyMap<string, PhoneNumber>
}

function keyText(key: ImportKey): string {
  return key.kind === 'id' ? key.id : formatPhoneNumber(key.e164)
}

/**
 * What the import would do: each usable line against its number as the server holds it. A number
 * named on more than one line is taken from its first line; the later ones are listed as duplicates.
 */
export function previewImport(
  lines: readonly ImportLine[],
  problems: readonly ImportProblem[],
  resolved: ResolvedNumbers,
): ImportPreview {
  const preview: ImportPreview = { changes: [], unchanged: 0, problems: [...problems] }
  const firstLineOf = new Map<string, number>()
  for (const line of lines) {
    const number = line.key.kind === 'id' ? resolved.byId.get(line.key.id) : resolved.byPhone.get(line.key.e164)
    if (!number) {
      preview.problems.push({
        line: line.line,
        reason: `Unknown number: ${keyText(line.key)} is not in this workspace.`,
      })
      continue
    }
    const first = firstLineOf.get(number.id)
    if (first !== undefined) {
      preview.problems.push({
        line: line.line,
        reason: `Duplicate number: ${formatPhoneNumber(number.phone_number)} is on line ${first} already (that line is used).`,
      })
      continue
    }
    firstLineOf.set(number.id, line.line)
    const change: ImportChange = { line: line.line, number }
    if (line.nickname !== undefined && !sameText(number.nickname, line.nickname)) {
      change.nickname = { from: number.nickname, to: line.nickname }
    }
    if (line.label !== undefined && !sameText(number.label, line.label)) {
      change.label = { from: number.label, to: line.label }
    }
    if (change.nickname || change.label) preview.changes.push(change)
    else preview.unchanged += 1
  }
  preview.problems.sort((a, b) => a.line - b.line)
  return preview
}

/** The write targets of the changes, for planWrites (one PATCH per number). */
export function importTargets(changes: readonly ImportChange[]): WriteTarget[] {
  return changes.map(({ number, nickname, label }) => ({
    number,
    wanted: {
      ...(nickname ? { nickname: nickname.to } : {}),
      ...(label ? { label: label.to } : {}),
    },
  }))
}
