import { env } from '@/env'
import { sendMail, tenantSender } from '@/mail/sendTenantMail'
import { passwordResetMail as render } from '@/mail/templates/passwordReset'
import { asSystem, systemProof } from '@/access/system'

import type { JobHandler } from '../handler'

const proof = systemProof('password reset mail job')

export const passwordResetMail: JobHandler<'mail.passwordReset'> = async ({ payload, tenant, data }) => {
  const user = await payload.findByID({ collection: 'users', id: data.userId, depth: 0, ...asSystem(proof), disableErrors: true })
  if (!user) return
  const sender = await tenantSender(payload, proof, tenant)
  // Staff reset in the admin panel; clients and writers on their website's frontend.
  const url =
    data.audience === 'site' && sender.host
      ? `https://${sender.host}/reset-password/${encodeURIComponent(data.token)}`
      : `${env().SERVER_URL ?? `http://localhost:${env().PORT}`}/admin/reset/${encodeURIComponent(data.token)}`
  await sendMail(payload, user.email, sender.from, render(sender.brand, { name: user.name }, url))
}
