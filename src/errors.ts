import { APIError } from 'payload'

/**
 * A refusal the client caused (4xx) with a message meant for them. Its own name lets the
 * config log these at info level: they are answers, not faults of the server.
 */
export class ClientError extends APIError {
  constructor(message: string, status: 400 | 401 | 403 | 404 | 409 | 422 | 429, data: Record<string, unknown> | null = null) {
    super(message, status, data, true)
    this.name = 'ClientError'
  }
}
