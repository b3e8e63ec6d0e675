import { LazyPart } from '@/components/lazy-part'
import { retryableLazy } from '@/components/retryable-lazy'
import { formatCount } from '@/lib/format-count'
import '@/features/phone-numbers/components/numbers-pager.css'

// The page jump is a form (react-hook-form, shared with the edit dialog's chunk): not needed for the first rows.
const PageJump = retryableLazy(async () => (await import('@/features/phone-numbers/components/page-jump')).PageJump)

interface NumbersPagerProps {
  page: number
  pageCount: number
  onPage: (page: number) => void
}

export function NumbersPager({ page, pageCount, onPage }: NumbersPagerProps) {
  const atFirst = page <= 1
  const atLast = page >= pageCount
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="button" disabled={atFirst} onClick={() => onPage(1)}>
        First page
      </button>
      <button type="button" className="button" disabled={atFirst} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <LazyPart
        name="page jump"
        late
        keepFallback
        fallback={
          <span className="muted">
            Page {formatCount(page)} of {formatCount(pageCount)}
          </span>
        }
      >
        <PageJump page={page} pageCount={pageCount} onPage={onPage} />
      </LazyPart>
      <button type="button" className="button" disabled={atLast} onClick={() => onPage(page + 1)}>
        Next page
      </button>
      <button type="button" className="button" disabled={atLast} onClick={() => onPage(pageCount)}>
        Last page
      </button>
    </nav>
  )
}
