import { APIError, ValidationError } from 'payload'

/**
 * A refusal the client caused (4xx) with a message meant for them. Its own name lets the
 * config log these at info level: they are answers, not faults of the server.
 */
export class ClientError extends APIError {
  constructor(message: string, status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429, data: Record<string, unknown> | null = null) {
    super(message, status, data, true)
    this.name = 'ClientError'
  }
}

/**
 * A refusal about one field of a request: 400 as Payload's ValidationError, anything else
 * as a ClientError whose message names the field and whose `data.errors` carries its path
 * in the same shape, so frontends read every refusal one way.
 */
export const refuseField = (collection: string, path: string, message: string, status: 400 | 403 | 404 | 409 | 413) =>
  status === 400 ? new ValidationError({ collection, errors: [{ path, message }] }) : new ClientError(message, status, { errors: [{ path, message }] })

/** A payment provider refused or failed (502): the message is safe to show; nothing was written. */
export class ProviderError extends APIError {
  constructor(message: string, data: Record<string, unknown> | null = null) {
    super(message, 502, data, true)
    this.name = 'ProviderError'
  }
}

/**
 * A 400 for everything wrong with a request's parameters, filters or body at once: the
 * message names the first problem (`where.status.in: "x" is not one of …`), `data.errors`
 * lists them all as `{ path, message }`, the shape field refusals already have.
 */
export const invalidInput = (problems: readonly { path: string; message: string }[]) => {
  const first = problems[0]!
  return new ClientError(`${first.path}: ${first.message}`, 400, { errors: problems })
}

/**
 * The password was right and a second factor is due: the login answers 200 with the
 * challenge instead of a token (`answerSecondFactor`), having rolled back the session
 * Payload opened. Not a fault of anyone.
 */
export class SecondFactorNeeded extends APIError {
  constructor(readonly answer: { challenge: string; enrolRequired: boolean }) {
    super('A second factor is needed to finish signing in.', 401, answer, true)
    this.name = 'SecondFactorNeeded'
  }
}
