import { sendMail, tenantSender } from '@/mail/sendTenantMail'
import { loginFailuresMail as render } from '@/mail/templates/loginFailures'

import type { JobHandler } from '../handler'

export const loginFailuresMail: JobHandler<'mail.loginFailures'> = async ({ payload, tenant, data }) => {
  const user = await payload.findByID({ collection: 'users', id: data.userId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!user) return
  const sender = await tenantSender(payload, tenant)
  await sendMail(payload, user.email, sender.from, render(sender.brand, { name: user.name }, data))
}
