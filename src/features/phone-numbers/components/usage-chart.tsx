import type { MouseEvent } from 'react'
import { UsageBars } from '@/features/phone-numbers/components/usage-bars'
import type { ListView } from '@/features/phone-numbers/domain/list-view'
import {
  USAGE_KINDS,
  usageLinkView,
  type MoveNumbersRequest,
  type UsageKind,
  type UsageRow,
} from '@/features/phone-numbers/domain/usage-rows'
import { formatCount } from '@/lib/format-count'

interface UsageChartProps {
  agentId: string
  rows: UsageRow[]
  /** The address of a view, for a count's link (it opens in a new tab as well). */
  hrefOf: (changes: Partial<ListView>) => string
  onShowView: (changes: Partial<ListView>) => void
  /** Absent when the key may not change routing: no Move buttons then. */
  onMoveNumbers?: (request: MoveNumbersRequest) => void
}

/** A click the browser should handle itself (new tab, new window, download). */
const opensElsewhere = (event: MouseEvent) =>
  event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey

/**
 * Per version, newest first: "v2 · 812 inbound · 40 outbound · 3 canary" with each count a link to
 * those numbers, the same counts as bars, and `Move v2 numbers…` while numbers still use it.
 */
export function UsageChart({ agentId, rows, hrefOf, onShowView, onMoveNumbers }: UsageChartProps) {
  const max = Math.max(0, ...rows.flatMap((row) => USAGE_KINDS.map((kind) => row.counts[kind])))
  const count = (row: Omit<UsageRow, 'move'>, kind: UsageKind) => {
    const words = `${formatCount(row.counts[kind])} ${kind}`
    if (row.counts[kind] === 0) return <span className="usage-count">{words}</span>
    const view = usageLinkView(agentId, row.versionId, kind)
    return (
      <a
        className="usage-count"
        href={hrefOf(view)}
        onClick={(event) => {
          if (opensElsewhere(event)) return
          event.preventDefault()
          onShowView(view)
        }}
      >
        <span className={`usage-swatch usage-${kind}`} aria-hidden="true" />
        {words}
      </a>
    )
  }
  return (
    <ul className="usage-list" aria-label="Numbers per version, newest first">
      {rows.map(({ move, ...row }) => (
        <li key={row.versionId} className="usage-row">
          <p className="usage-counts">
            <span className="usage-version">{row.label}</span>
            {USAGE_KINDS.map((kind) => (
              <span key={kind}>
                {' · '}
                {count(row, kind)}
              </span>
            ))}
          </p>
          <UsageBars counts={row.counts} max={max} />
          {move && onMoveNumbers && (
            <button type="button" className="button button-small usage-move" onClick={() => onMoveNumbers(move)}>
              Move {row.shortLabel} numbers…
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}
