import { USAGE_KINDS, type UsageKind } from '@/features/phone-numbers/domain/usage-rows'

const BAR_HEIGHT = 8
const BAR_GAP = 3
/** The drawing's own units: the SVG stretches to its box, the bars keep their proportions to each other. */
const WIDTH = 100
const HEIGHT = USAGE_KINDS.length * BAR_HEIGHT + (USAGE_KINDS.length - 1) * BAR_GAP

interface UsageBarsProps {
  counts: Record<UsageKind, number>
  /** The largest count of any version and kind: every version's bars share one scale. */
  max: number
}

/**
 * One version's inbound, outbound and canary counts as three bars. Hidden from assistive technology:
 * the counts beside it say the same in words, and a drawing read aloud adds nothing to them.
 */
export function UsageBars({ counts, max }: UsageBarsProps) {
  return (
    <svg
      className="usage-bars"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {USAGE_KINDS.map((kind, index) => {
        const count = counts[kind]
        // A version with a single number still shows a sliver, so "some" never looks like "none".
        const width = count === 0 || max === 0 ? 0 : Math.max(0.75, (count / max) * WIDTH)
        const y = index * (BAR_HEIGHT + BAR_GAP)
        return (
          <g key={kind}>
            <rect className="usage-track" x={0} y={y} width={WIDTH} height={BAR_HEIGHT} />
            <rect className={`usage-bar usage-${kind}`} x={0} y={y} width={width} height={BAR_HEIGHT} />
          </g>
        )
      })}
    </svg>
  )
}
