import { NativeSelectField } from '@/components/ui/native-select-field'
import { isDemoMode } from '@/config/env'
import { personaChoice } from '@/features/session/personas'
import { roleOf, useSession, useSwitchKey } from '@/features/session/use-session'
import '@/app/app-header.css'

export function AppHeader() {
  const { session, me } = useSession()
  const switchKey = useSwitchKey()
  return (
    <header className="app-header">
      <span className="brand">Voice Agents</span>
      {me.data && (
        <div className="app-header-session">
          <span>
            <span className="workspace-name">{me.data.workspace.name}</span>
            <span className="muted small">
              {' '}
              · {roleOf(me.data)} · key {me.data.key_name}
            </span>
          </span>
          {isDemoMode ? (
            <div className="persona">
              <NativeSelectField
                id="demo-persona"
                label="Demo persona"
                {...personaChoice(session.key)}
                onValueChange={switchKey}
              />
            </div>
          ) : (
            <button type="button" className="button button-small button-on-dark" onClick={() => switchKey(null)}>
              Disconnect
            </button>
          )}
        </div>
      )}
    </header>
  )
}
