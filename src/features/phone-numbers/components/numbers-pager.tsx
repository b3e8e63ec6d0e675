import { formatCount } from '@/lib/format-count'
import '@/features/phone-numbers/components/numbers-pager.css'

interface NumbersPagerProps {
  page: number
  pageCount: number
  onPage: (page: number) => void
}

export function NumbersPager({ page, pageCount, onPage }: NumbersPagerProps) {
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <span className="muted">
        Page {formatCount(page)} of {formatCount(pageCount)}
      </span>
      <button type="button" className="button" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        Next page
      </button>
    </nav>
  )
}
