import { type Brand, escapeHtml, frame, type Rendered } from '../layout'

/** One notification as its mail shows it (the link made absolute on the website). */
export type NotificationMailFacts = { event: string; title: string; body: string; link: string | null; data: Record<string, unknown> }

/** A website's own template of an event (`notification-templates`). */
export type TemplateOverride = { subject: string; html?: string | null; text: string }

const fact = (value: unknown): string => (value == null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value))

/** `{{title}}`, `{{body}}`, `{{link}}`, `{{name}}`, `{{website}}`, `{{data.x}}` filled in; `escape` for HTML. */
export const fillTemplate = (template: string, values: Record<string, string>, data: Record<string, unknown>, escape: (s: string) => string = (s) => s): string =>
  template.replace(/\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g, (_, name: string) => escape(name.startsWith('data.') ? fact(data[name.slice(5)]) : (values[name] ?? '')))

/**
 * The mail of one notification: the website's override of the event when it has one,
 * else the catalogue's title and text in the website's branded frame.
 */
export const notificationMail = (brand: Brand, user: { name: string }, note: NotificationMailFacts, override: TemplateOverride | null): Rendered => {
  if (override) {
    const values = { title: note.title, body: note.body, link: note.link ?? '', name: user.name, website: brand.name }
    const subject = fillTemplate(override.subject, values, note.data)
    const text = fillTemplate(override.text, values, note.data)
    if (override.html) return { subject, html: fillTemplate(override.html, values, note.data, escapeHtml), text }
    return frame(brand, { subject, paragraphs: text.split(/\n{2,}/) })
  }
  return frame(brand, {
    subject: note.title,
    paragraphs: [`Hello ${user.name},`, ...(note.body ? [note.body] : [])],
    ...(note.link ? { action: { label: 'Open', url: note.link } } : {}),
  })
}

const FREQUENCY_WORD = { hourly: 'this hour', daily: 'today', weekly: 'this week' } as const

/**
 * A digest: a user's held notifications in one mail, each with its link, and the links
 * that switch each of their categories' mail off (no login needed).
 */
export const digestMail = (
  brand: Brand,
  user: { name: string },
  frequency: keyof typeof FREQUENCY_WORD,
  items: readonly { title: string; body: string; link: string | null }[],
  unsubscribe: readonly { label: string; url: string }[],
): Rendered => {
  const subject = `${items.length} update${items.length === 1 ? '' : 's'} from ${brand.name} ${FREQUENCY_WORD[frequency]}`
  const framed = frame(brand, { subject, paragraphs: [`Hello ${user.name},`, `here is what happened ${FREQUENCY_WORD[frequency]}:`] })
  const list = `<ul>${items.map((i) => `<li><strong>${i.link ? `<a href="${escapeHtml(i.link)}">${escapeHtml(i.title)}</a>` : escapeHtml(i.title)}</strong>${i.body ? `<br>${escapeHtml(i.body)}` : ''}</li>`).join('')}</ul>`
  const footer = `<p style="color:#666;font-size:12px">${unsubscribe.map((u) => `<a href="${escapeHtml(u.url)}">${escapeHtml(u.label)}</a>`).join(' · ')}</p>`
  const html = framed.html.replace('</div></body></html>', `${list}${footer}</div></body></html>`)
  const [greeting, ...rest] = framed.text.split('\n\n— ')
  const text = [
    greeting,
    ...items.map((i) => `- ${i.title}${i.body ? `: ${i.body}` : ''}${i.link ? ` (${i.link})` : ''}`),
    '',
    ...unsubscribe.map((u) => `${u.label}: ${u.url}`),
    '',
    `— ${rest.join('\n\n— ')}`,
  ].join('\n')
  return { subject, html, text }
}
