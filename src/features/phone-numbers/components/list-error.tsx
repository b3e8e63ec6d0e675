/** The list could not be loaded and there are no rows to keep showing. */
export function ListError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <h2>The numbers could not be loaded</h2>
      <p>{message}</p>
      <button type="button" className="button button-primary" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}
