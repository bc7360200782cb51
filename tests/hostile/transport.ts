import http from 'node:http'

import type { Answer } from './verdict'

/**
 * Sends a request exactly as given to the web process's HTTP stack: any Host (the
 * website), a path that is not normalised (`/file/../../etc/passwd` arrives as written),
 * any body under any content type. Node's fetch would drop Host and normalise paths.
 */
export const sendRaw = (base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const url = new URL(base)
    const payload = body === undefined ? undefined : Buffer.from(body, 'utf8')
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        setHost: false,
        headers: { ...headers, ...(payload ? { 'content-length': String(payload.length) } : {}), connection: 'close' },
        // A connection per request: a server that answers early (413) and drops the rest of a body must not take the next request down with it.
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: unknown = text
          try {
            parsed = text ? JSON.parse(text) : null
          } catch {
            // not JSON: judged as text
          }
          const out = new Headers()
          for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') out.set(name, value)
          resolve({ status: response.statusCode ?? 0, body: parsed, headers: out })
        })
      },
    )
    request.on('error', reject)
    request.end(payload)
  })
