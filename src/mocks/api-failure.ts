import type { ErrorBody, ErrorDetail } from '@/types/api'

/** An API error as the demo backend answers it: status plus the body shape of API.md. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message)
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } }
  }
}

export const unauthorized = () => new ApiFailure(401, 'unauthorized', 'Missing, unknown or revoked API key.')
export const insufficientScope = (scope: string) =>
  new ApiFailure(403, 'insufficient_scope', `This API key lacks the ${scope} scope.`)
export const notFound = (message: string) => new ApiFailure(404, 'not_found', message)
export const validationFailed = (message: string, details?: ErrorDetail[]) =>
  new ApiFailure(400, 'validation_failed', message, details)
export const agentArchived = (message: string) => new ApiFailure(400, 'agent_archived', message)
export const versionNotPublished = (message: string) => new ApiFailure(400, 'version_not_published', message)
export const preconditionFailed = (message: string, details: ErrorDetail[]) =>
  new ApiFailure(409, 'precondition_failed', message, details)
