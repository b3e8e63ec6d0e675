import { importErrorInWords } from '@/features/phone-numbers/domain/save-messages'

/** The carrier's reason the number failed to import, and what that means for its calls. */
export function ImportErrorNotice({ reason }: { reason: string }) {
  const { headline, meaning } = importErrorInWords(reason)
  return (
    <div className="error-box import-error">
      <p>
        <strong>{headline}</strong>
      </p>
      <p>{meaning}</p>
    </div>
  )
}
