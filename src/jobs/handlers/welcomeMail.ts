import { sendMail, tenantSender } from '@/mail/sendTenantMail'
import { welcomeMail as render } from '@/mail/templates/welcome'

import type { JobHandler } from '../handler'

export const welcomeMail: JobHandler<'mail.welcome'> = async ({ payload, tenant, data }) => {
  const user = await payload.findByID({ collection: 'users', id: data.userId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!user) return // deleted since: nobody to welcome
  const sender = await tenantSender(payload, tenant)
  await sendMail(payload, user.email, sender.from, render(sender.brand, { name: user.name }))
}
