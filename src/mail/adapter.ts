import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

import type { Env } from '@/env'

const recipients = (to: SendEmailOptions['to']): string =>
  (Array.isArray(to) ? to : [to]).map((r) => (typeof r === 'string' ? r : `${r?.name ?? ''} <${r?.address}>`)).join(', ')

/** Without SMTP settings, mail is printed whole (headers and text), never lost silently. */
const consoleMailAdapter =
  (settings: Env): EmailAdapter =>
  ({ payload }) => ({
    name: 'console',
    defaultFromAddress: settings.MAIL_FROM_ADDRESS,
    defaultFromName: settings.MAIL_FROM_NAME,
    sendEmail: async (message) => {
      payload.logger.info(
        { mail: { to: recipients(message.to), from: String(message.from ?? ''), subject: message.subject } },
        `mail (not sent: SMTP_URL is unset)\n${typeof message.text === 'string' ? message.text : ''}`,
      )
    },
  })

/** smtp://user:pass@host:port (smtps:// for TLS from the start; ?ignoreTLS=true for plain test servers). */
const smtpOptions = (url: string) => {
  const u = new URL(url)
  return {
    host: u.hostname,
    port: Number(u.port || (u.protocol === 'smtps:' ? 465 : 587)),
    secure: u.protocol === 'smtps:',
    ignoreTLS: u.searchParams.get('ignoreTLS') === 'true',
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
  }
}

export const mailAdapter = (settings: Env): EmailAdapter | Promise<EmailAdapter> =>
  settings.SMTP_URL
    ? nodemailerAdapter({
        defaultFromAddress: settings.MAIL_FROM_ADDRESS,
        defaultFromName: settings.MAIL_FROM_NAME,
        skipVerify: true,
        transportOptions: smtpOptions(settings.SMTP_URL),
      })
    : consoleMailAdapter(settings)
