import { useEffect, useRef, useState, type ReactNode } from 'react'
import '@/components/ui/toast.css'

interface ToastProps {
  /** `problem`: something the user must act on, announced at once (role alert) and never expiring. */
  tone?: 'info' | 'problem'
  /** Dismisses itself after this long (counted again after the pointer or focus leaves it); omitted, it stays until dismissed. */
  expiresAfterMs?: number
  /** Omitted: no Dismiss (a message about work still running must stay until it ends). */
  onDismiss?: () => void
  /** Buttons before Dismiss. */
  actions?: ReactNode
  children: ReactNode
}

/** One message in the page's toast region (toast-region in messages.css), with its own Dismiss. */
export function Toast({ tone = 'info', expiresAfterMs, onDismiss, actions, children }: ToastProps) {
  // The expiry counts from when the toast appeared, not from the parent's last render.
  const dismissLater = useRef(onDismiss)
  useEffect(() => {
    dismissLater.current = onDismiss
  })
  // While the user points at it or works in it (a keyboard user on its Undo), it does not go away.
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  const held = hovered || focused
  useEffect(() => {
    if (expiresAfterMs === undefined || held) return
    const timer = setTimeout(() => dismissLater.current?.(), expiresAfterMs)
    return () => clearTimeout(timer)
  }, [expiresAfterMs, held])
  return (
    <div
      className={tone === 'problem' ? 'toast toast-problem' : 'toast'}
      role={tone === 'problem' ? 'alert' : undefined}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => setFocused(event.currentTarget.contains(event.relatedTarget))}
    >
      <div className="toast-text">{children}</div>
      <div className="toast-actions">
        {actions}
        {onDismiss && (
          <button type="button" className="button button-small" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
    </div>
  )
}
