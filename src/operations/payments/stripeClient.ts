import Stripe from 'stripe'

import { env } from '@/env'

let client: Stripe | null = null

/** The Stripe SDK client, or null when Stripe is not configured. */
export const stripeClient = (): Stripe | null => {
  const settings = env()
  if (!settings.STRIPE_SECRET_KEY) return null
  if (client) return client
  const api = settings.STRIPE_API_URL ? new URL(settings.STRIPE_API_URL) : null
  client = new Stripe(settings.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(api ? { host: api.hostname, port: Number(api.port || (api.protocol === 'https:' ? 443 : 80)), protocol: api.protocol.replace(':', '') as 'http' | 'https' } : {}),
  })
  return client
}

/** Forgets the client (tests change the environment between files). */
export const resetStripeClient = () => {
  client = null
}
