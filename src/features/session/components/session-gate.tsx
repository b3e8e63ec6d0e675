import { useQueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { LazyPart } from '@/components/lazy-part'
import { retryableLazy } from '@/components/retryable-lazy'
import { isDemoMode } from '@/config/env'
import { meQueries } from '@/features/session/api/me-queries'
import { useSession, useSwitchKey } from '@/features/session/use-session'
import { asSentence } from '@/lib/as-sentence'
import { credentials } from '@/lib/credentials'
import { READ_ATTEMPTS } from '@/lib/react-query'
import type { Me } from '@/types/api'

// Forms and dialogs are loaded only when a key is asked for: most sessions never need them.
const ConnectForm = retryableLazy(async () => (await import('@/features/session/components/connect-form')).ConnectForm)
const ReconnectDialog = retryableLazy(
  async () => (await import('@/features/session/components/reconnect-dialog')).ReconnectDialog,
)

/**
 * Shows the page only with a key the server accepts. A key refused later in the session opens a
 * prompt over the page instead of replacing it, so an open dialog keeps what the user typed.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const { session, me } = useSession()
  const switchKey = useSwitchKey()
  const adopt = (me: Me) => queryClient.setQueryData(meQueries.me(credentials.snapshot()).queryKey, me)

  if (session.key === null || (session.rejected && !me.data)) {
    return (
      <main className="connect-screen">
        <h1>Connect to your workspace</h1>
        {session.rejected && (
          <p className="notice" role="alert">
            The server refused the key in use (401): it is unknown or has been revoked.
          </p>
        )}
        <p className="muted">
          Paste an API key for this workspace. It is kept for this browser tab only.
          {isDemoMode && ' Demo keys: demo_admin, demo_support, demo_readonly.'}
        </p>
        <LazyPart name="key form" fallback={<p role="status">Loading…</p>}>
          <ConnectForm
            onConnected={(key, me) => {
              switchKey(key)
              adopt(me)
            }}
          />
        </LazyPart>
      </main>
    )
  }

  if (!me.data) {
    return me.isError ? (
      <main className="connect-screen" role="alert">
        <h1>Could not reach the workspace</h1>
        <p>{me.error.message}</p>
        <div className="row">
          <button type="button" className="button button-primary" onClick={() => void me.refetch()}>
            Retry
          </button>
          <button type="button" className="button" onClick={() => switchKey(null)}>
            Use another key
          </button>
        </div>
      </main>
    ) : (
      <main className="connect-screen">
        {/* A server that does not answer takes READ_ATTEMPTS × the client's timeout: say so on the way. */}
        <p role="status">
          Connecting…
          {me.failureReason &&
            ` ${asSentence(me.failureReason.message)} Trying again (attempt ${me.failureCount + 1} of ${READ_ATTEMPTS}).`}
        </p>
        {me.failureReason && (
          <button type="button" className="button" onClick={() => switchKey(null)}>
            Use another key
          </button>
        )}
      </main>
    )
  }

  return (
    <>
      {children}
      {session.rejected && (
        <LazyPart name="key prompt" floating>
          <ReconnectDialog
            onConnected={(key, me) => {
              credentials.reconnect(key)
              adopt(me)
              void queryClient.invalidateQueries()
            }}
            onDisconnect={() => switchKey(null)}
          />
        </LazyPart>
      )}
    </>
  )
}
