import { CURATED, type Curated } from '@/mocks/fixtures/curated-numbers'
import {
  CURATED_E164S,
  CURATED_LOCALS,
  generatedRowsOf,
  GENERATED_COUNTRIES,
  lowerNicknamesAndLabels,
  nicknameOfCode,
  PROVIDER_DRAW,
} from '@/mocks/seed/generated-values'
import { generatedCanary, generatedImportError, generatedWebhookUrl } from '@/mocks/seed/generated-extras'
import { DAY, iso } from '@/mocks/seed/iso-time'
import { localOfRow } from '@/mocks/seed/phone-permutation'
import { RowDraws } from '@/mocks/seed/row-draws'
import { Draw, seededId } from '@/mocks/seed/row-hash'
import {
  emptyScanColumns,
  MOVED_PREFIX,
  partsDigitsMatcher,
  SCAN_STEP,
  writeScanRow,
  type ScanColumns,
} from '@/mocks/seed/search-columns'
import {
  copyCanary,
  recordMatchesText,
  type NumberSource,
  type SlotField,
  type SortKey,
} from '@/mocks/workspace/number-source'
import type { Agent, InboundCanary, PhoneNumber, PhoneNumberStatus, SortField } from '@/types/api'

const NUMBERS_EPOCH = Date.UTC(2024, 1, 1, 10, 0, 0)

/**
 * The seeded numbers, computed rather than stored: every field of a row is a pure function of
 * (seed, row), so a 100,000-number workspace costs nothing to create and nothing to keep. Records
 * and strings are built only for the rows a request reads; list queries read single fields.
 * The curated rows come first, then generated ones.
 */
export class SeedNumbers implements NumberSource {
  readonly size: number
  /** Milliseconds between two numbers' creation: about two years whatever the size, oldest first. */
  private readonly step: number
  private readonly curated: readonly Curated[]
  private readonly curatedByE164: Map<string, number>
  private readonly published: string[]
  private readonly archived: string[]
  private readonly draws: RowDraws
  private scan: ScanColumns | null = null
  private lowerTexts: { nicknames: string[]; labels: string[] } | null = null

  constructor(
    count: number,
    private readonly seed: number,
    agents: Agent[],
  ) {
    this.size = count
    this.draws = new RowDraws(seed)
    this.step = Math.max(60_000, Math.floor((730 * DAY) / Math.max(count, 1)))
    this.curated = CURATED.slice(0, count)
    this.curatedByE164 = new Map(this.curated.map((row, i) => [row.phone_number, i]))
    this.published = agents
      .filter((a) => a.archived_at === null)
      .flatMap((a) => a.versions.filter((ver) => ver.published).map((ver) => ver.id))
    this.archived = agents.filter((a) => a.archived_at !== null).flatMap((a) => a.versions.map((ver) => ver.id))
  }

  record(index: number): PhoneNumber {
    const created = this.createdAt(index)
    const row = this.curatedRow(index)
    return {
      id: seededId(this.seed, index),
      phone_number: this.phoneNumber(index),
      nickname: row ? row.nickname : this.nickname(index),
      label: row ? row.label : this.label(index),
      status: this.status(index),
      provider: row ? row.provider : PROVIDER_DRAW[this.draws.below(index, Draw.Provider, PROVIDER_DRAW.length)]!,
      country_code: row ? row.country_code : GENERATED_COUNTRIES[this.draws.shape(index)]!.country,
      number_type: row ? row.number_type : this.draws.numberType(index),
      inbound_agent_version_id: this.slot(index, 'inbound_agent_version_id'),
      outbound_agent_version_id: this.slot(index, 'outbound_agent_version_id'),
      inbound_canary: this.canary(index),
      inbound_webhook_url: row
        ? row.inbound_webhook_url
        : generatedWebhookUrl(index, this.draws.draw(index, Draw.Webhook)),
      import_error: this.importError(index),
      created_at: iso(created),
      updated_at: iso(created + this.updatedDays(index) * DAY),
    }
  }

  phoneNumber(index: number): string {
    const row = this.curatedRow(index)
    if (row) return row.phone_number
    // Locals are a bijection of the row, so two rows never share a number whatever their prefixes;
    // the rare one equal to a curated number moves to another prefix of its country.
    const { shape, local, first } = this.generatedParts(index)
    if (!CURATED_LOCALS.has(local)) return `${shape.prefixes[first]}${local}`
    for (let k = 0; ; k++) {
      const e164 = `${shape.prefixes[(first + k) % shape.prefixes.length]}${local}`
      if (!CURATED_E164S.has(e164)) return e164
    }
  }

  status(index: number): PhoneNumberStatus {
    return this.curatedRow(index)?.status ?? (this.draws.draw(index, Draw.Status) < 0.06 ? 'pending' : 'active')
  }

  slot(index: number, field: SlotField): string | null {
    const row = this.curatedRow(index)
    if (row) return row[field]
    const inboundRoll = this.draws.draw(index, Draw.Inbound)
    const inbound =
      inboundRoll < 0.2
        ? null
        : inboundRoll < 0.22
          ? this.archived[this.draws.below(index, Draw.InboundPick, this.archived.length)]!
          : this.published[this.draws.below(index, Draw.InboundPick, this.published.length)]!
    if (field === 'inbound_agent_version_id') return inbound
    const outboundRoll = this.draws.draw(index, Draw.Outbound)
    if (outboundRoll < 0.45) return null
    if (outboundRoll < 0.6) return inbound
    return this.published[this.draws.below(index, Draw.OutboundPick, this.published.length)]!
  }

  canary(index: number): InboundCanary | null {
    const row = this.curatedRow(index)
    if (row) return copyCanary(row.inbound_canary)
    return generatedCanary(this.slot(index, 'inbound_agent_version_id'), this.published, {
      canary: this.draws.draw(index, Draw.Canary),
      canaryPick: this.draws.draw(index, Draw.CanaryPick),
      canaryPercent: this.draws.draw(index, Draw.CanaryPercent),
    })
  }

  hasImportError(index: number): boolean {
    return this.importError(index) !== null
  }

  sortKey(index: number, field: SortField): SortKey {
    switch (field) {
      case 'phone_number':
        return this.phoneNumber(index)
      case 'nickname': {
        const row = this.curatedRow(index)
        if (row) return row.nickname?.toLowerCase() ?? null
        const code = this.draws.nicknameCode(index)
        return code === 0 ? null : this.texts().nicknames[code]!
      }
      case 'created_at':
        return this.createdAt(index)
      case 'updated_at':
        return this.createdAt(index) + this.updatedDays(index) * DAY
    }
  }

  textMatcher(lowerText: string): (index: number) => boolean {
    // At most 13,365 distinct nicknames and 9,000 labels: test each once, then look rows up.
    const text = this.texts()
    const nicknameHits = text.nicknames.map((nickname) => nickname.includes(lowerText))
    const labelHits = text.labels.map((label) => label.includes(lowerText))
    const columns = this.scanColumns()
    return (index) => {
      const row = this.curatedRow(index)
      if (row) return recordMatchesText(row, lowerText)
      return nicknameHits[columns.nickname[index]!] === true || labelHits[columns.label[index]!] === true
    }
  }

  digitsMatcher(digits: string): (index: number) => boolean {
    const partsMatch = partsDigitsMatcher(digits)
    const columns = this.scanColumns()
    return (index) => {
      const row = this.curatedRow(index)
      if (row) return row.phone_number.includes(digits)
      const prefix = columns.prefix[index]!
      if (prefix === MOVED_PREFIX) return this.phoneNumber(index).includes(digits)
      return partsMatch(prefix, columns.local[index]!)
    }
  }

  *prepareSearch(): Generator<void, void, void> {
    this.texts()
    yield
    const scan = emptyScanColumns(this.size)
    for (let start = this.curated.length; start < this.size; start += SCAN_STEP) {
      // A search may have built them meanwhile.
      if (this.scan) return
      this.fillScanColumns(scan, start, Math.min(this.size, start + SCAN_STEP))
      yield
    }
    this.scan ??= scan
  }

  /** What searches read of every row, computed by the first search (or prepareSearch) and kept: 8 bytes a row. */
  private scanColumns(): ScanColumns {
    if (!this.scan) {
      const scan = emptyScanColumns(this.size)
      this.fillScanColumns(scan, this.curated.length, this.size)
      this.scan = scan
    }
    return this.scan
  }

  private fillScanColumns(scan: ScanColumns, start: number, end: number): void {
    for (let index = start; index < end; index++) {
      const { shapeIndex, local, first } = this.generatedParts(index)
      writeScanRow(scan, index, {
        nicknameCode: this.draws.nicknameCode(index),
        labelNumber: this.draws.labelNumber(index),
        shapeIndex,
        local,
        first,
      })
    }
  }

  indexOfId(id: string): number | undefined {
    if (!/^phn_[0-9a-z]{4}[a-z2-9]{8}$/.test(id)) return undefined
    const index = parseInt(id.slice(4, 8), 36)
    return index < this.size && seededId(this.seed, index) === id ? index : undefined
  }

  indexOfPhoneNumber(e164: string): number | undefined {
    const curated = this.curatedByE164.get(e164)
    if (curated !== undefined) return curated
    for (const row of generatedRowsOf(e164)) {
      const index = CURATED.length + row
      if (index < this.size && this.phoneNumber(index) === e164) return index
    }
    return undefined
  }

  private importError(index: number): string | null {
    const row = this.curatedRow(index)
    if (row) return row.import_error
    return generatedImportError(
      this.status(index),
      this.draws.draw(index, Draw.ImportError),
      this.draws.draw(index, Draw.ImportErrorReason),
    )
  }

  /** The curated row at `index`, if it is one (a bounds check: reading past an array's end is slow). */
  private curatedRow(index: number): Curated | undefined {
    return index < this.curated.length ? this.curated[index] : undefined
  }

  /** Curated rows were changed at least a day after they were bought: their seeded history fits in between. */
  private updatedDays(index: number): number {
    return index < this.curated.length
      ? 1 + this.draws.below(index, Draw.UpdatedDays, 19)
      : this.draws.below(index, Draw.UpdatedDays, 20)
  }

  private createdAt(index: number): number {
    return NUMBERS_EPOCH + index * this.step
  }

  private nickname(index: number): string | null {
    const code = this.draws.nicknameCode(index)
    return code === 0 ? null : nicknameOfCode(code)
  }

  private label(index: number): string | null {
    const n = this.draws.labelNumber(index)
    return n === 0 ? null : `cc-${n}`
  }

  /** Lower-cased nicknames and labels, as searches and the nickname sort compare them; built once. */
  private texts(): { nicknames: string[]; labels: string[] } {
    return (this.lowerTexts ??= lowerNicknamesAndLabels())
  }

  /** A generated row's country (shape), local number and prefix within its country, before any move off a curated number. */
  private generatedParts(index: number) {
    const shapeIndex = this.draws.shape(index)
    const shape = GENERATED_COUNTRIES[shapeIndex]!
    const local = localOfRow(index - CURATED.length, shape.digits)
    return { shapeIndex, shape, local, first: this.draws.below(index, Draw.Prefix, shape.prefixes.length) }
  }
}
