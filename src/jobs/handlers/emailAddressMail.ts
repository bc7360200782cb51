import { sendMail, siteUrl, tenantSender } from '@/mail/sendTenantMail'
import { confirmEmailChangeMail, emailChangeNoticeMail, registrationAttemptMail, verifyEmailMail } from '@/mail/templates/emailAddress'
import { asSystem, systemProof } from '@/access/system'

import type { JobHandler } from '../handler'

const proof = systemProof('email address mail job')

const userOf = (payload: Parameters<JobHandler<'mail.verifyEmail'>>[0]['payload'], id: number) =>
  payload.findByID({ collection: 'users', id, depth: 0, ...asSystem(proof), disableErrors: true })

export const verifyEmailMailJob: JobHandler<'mail.verifyEmail'> = async ({ payload, tenant, data }) => {
  const user = await userOf(payload, data.userId)
  if (!user || user.emailVerifiedAt) return // gone, or verified since
  const sender = await tenantSender(payload, proof, tenant)
  await sendMail(payload, user.email, sender.from, verifyEmailMail(sender.brand, user, siteUrl(sender, `/verify-email/${encodeURIComponent(data.token)}`)))
}

/** To the new address the job names (a later request may have replaced the pending one: its own job follows). */
export const confirmEmailChangeMailJob: JobHandler<'mail.confirmEmailChange'> = async ({ payload, tenant, data }) => {
  const user = await userOf(payload, data.userId)
  if (!user || user.pendingEmail !== data.to) return // confirmed, replaced or withdrawn since
  const sender = await tenantSender(payload, proof, tenant)
  await sendMail(payload, data.to, sender.from, confirmEmailChangeMail(sender.brand, user, siteUrl(sender, `/confirm-email/${encodeURIComponent(data.token)}`)))
}

export const emailChangeNoticeMailJob: JobHandler<'mail.emailChangeNotice'> = async ({ payload, tenant, data }) => {
  const user = await userOf(payload, data.userId)
  if (!user) return
  const sender = await tenantSender(payload, proof, tenant)
  await sendMail(payload, data.to, sender.from, emailChangeNoticeMail(sender.brand, user, data.masked))
}

/** In the owner's own website's name (they know it), naming the website someone tried. */
export const registrationAttemptMailJob: JobHandler<'mail.registrationAttempt'> = async ({ payload, tenant, data }) => {
  const user = await userOf(payload, data.userId)
  if (!user) return
  const sender = await tenantSender(payload, proof, tenant)
  const tried = await payload.findByID({ collection: 'tenants', id: data.website, depth: 0, ...asSystem(proof), disableErrors: true })
  const website = tried?.branding?.brandName || tried?.name || 'another website'
  await sendMail(payload, user.email, sender.from, registrationAttemptMail(sender.brand, user, website, sender.host ? siteUrl(sender, '/login') : null))
}
