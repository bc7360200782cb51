import { asSystem, systemProof } from '@/access/system'
import { campaignContent, campaignHeaders, campaignMail } from '@/mail/templates/campaign'
import { tenantSender } from '@/mail/sendTenantMail'
import { unsubscribeUrl } from '@/operations/notifications/consent'

import type { JobHandler } from '../handler'

const proof = systemProof('campaign test mail job')

/** The campaign's test send: the mail as its recipients get it, marked [Test], to the admin who asked and nobody else. */
export const campaignTestMail: JobHandler<'mail.campaignTest'> = async ({ payload, tenant, data }) => {
  if (tenant === null) return
  const campaign = await payload.findByID({ collection: 'email-campaigns', id: data.campaignId, depth: 0, ...asSystem(proof), disableErrors: true })
  const user = await payload.findByID({ collection: 'users', id: data.userId, depth: 0, ...asSystem(proof), disableErrors: true })
  if (!campaign || !user) return
  const sender = await tenantSender(payload, proof, tenant)
  const unsubscribe = unsubscribeUrl(user.id, tenant, 'marketing')
  const mail = campaignMail(sender.brand, campaignContent(campaign.subject, campaign.body), unsubscribe, { test: true })
  await payload.sendEmail({ to: user.email, from: sender.from, subject: mail.subject, html: mail.html, text: mail.text, headers: campaignHeaders(unsubscribe, campaign.id) })
}
