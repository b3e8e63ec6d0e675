import { formatCount } from '@/lib/format-count'

interface ListPastTheEndProps {
  page: number
  pageCount: number
  total: number
  onLastPage: () => void
}

/** The URL asks for a page after the last one (an old link, or numbers removed since). */
export function ListPastTheEnd({ page, pageCount, total, onLastPage }: ListPastTheEndProps) {
  return (
    <div className="state">
      <h2>There is no page {formatCount(page)}</h2>
      <p>
        {formatCount(total)} {total === 1 ? 'number fits' : 'numbers fit'} on {formatCount(pageCount)}{' '}
        {pageCount === 1 ? 'page' : 'pages'}.
      </p>
      <button type="button" className="button" onClick={onLastPage}>
        Go to the last page
      </button>
    </div>
  )
}
