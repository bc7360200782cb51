import { request } from 'node:http'

import type { Payload } from 'payload'

import { contentRoutes } from '../../src/server/contentRoutes'

import { startApiServer } from './payloadApiRoute'

export type ContentAnswer = { status: number; headers: Record<string, string | string[] | undefined>; text: string }
export type ContentServer = { get: (path: string, host: string, headers?: Record<string, string>) => Promise<ContentAnswer>; close: () => void }

/**
 * The web process's stack with the site-root content routes (sitemap, RSS, robots.txt)
 * mounted as src/server/index.ts mounts them, answering for the website of the `Host`
 * header (which fetch may not set, hence node:http).
 */
export const startContentServer = async (payload: Payload): Promise<ContentServer> => {
  const server = await startApiServer(payload, { routers: [contentRoutes(payload)] })
  const { hostname, port } = new URL(server.base)
  const get = (path: string, host: string, headers: Record<string, string> = {}) =>
    new Promise<ContentAnswer>((resolve, reject) => {
      const req = request({ hostname, port, path, method: 'GET', headers: { ...headers, host } }, (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
        res.on('error', reject)
      })
      req.on('error', reject)
      req.end()
    })
  return { get, close: server.close }
}
