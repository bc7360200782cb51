/** One load measurement with autocannon; latency percentiles from every response. */
import http from 'node:http'

import autocannon from 'autocannon'

export type LoadRequest = {
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  body?: string
  /** Writes that must differ per request (another order to pay, another event): called before each one. */
  next?: () => { body: string; headers?: Record<string, string> }
}

/** The request as sent this time. */
const materialize = (request: LoadRequest): LoadRequest => {
  if (!request.next) return request
  const varied = request.next()
  return { ...request, body: varied.body, headers: { ...request.headers, ...varied.headers } }
}

export type LoadResult = {
  requests: number
  seconds: number
  /** Responses per second (all of them; errors are reported beside). */
  rps: number
  p50: number
  p95: number
  p99: number
  max: number
  errors: number
  non2xx: number
}

/** One stretch of load: raw figures, merged with others by `summarize`. */
export type LoadSample = { requests: number; seconds: number; latencies: number[]; errors: number; non2xx: number }

const percentile = (sorted: number[], p: number): number => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!)

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

export const runLoad = (port: number, request: LoadRequest, options: { connections: number; duration: number }): Promise<LoadSample> =>
  new Promise((resolve, reject) => {
    const latencies: number[] = []
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}${request.path}`,
        method: request.method,
        headers: request.headers,
        body: request.body,
        ...(request.next
          ? {
              requests: [
                {
                  setupRequest: (sent: autocannon.Request): autocannon.Request => {
                    const { body, headers } = materialize(request)
                    return { ...sent, body, headers }
                  },
                },
              ],
            }
          : {}),
        connections: options.connections,
        duration: options.duration,
        timeout: 30,
      },
      (error, result) => {
        if (error) return reject(error)
        resolve({ requests: result.requests.total, seconds: result.duration, latencies, errors: result.errors, non2xx: result.non2xx })
      },
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime))
  })

/** Several stretches of one server as one result (throughput over their summed time, percentiles over all responses). */
export const summarize = (samples: LoadSample[]): LoadResult => {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b)
  const requests = samples.reduce((n, s) => n + s.requests, 0)
  const seconds = samples.reduce((n, s) => n + s.seconds, 0)
  return {
    requests,
    seconds: round(seconds),
    rps: round(requests / seconds, 1),
    p50: round(percentile(latencies, 0.5)),
    p95: round(percentile(latencies, 0.95)),
    p99: round(percentile(latencies, 0.99)),
    max: round(latencies.at(-1) ?? 0),
    errors: samples.reduce((n, s) => n + s.errors, 0),
    non2xx: samples.reduce((n, s) => n + s.non2xx, 0),
  }
}

/** One request over node's http (fetch would not send our Host header): logins, checks, statement counts. */
export const call = (port: number, original: LoadRequest): Promise<{ status: number; body: unknown; headers: http.IncomingHttpHeaders }> =>
  new Promise((resolve, reject) => {
    const request = materialize(original)
    const req = http.request({ host: '127.0.0.1', port, method: request.method, path: request.path, headers: request.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString()
        let body: unknown = text
        try {
          body = JSON.parse(text)
        } catch {
          // keep the text
        }
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(request.body)
  })
