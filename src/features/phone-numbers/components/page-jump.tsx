import { zodResolver } from '@hookform/resolvers/zod'
import { useId } from 'react'
import { useForm } from 'react-hook-form'
import * as z from 'zod/mini'
import { formatCount } from '@/lib/format-count'

interface PageJumpProps {
  page: number
  pageCount: number
  onPage: (page: number) => void
}

/** `1,000` or ` 12 ` as typed → the page number, or null when it is not a whole number. */
function typedPage(typed: string): number | null {
  const digits = typed.replace(/[\s,]/g, '')
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null
}

/** A page number as typed, within 1…pageCount. zod/mini: the pager is on the first screen. */
const jumpSchema = (pageCount: number) =>
  z.object({
    page: z.string().check(
      z.refine(
        (typed) => {
          const page = typedPage(typed)
          return page !== null && page >= 1 && page <= pageCount
        },
        { error: `Enter a page from 1 to ${formatCount(pageCount)}.` },
      ),
    ),
  })

type JumpValues = z.infer<ReturnType<typeof jumpSchema>>

/** `Page [12] of 400`: type a page and press Enter to go straight to it. */
export function PageJump({ page, pageCount, onPage }: PageJumpProps) {
  const id = useId()
  const form = useForm<JumpValues>({
    resolver: zodResolver(jumpSchema(pageCount)),
    // Follows the page when it changes elsewhere (Next, Back, a link).
    values: { page: String(page) },
  })
  const error = form.formState.errors.page?.message
  return (
    <form
      className="page-jump"
      noValidate
      onSubmit={(event) =>
        void form.handleSubmit((values) => {
          const chosen = typedPage(values.page)
          if (chosen !== null && chosen !== page) onPage(chosen)
        })(event)
      }
    >
      <label htmlFor={id}>Page</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        size={Math.max(2, String(pageCount).length)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...form.register('page')}
      />
      <span className="muted">of {formatCount(pageCount)}</span>
      <button type="submit" className="button">
        Go
      </button>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
