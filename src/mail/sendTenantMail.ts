import type { Payload } from 'payload'

import { asSystem, type SystemProof } from '@/access/system'
import { env } from '@/env'

import type { Brand, Rendered } from './layout'

export type TenantSender = { brand: Brand; from: string; host: string | null }

/** The website's brand and sender address (platform defaults where it has none). */
export const tenantSender = async (payload: Payload, proof: SystemProof, tenantId: number | null): Promise<TenantSender> => {
  const settings = env()
  const tenant = tenantId
    ? await payload.findByID({ collection: 'tenants', id: tenantId, depth: 0, ...asSystem(proof), disableErrors: true })
    : null
  const name = tenant?.branding?.mailFromName || tenant?.branding?.brandName || tenant?.name || settings.MAIL_FROM_NAME
  const address = tenant?.branding?.mailFromAddress || settings.MAIL_FROM_ADDRESS
  return {
    brand: {
      name: tenant?.branding?.brandName || tenant?.name || settings.MAIL_FROM_NAME,
      color: tenant?.branding?.primaryColor || '#1f4e79',
      supportEmail: tenant?.branding?.supportEmail ?? null,
    },
    from: `"${name.replace(/"/g, '')}" <${address}>`,
    host: tenant?.domains?.[0]?.domain ?? null,
  }
}

export const sendMail = (payload: Payload, to: string, from: string, message: Rendered) =>
  payload.sendEmail({ to, from, subject: message.subject, html: message.html, text: message.text })

/** A page of the website's frontend (`/verify-email/<token>`), else of this server when the website has no domain. */
export const siteUrl = (sender: TenantSender, path: string): string =>
  sender.host ? `https://${sender.host}${path}` : `${env().SERVER_URL ?? `http://localhost:${env().PORT}`}${path}`
