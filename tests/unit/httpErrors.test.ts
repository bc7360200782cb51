import type { AddressInfo } from 'node:net'

import { describe, expect, it } from 'vitest'

import { createApp } from '@/server/app'

describe('the HTTP server’s own refusals', () => {
  it('a path that is not valid percent-encoding is a JSON 400, not an HTML page', async () => {
    const app = createApp({ checks: [], next: (_req, res) => void res.json({ reached: true }) })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const bad = await fetch(`${base}/api/orders/%E0%A4%A`)
      expect(bad.status).toBe(400)
      expect(bad.headers.get('content-type')).toMatch(/application\/json/)
      expect(await bad.json()).toEqual({ errors: [{ message: 'The address is not validly percent-encoded.' }] })
      expect(await (await fetch(`${base}/api/orders/1`)).json()).toEqual({ reached: true })
    } finally {
      server.close()
    }
  })
})
