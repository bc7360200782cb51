import { sendMail, tenantSender } from '@/mail/sendTenantMail'
import { welcomeMail as render } from '@/mail/templates/welcome'
import { asSystem, systemProof } from '@/access/system'

import type { JobHandler } from '../handler'

const proof = systemProof('welcome mail job')

export const welcomeMail: JobHandler<'mail.welcome'> = async ({ payload, tenant, data }) => {
  const user = await payload.findByID({ collection: 'users', id: data.userId, depth: 0, ...asSystem(proof), disableErrors: true })
  if (!user) return // deleted since: nobody to welcome
  const sender = await tenantSender(payload, proof, tenant)
  await sendMail(payload, user.email, sender.from, render(sender.brand, { name: user.name }))
}
