import { UNLOCK_LINK } from '@/domain/logins/throttle'
import { env } from '@/env'
import { sendMail, tenantSender } from '@/mail/sendTenantMail'
import { loginFailuresMail as render } from '@/mail/templates/loginFailures'
import { asSystem, systemProof } from '@/access/system'

import type { JobHandler } from '../handler'

const proof = systemProof('login failures mail job')

export const loginFailuresMail: JobHandler<'mail.loginFailures'> = async ({ payload, tenant, data }) => {
  const user = await payload.findByID({ collection: 'users', id: data.userId, depth: 0, ...asSystem(proof), disableErrors: true })
  if (!user) return
  const sender = await tenantSender(payload, proof, tenant)
  // The website's frontend (or the server's address) shows the page that posts the token to
  // `POST /api/auth/unlock`, as the password reset's link does.
  const origin = sender.host ? `https://${sender.host}` : (env().SERVER_URL ?? `http://localhost:${env().PORT}`)
  const url = `${origin}/unlock-account/${encodeURIComponent(data.token)}`
  await sendMail(payload, user.email, sender.from, render(sender.brand, { name: user.name }, data, url, UNLOCK_LINK.validS / 3600))
}
