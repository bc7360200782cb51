import { env } from '@/env'
import { sendMail, tenantSender } from '@/mail/sendTenantMail'
import { magicLinkMail as render } from '@/mail/templates/magicLink'
import { asSystem, systemProof } from '@/access/system'

import type { JobHandler } from '../handler'

const proof = systemProof('magic link mail job')

/** The sign-in link, to the website's frontend (only clients and writers get one), which posts its token to `/api/auth/magic-link/verify`. */
export const magicLinkMail: JobHandler<'mail.magicLink'> = async ({ payload, tenant, data }) => {
  const user = await payload.findByID({ collection: 'users', id: data.userId, depth: 0, ...asSystem(proof), disableErrors: true })
  if (!user) return
  const sender = await tenantSender(payload, proof, tenant)
  const base = sender.host ? `https://${sender.host}` : (env().SERVER_URL ?? `http://localhost:${env().PORT}`)
  await sendMail(payload, user.email, sender.from, render(sender.brand, { name: user.name }, `${base}/magic-link/${encodeURIComponent(data.token)}`))
}
