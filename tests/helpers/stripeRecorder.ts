import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Recorded = { method: string; path: string; form: URLSearchParams; headers: Record<string, string | string[] | undefined> }

/**
 * Stands in for api.stripe.com at Stripe's boundary: records every request the SDK
 * makes (form-encoded, as Stripe takes them) and answers Checkout Session and Refund
 * creation with the shapes Stripe returns. Nothing leaves the machine.
 */
export const startStripeRecorder = async () => {
  const requests: Recorded[] = []
  let sessions = 0
  let refunds = 0
  /** How the next refunds are answered: Stripe's success, a pending refund, or a card error. */
  const behaviour = { refunds: 'succeeded' as 'succeeded' | 'pending' | 'error', sessions: 'open' as 'open' | 'error' }
  const server: Server = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
    req.on('end', () => {
      const form = new URLSearchParams(raw)
      requests.push({ method: req.method ?? '', path: req.url ?? '', form, headers: req.headers })
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions' && behaviour.sessions === 'error') {
        res.writeHead(400, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'Invalid currency: xyz.' } }))
        return
      }
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
        sessions += 1
        const id = `cs_test_${sessions.toString().padStart(6, '0')}`
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${sessions}` })
        res.end(
          JSON.stringify({
            id,
            object: 'checkout.session',
            mode: 'payment',
            status: 'open',
            payment_status: 'unpaid',
            client_reference_id: form.get('client_reference_id'),
            amount_total: Number(form.get('line_items[0][price_data][unit_amount]')),
            currency: form.get('line_items[0][price_data][currency]'),
            metadata: { reference: form.get('metadata[reference]') },
            url: `https://checkout.stripe.com/c/pay/${id}`,
          }),
        )
        return
      }
      if (req.method === 'POST' && req.url === '/v1/refunds') {
        if (behaviour.refunds === 'error') {
          res.writeHead(402, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ error: { type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Charge has already been refunded.' } }))
          return
        }
        refunds += 1
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_re_${refunds}` })
        res.end(
          JSON.stringify({
            id: `re_test_${refunds.toString().padStart(6, '0')}`,
            object: 'refund',
            amount: Number(form.get('amount')),
            currency: 'usd',
            payment_intent: form.get('payment_intent'),
            status: behaviour.refunds,
            metadata: { reference: form.get('metadata[reference]') },
          }),
        )
        return
      }
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: `Unrecorded route ${req.method} ${req.url}` } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, requests, behaviour, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
