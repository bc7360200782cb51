import { describe, expect, it } from 'vitest'

import { EMAIL_MASK, HANDLE_MASK, LINK_MASK, looksLikePhone, maskContactDetails, PHONE_MASK } from '@/domain/messages/mask'

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

  // One case per way round the masking that was seen: each must still be hidden.
  it.each([
    ['full-width digits', 'call ５５５１２３４５６７ now', `call ${PHONE_MASK} now`],
    ['full-width digits and dashes', '５５５－１２３－４５６７', PHONE_MASK],
    ['full-width email', 'ｊｏｈｎ＠ｇｍａｉｌ．ｃｏｍ', EMAIL_MASK],
    ['zero-width space inside an email', 'mail john\u200B.doe@gm\u200Bail.com', `mail ${EMAIL_MASK}`],
    ['zero-width joiner and word joiner inside an email', 'john\u200D@\u2060gmail.com!', `${EMAIL_MASK}!`],
    ['soft hyphen and bidi controls inside an email', 'jo\u00ADhn@gm\u202Eail\u202C.com', EMAIL_MASK],
    ['zero-width space inside a phone', '555\u200B123\u200B4567', PHONE_MASK],
    ['(at) and (dot)', 'john (at) gmail (dot) com', EMAIL_MASK],
    ['[at] and [dot]', 'write john[at]gmail[dot]com today', `write ${EMAIL_MASK} today`],
    ['{at} and a bracketed dot', 'john {at} mail [.] co [.] uk', EMAIL_MASK],
    ['spelled at and dot', 'john.smith at gmail dot com', EMAIL_MASK],
    ['spelled AT and DOT in capitals', 'JOHN AT YAHOO DOT CO DOT UK.', `${EMAIL_MASK}.`],
    ['spaces around @ and the dot', 'john @ gmail . com', EMAIL_MASK],
    ['digits separated by dashes, one each', '5-5-5-1-2-3-4-5-6-7', PHONE_MASK],
    ['digits separated by spaced dashes', 'call 555 - 123 - 4567', `call ${PHONE_MASK}`],
    ['digits separated by double dashes', '555--123--4567', PHONE_MASK],
    ['digits separated by en dashes', '555–123–4567', PHONE_MASK],
    ['digits separated by dots, one each', '5.5.5.1.2.3.4.5.6.7', PHONE_MASK],
    ['digits separated by spaces, one each', 'my number 5 5 5 1 2 3 4 5 6 7', `my number ${PHONE_MASK}`],
    ['digits separated by spaced dots', '555 . 123 . 4567', PHONE_MASK],
    ['a French number with dots', '01.23.45.67.89', PHONE_MASK],
    ['an @handle', 'find me @writer_joe on telegram', `find me ${HANDLE_MASK} on telegram`],
    ['an @handle with a dot', 'IG: @joe.writes.', `IG: ${HANDLE_MASK}.`],
    ['a full-width @handle', '＠ｗｒｉｔｅｒ＿ｊｏｅ', HANDLE_MASK],
  ])('masks %s', (_bypass, input, expected) => {
    expect(maskContactDetails(input)).toEqual({ text: expected, masked: true })
  })

  it.each([
    'Price: $12.50 per page, 12.50-15.75 USD a page, €1,200.00 in total, USD 25.00 - 30.00',
    'Office hours 9.00-17.00, or 10.30 - 11.45 on Fridays',
    'Meet at 5 pm; look at chapter 3; the dot com era; connect the dots; look at the dot com bubble',
    'Deadline 12 May 2024, or May 12, 2024 at 10:30, or 2024/05/01',
    'Order ALPHA-00042, invoice INV-000123, receipt RCT-000001, order #4521',
    'Answer questions 1 2 3 4 5 6 7 8 9, then sections 10 - 20 - 30 - 40',
    'Read page 150. 2500 words are needed by Friday',
    'Between 1990 – 2000 – 2010 the numbers grew',
    'Thanks 👨‍👩‍👧 and ❤️ for the great work',
    'I’m @ home today, tweet @ 5 pm',
    'Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ essay, 12 pages',
  ])('does not over-mask: %s', (text) => {
    expect(maskContactDetails(text)).toEqual({ text, masked: false })
  })

  it('keeps what is not masked exactly as written, invisible characters included', () => {
    expect(mask('Hi\u200B there 👨‍👩‍👧, mail jo\u200Bhn@x.io')).toBe(`Hi\u200B there 👨‍👩‍👧, mail ${EMAIL_MASK}`)
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
