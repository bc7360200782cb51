import { describe, expect, it } from 'vitest'

import { digestMail, fillTemplate, notificationMail } from '@/mail/templates/notification'

const brand = { name: 'Alpha Essays', color: '#123456', supportEmail: 'help@alpha.test' }
const note = { event: 'order.approved', title: 'Order 42 approved', body: 'Your order is done.', link: 'https://alpha.test/orders/42', data: { orderId: 42, topic: '<script>x</script>' } }

describe('notification mail', () => {
  it('by default frames the catalogue’s texts in the website’s branding, with the link as its button', () => {
    const mail = notificationMail(brand, { name: 'Mia' }, note, null)
    expect(mail.subject).toBe('Order 42 approved')
    expect(mail.html).toContain('#123456')
    expect(mail.html).toContain('href="https://alpha.test/orders/42"')
    expect(mail.text).toContain('Hello Mia,')
    expect(mail.text).toContain('Open: https://alpha.test/orders/42')
  })

  it('a website’s template fills in names and facts, escaped in HTML only', () => {
    const mail = notificationMail(brand, { name: 'Mia' }, note, { subject: '{{website}}: order {{data.orderId}}', text: '{{name}}: {{data.topic}}', html: '<p>{{ data.topic }} {{link}}</p>' })
    expect(mail.subject).toBe('Alpha Essays: order 42')
    expect(mail.text).toBe('Mia: <script>x</script>')
    expect(mail.html).toBe('<p>&lt;script&gt;x&lt;/script&gt; https://alpha.test/orders/42</p>')
    expect(fillTemplate('{{unknown}}|{{data.missing}}', {}, {})).toBe('|')
  })

  it('a template without HTML is framed from its text', () => {
    const mail = notificationMail(brand, { name: 'Mia' }, note, { subject: 'S', text: 'One.\n\nTwo.' })
    expect(mail.html).toContain('<p>One.</p><p>Two.</p>')
  })

  it('a digest lists every item once and carries the unsubscribe links', () => {
    const mail = digestMail(brand, { name: 'Mia' }, 'daily', [note, { ...note, title: 'Second', link: null }], [{ label: 'Stop mail about orders', url: 'https://x.test/u?token=t' }])
    expect(mail.subject).toBe('2 updates from Alpha Essays today')
    expect(mail.html.match(/<li>/g)).toHaveLength(2)
    expect(mail.html).toContain('href="https://x.test/u?token=t"')
    expect(mail.text).toContain('Stop mail about orders: https://x.test/u?token=t')
    expect(mail.text).toContain('- Second: Your order is done.')
  })
})
