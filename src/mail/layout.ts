/** Escapes text for HTML bodies; every value in a template goes through it. */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export type Brand = { name: string; color: string; supportEmail: string | null }

export type Rendered = { subject: string; html: string; text: string }

/** Wraps a message in the website's branded frame (HTML) and signs the text version. */
export const frame = (brand: Brand, body: { subject: string; paragraphs: string[]; action?: { label: string; url: string } }): Rendered => {
  const color = /^#[0-9a-f]{3,6}$/i.test(brand.color) ? brand.color : '#1f4e79'
  const html = [
    '<!doctype html><html><body style="margin:0;font-family:Arial,sans-serif;background:#f5f5f5">',
    `<div style="background:${color};color:#fff;padding:16px 24px;font-size:20px;font-weight:bold">${escapeHtml(brand.name)}</div>`,
    '<div style="background:#fff;padding:24px;line-height:1.5">',
    ...body.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    body.action
      ? `<p><a href="${escapeHtml(body.action.url)}" style="background:${color};color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px">${escapeHtml(body.action.label)}</a></p>`
      : '',
    brand.supportEmail ? `<p style="color:#666;font-size:12px">Questions? ${escapeHtml(brand.supportEmail)}</p>` : '',
    '</div></body></html>',
  ].join('')
  const text = [
    ...body.paragraphs,
    ...(body.action ? [`${body.action.label}: ${body.action.url}`] : []),
    '',
    `— ${brand.name}${brand.supportEmail ? ` (${brand.supportEmail})` : ''}`,
  ].join('\n\n')
  return { subject: body.subject, html, text }
}
