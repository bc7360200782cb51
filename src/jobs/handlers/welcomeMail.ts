import { sendMail, siteUrl, tenantSender } from '@/mail/sendTenantMail'
import { welcomeMail as render } from '@/mail/templates/welcome'
import { asSystem, systemProof } from '@/access/system'

import type { JobHandler } from '../handler'

const proof = systemProof('welcome mail job')

export const welcomeMail: JobHandler<'mail.welcome'> = async ({ payload, tenant, data }) => {
  const user = await payload.findByID({ collection: 'users', id: data.userId, depth: 0, ...asSystem(proof), disableErrors: true })
  if (!user) return // deleted since: nobody to welcome
  const sender = await tenantSender(payload, proof, tenant)
  // Already verified since (a resend was followed first): no stale link.
  const verifyUrl = data.verifyToken && !user.emailVerifiedAt ? siteUrl(sender, `/verify-email/${encodeURIComponent(data.verifyToken)}`) : undefined
  await sendMail(payload, user.email, sender.from, render(sender.brand, { name: user.name }, verifyUrl))
}
