import { zodResolver } from '@hookform/resolvers/zod'
import { useId } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import { formatCount } from '@/lib/format-count'

interface PageJumpProps {
  page: number
  pageCount: number
  onPage: (page: number) => void
}

const jumpSchema = (pageCount: number) =>
  z.object({
    page: z.coerce
      .number({ error: `Enter a page from 1 to ${formatCount(pageCount)}.` })
      .int(`Enter a page from 1 to ${formatCount(pageCount)}.`)
      .min(1, `Enter a page from 1 to ${formatCount(pageCount)}.`)
      .max(pageCount, `Enter a page from 1 to ${formatCount(pageCount)}.`),
  })

type JumpInput = z.input<ReturnType<typeof jumpSchema>>
type JumpValues = z.output<ReturnType<typeof jumpSchema>>

/** `Page [12] of 400`: type a page and press Enter to go straight to it. */
export function PageJump({ page, pageCount, onPage }: PageJumpProps) {
  const id = useId()
  const form = useForm<JumpInput, unknown, JumpValues>({
    resolver: zodResolver(jumpSchema(pageCount)),
    // Follows the page when it changes elsewhere (Next, Back, a link).
    values: { page: String(page) },
  })
  const error = form.formState.errors.page?.message
  return (
    <form
      className="page-jump"
      noValidate
      onSubmit={(event) => void form.handleSubmit((values) => values.page !== page && onPage(values.page))(event)}
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
