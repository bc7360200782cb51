import type { Server } from 'node:http'
import type { Duplex } from 'node:stream'

/** Node's parser errors that are the client's request, with the status that says so. */
const STATUS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The request line and headers are over 16 KB together.'],
  HPE_URI_TOO_LONG: [414, 'The address is too long.'],
}

/**
 * A request Node's HTTP parser cannot take (headers over its limit, a malformed request
 * line) never reaches Express: Node answers a bare status with no body. Answered here in
 * the API's error shape instead, so a frontend reads every refusal one way.
 */
export const answerClientErrors = (server: Server): Server =>
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy()
      return
    }
    const [status, message] = STATUS[error.code ?? ''] ?? [400, 'The request could not be read as HTTP.']
    const body = JSON.stringify({ errors: [{ message }] })
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 414 ? 'URI Too Long' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  })
