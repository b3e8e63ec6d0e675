import { useSession } from '@/features/session/use-session'

export function AppHeader() {
  const { me } = useSession()
  return (
    <header className="app-header">
      <span className="brand">Voice Agents</span>
      <span className="app-header-workspace">
        {me.data ? (
          <>
            <span>{me.data.workspace.name}</span>
            <span className="muted small"> · key {me.data.key_name}</span>
          </>
        ) : me.isError ? (
          <span className="muted">Workspace unavailable</span>
        ) : null}
      </span>
    </header>
  )
}
