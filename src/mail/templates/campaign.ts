import { convertLexicalToHTML, defaultHTMLConverters, type HTMLConverters, LinkHTMLConverter } from '@payloadcms/richtext-lexical/html'

import { lexicalPlainText, type LexicalState } from '@/domain/content/lexical'

import { type Brand, escapeHtml, type Rendered } from '../layout'

/** A campaign's body once per campaign: HTML (links kept, anything unknown left out) and text. */
export type CampaignContent = { subject: string; html: string; text: string }

const converters: HTMLConverters = {
  ...defaultHTMLConverters,
  // Mail has no internal pages to point at: an internal link keeps its text only.
  ...LinkHTMLConverter({ internalDocToHref: () => '#' }),
  upload: () => '',
  relationship: () => '',
  unknown: () => '',
}

export const campaignContent = (subject: string, body: unknown): CampaignContent => {
  const state = body as LexicalState
  const html = state?.root ? convertLexicalToHTML({ data: state as unknown as Parameters<typeof convertLexicalToHTML>[0]['data'], converters, disableContainer: true }) : ''
  return { subject, html, text: lexicalPlainText(state) }
}

/**
 * One recipient's mail of a campaign: the body in the website's branded frame, and the
 * unsubscribe link (marketing mail) in both versions. `test` marks the admin's test send.
 */
export const campaignMail = (brand: Brand, content: CampaignContent, unsubscribe: string, options: { test?: boolean } = {}): Rendered => {
  const color = /^#[0-9a-f]{3,6}$/i.test(brand.color) ? brand.color : '#1f4e79'
  const subject = options.test ? `[Test] ${content.subject}` : content.subject
  const html = [
    '<!doctype html><html><body style="margin:0;font-family:Arial,sans-serif;background:#f5f5f5">',
    `<div style="background:${color};color:#fff;padding:16px 24px;font-size:20px;font-weight:bold">${escapeHtml(brand.name)}</div>`,
    `<div style="background:#fff;padding:24px;line-height:1.5">${content.html}</div>`,
    '<div style="padding:12px 24px;color:#666;font-size:12px">',
    `You receive this because you have an account with ${escapeHtml(brand.name)}. `,
    `<a href="${escapeHtml(unsubscribe)}" style="color:#666">Unsubscribe from these emails</a>.`,
    brand.supportEmail ? ` Questions? ${escapeHtml(brand.supportEmail)}` : '',
    '</div></body></html>',
  ].join('')
  const text = [content.text, '', `— ${brand.name}${brand.supportEmail ? ` (${brand.supportEmail})` : ''}`, `Unsubscribe from these emails: ${unsubscribe}`].join('\n\n')
  return { subject, html, text }
}

/** The headers of bulk mail (RFC 2369 and RFC 8058 one-click unsubscribe). */
export const campaignHeaders = (unsubscribe: string, campaign: number): Record<string, string> => ({
  'List-Unsubscribe': `<${unsubscribe}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  Precedence: 'bulk',
  'X-Campaign-Id': String(campaign),
})
