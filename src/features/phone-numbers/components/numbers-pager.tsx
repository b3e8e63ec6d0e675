import { PageJump } from '@/features/phone-numbers/components/page-jump'
import '@/features/phone-numbers/components/numbers-pager.css'

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
      <PageJump page={page} pageCount={pageCount} onPage={onPage} />
      <button type="button" className="button" disabled={atLast} onClick={() => onPage(page + 1)}>
        Next page
      </button>
      <button type="button" className="button" disabled={atLast} onClick={() => onPage(pageCount)}>
        Last page
      </button>
    </nav>
  )
}
