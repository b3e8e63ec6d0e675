import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useId } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'
import { verifyApiKey } from '@/features/session/api/verify-api-key'
import { isApiError } from '@/lib/api-error'
import type { Me } from '@/types/api'
import '@/features/session/components/connect-form.css'

const connectSchema = z.object({
  apiKey: z
    .string()
    .trim()
    .min(1, 'Enter an API key.')
    .max(512, 'That is too long to be an API key.')
    .regex(/^[\x21-\x7e]+$/, 'An API key has no spaces or special characters.'),
})

function connectError(error: unknown): string {
  if (isApiError(error) && error.status === 401) {
    return 'The server refused this key (401): it is unknown or has been revoked. Check it and try again.'
  }
  return `Could not check the key: ${error instanceof Error ? error.message : 'unknown error'}`
}

interface ConnectFormProps {
  onConnected: (apiKey: string, me: Me) => void
}

/** The `API key` field and `Connect` button: checks the key with /v1/me before the session uses it. */
export function ConnectForm({ onConnected }: ConnectFormProps) {
  const id = useId()
  // Its 401 says only that this candidate is wrong, not that the session's key was refused.
  const verify = useMutation({ mutationFn: verifyApiKey, meta: { checksCandidateKey: true } })
  const form = useForm<z.infer<typeof connectSchema>>({
    resolver: zodResolver(connectSchema),
    defaultValues: { apiKey: '' },
  })
  // The screen exists to take a key: the cursor starts in its field (a dialog would focus it too).
  useEffect(() => form.setFocus('apiKey'), [form])
  // Never echo the key itself in a message.
  const message = form.formState.errors.apiKey?.message ?? (verify.error ? connectError(verify.error) : null)
  const onSubmit = form.handleSubmit(({ apiKey }) =>
    verify.mutate(apiKey, { onSuccess: (me) => onConnected(apiKey, me) }),
  )
  return (
    <form className="connect-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <div className="field">
        <label htmlFor={`${id}-key`}>API key</label>
        <input
          id={`${id}-key`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          {...form.register('apiKey')}
        />
        {message && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {message}
          </p>
        )}
      </div>
      <button type="submit" className="button button-primary" disabled={verify.isPending}>
        {verify.isPending ? 'Connecting…' : 'Connect'}
      </button>
    </form>
  )
}
