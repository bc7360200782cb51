import { sendMail, tenantSender } from '@/mail/sendTenantMail'
import { loginFailuresMail as render } from '@/mail/templates/loginFailures'
import { asSystem, systemProof } from '@/access/system'

import type { JobHandler } from '../handler'

const proof = systemProof('login failures mail job')

export const loginFailuresMail: JobHandler<'mail.loginFailures'> = async ({ payload, tenant, data }) => {
  const user = await payload.findByID({ collection: 'users', id: data.userId, depth: 0, ...asSystem(proof), disableErrors: true })
  if (!user) return
  const sender = await tenantSender(payload, proof, tenant)
  await sendMail(payload, user.email, sender.from, render(sender.brand, { name: user.name }, data))
}
