import { describe, expect, it } from 'vitest'

import { EMAIL_MASK, LINK_MASK, looksLikePhone, maskContactDetails, PHONE_MASK } from '@/domain/messages/mask'

const mask = (text: string) => maskContactDetails(text).text

describe('masking contact details', () => {
  it.each([
    ['write to john.doe+x@mail.co.uk please', `write to ${EMAIL_MASK} please`],
    ['JANE_O@Example.ORG.', `${EMAIL_MASK}.`],
    ['call +1 (555) 123-4567 tonight', `call ${PHONE_MASK} tonight`],
    ['call 555.123.4567.', `call ${PHONE_MASK}.`],
    ['or 555-1234', `or ${PHONE_MASK}`],
    ['(555) 123 4567', PHONE_MASK],
    ['+44 20 7946 0958', PHONE_MASK],
    ['+44 (0) 20 7946 0958', PHONE_MASK],
    ['0044 20 7946 0958', PHONE_MASK],
    ['1-800-555-1234', PHONE_MASK],
    ['01 23 45 67 89', PHONE_MASK],
    ['whatsapp 5551234567', `whatsapp ${PHONE_MASK}`],
    ['visit www.site.com', `visit ${LINK_MASK}`],
    ['see www.site.com.', `see ${LINK_MASK}.`],
    ['https://x.y/z?q=1', LINK_MASK],
    ['(http://example.com/a_b)', `(${LINK_MASK})`],
    ['example.com/portfolio', LINK_MASK],
    ['t.me/writer_joe', LINK_MASK],
    ['my site is joe-writes.net', `my site is ${LINK_MASK}`],
    ['Mail me at joe@x.io or visit joe.dev, phone +49 30 1234567', `Mail me at ${EMAIL_MASK} or visit ${LINK_MASK}, phone ${PHONE_MASK}`],
  ])('%s', (input, expected) => {
    expect(maskContactDetails(input)).toEqual({ text: expected, masked: true })
  })

  it.each([
    'page 12, 3 sources, 2024-05-01 deadline',
    'Deadline 2024-05-01 10:00, or 01.05.2024 at the latest',
    '2500-3000 words, APA 7th edition, 12 pt',
    'Sources from 1990-2020; see 2019 2020 2021 reports',
    'The budget is 1 000 000 and pi is 3.14159265',
    'Answer questions 1 2 3 4 5 6 7 and 8',
    'Order ALPHA-00042, 15% of the grade, 1,250,000 people',
    'Use Node.js and ASP.NET, send essay.docx or notes.pdf',
    'e.g. chapter 3.2, i.e. section 4.1.2',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(maskContactDetails(text)).toEqual({ text, masked: false })
  })

  it('tells phone numbers from numbers in prose', () => {
    expect(looksLikePhone('555 123 4567')).toBe(true)
    expect(looksLikePhone('123456')).toBe(false)
    expect(looksLikePhone('1990-2020')).toBe(false)
    expect(looksLikePhone('12.345.678')).toBe(false)
  })

  it('masks every occurrence and nothing twice', () => {
    expect(mask('a@b.co, c@d.co and 555-123-4567 / 555-765-4321')).toBe(`${EMAIL_MASK}, ${EMAIL_MASK} and ${PHONE_MASK} / ${PHONE_MASK}`)
    expect(mask(mask('joe@x.io www.x.io 5551234567'))).toBe(`${EMAIL_MASK} ${LINK_MASK} ${PHONE_MASK}`)
  })
})
