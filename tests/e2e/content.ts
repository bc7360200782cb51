/**
 * The content editor's journey in the admin (issue 13): Alpha's content editor sees only
 * the Content group, writes a post with a FAQ block in the Lexical editor, saves it as a
 * draft, previews it at the website's preview address, schedules its publishing and
 * finds it on the dashboard as scheduled. Screenshots in test-results/content-*.png.
 */
import type { Page } from 'playwright-core'

import { adminPage, type Check, eventually, restClient, type RestClient, screenshot } from './support'

const EDITOR = 'content@alpha.test'
const PREVIEW_PATTERN = 'https://alpha.test/preview/{collection}/{slug}'

/** Alpha's preview pattern (set by its admin when the seed left none) and an author to sign the post. */
const prepareAlpha = async (rest: RestClient) => {
  const admin = await rest.login('admin@alpha.test', 'alpha')
  const [website] = (await rest.must(200, 'GET', '/api/tenants?where[slug][equals]=alpha&depth=0', { website: 'alpha', token: admin })).docs
  let pattern: string | null = website.content?.previewUrl ?? null
  if (!pattern) {
    await rest.must(200, 'PATCH', `/api/tenants/${website.id}`, { website: 'alpha', token: admin, body: { content: { ...website.content, previewUrl: PREVIEW_PATTERN } } })
    pattern = PREVIEW_PATTERN
  }
  const editor = await rest.login(EDITOR, 'alpha')
  const authors = await rest.must(200, 'GET', '/api/authors?limit=1&depth=0', { website: 'alpha', token: editor })
  const author = authors.docs[0] ?? (await rest.must(201, 'POST', '/api/authors', { website: 'alpha', token: editor, body: { tenant: website.id, name: 'Ada Browser' } })).doc
  return { pattern, author: author.name as string, editor }
}

const navLinkTo = (page: Page, collection: string) => page.locator(`nav a[href$="/admin/collections/${collection}"]`)

/** Picks the day after tomorrow at the first time the picker offers, in the schedule drawer. */
const pickScheduleTime = async (page: Page) => {
  const drawer = page.locator('.schedule-publish')
  await drawer.locator('.react-datepicker__input-container input').first().click()
  const day = new Date(Date.now() + 2 * 24 * 3600 * 1000)
  const month = page.locator('.react-datepicker__current-month').first()
  const wanted = day.toLocaleString('en-US', { month: 'long', year: 'numeric' })
  for (let i = 0; i < 2 && !(await month.innerText()).includes(wanted); i += 1) await page.locator('.react-datepicker__navigation--next').first().click()
  await page
    .locator(`.react-datepicker__day--${String(day.getDate()).padStart(3, '0')}:not(.react-datepicker__day--outside-month):not(.react-datepicker__day--disabled)`)
    .first()
    .click()
  const time = page.locator('.react-datepicker__time-list-item:not(.react-datepicker__time-list-item--disabled)')
  if (await time.count()) await time.nth(Math.min(12 * 6, (await time.count()) - 1)).click()
  // Whether the calendar closes on a pick depends on the month's layout; left open it covers
  // the drawer's Save button. Tab leaves the input, which closes it.
  // (The calendar may be rendered outside the drawer: look for it on the page.)
  const calendar = page.locator('.react-datepicker__month-container').first()
  if (await calendar.isVisible()) await drawer.locator('.react-datepicker__input-container input').first().press('Tab')
  // A click outside closes it too.
  if (await calendar.isVisible()) await page.getByText('Upcoming Events').first().click()
  await calendar.waitFor({ state: 'hidden', timeout: 10_000 })
  return day
}

/** The journey itself, on a page signed in as Alpha's content editor. */
const journey = async (page: Page, base: string, rest: RestClient, { pattern, author, editor }: { pattern: string; author: string; editor: string }) => {
  // Navigation: the Content group only.
  await navLinkTo(page, 'posts').first().waitFor({ timeout: 60_000 })
  await page.locator('[data-dashboard][data-ready="true"]').waitFor({ timeout: 60_000 })
  for (const collection of ['orders', 'payments', 'wallets', 'users', 'tenants', 'writer-levels', 'outbox']) {
    if ((await navLinkTo(page, collection).count()) > 0) throw new Error(`the content editor sees ${collection} in the navigation`)
  }
  const nav = await page.locator('nav').first().innerText()
  for (const group of ['Orders', 'Money', 'People', 'Settings', 'Platform']) {
    if (new RegExp(`(^|\\n)${group}(\\n|$)`).test(nav)) throw new Error(`the content editor sees the ${group} group`)
  }
  if (!/(^|\n)Content(\n|$)/.test(nav)) throw new Error(`no Content group in the navigation: ${nav}`)
  // The navigation opened, for the picture.
  if ((await page.locator('.nav-toggler--is-open').count()) === 0) await page.locator('.nav-toggler').first().click()
  await navLinkTo(page, 'posts').first().waitFor({ state: 'visible', timeout: 10_000 })
  await page.waitForTimeout(500) // the navigation slides and fades in
  await screenshot(page, 'content-dashboard-before')

  // A new post: title, slug, author, a paragraph and a FAQ block.
  const slug = `browser-faq-${Date.now().toString(36)}`
  const title = `Browser FAQ ${slug.slice(-5)}`
  await page.goto(`${base}/admin/collections/posts/create`)
  await page.locator('#field-title').waitFor({ timeout: 60_000 })
  await page.locator('#field-title').fill(title)
  await page.locator('#field-slug').fill(slug)
  await page.locator('#field-primaryAuthor').click()
  await page.locator('.rs__option', { hasText: author }).first().click()
  const editorBox = page.locator('.rich-text-lexical [contenteditable="true"]').first()
  await editorBox.click()
  await page.keyboard.type('Questions our readers ask before ordering. ')
  await page.keyboard.press('Enter')
  await page.keyboard.type('/faq')
  await page.locator('#slash-menu .slash-menu-popup__item, .slash-menu-popup__item', { hasText: /faq/i }).first().click()
  const block = page.locator('.LexicalEditorTheme__block').first()
  await block.waitFor({ timeout: 15_000 })
  await block.getByRole('button', { name: /add item/i }).first().click()
  await block.locator('.field-type.text', { hasText: 'Question' }).locator('input').first().fill('How long does an essay take?')
  await block.locator('.field-type.textarea', { hasText: 'Answer' }).locator('textarea').first().fill('Most essays are ready in three days.')
  await screenshot(page, 'content-post-editing')

  // Save the draft (autosave keeps saving too): the post exists as a draft with its FAQ block.
  const saveDraft = page.locator('#action-save-draft')
  if (await saveDraft.count()) await saveDraft.click()
  await page.waitForURL((url) => /\/admin\/collections\/posts\/\d+/.test(url.pathname), { timeout: 60_000 })
  const id = Number(/\/posts\/(\d+)/.exec(page.url())![1])
  const stored = await eventually(
    'the draft saved with its FAQ block',
    async () => {
      const doc = (await rest.call('GET', `/api/posts/${id}?draft=true&depth=0`, { website: 'alpha', token: editor })).body
      const body = JSON.stringify(doc?.body ?? '')
      return body.includes('"faq"') && body.includes('How long does an essay take?') && body.includes('Most essays are ready in three days.') && doc
    },
    30_000,
  )
  if (stored._status !== 'draft') throw new Error(`the post is ${stored._status}, not a draft`)
  if ((await rest.call('GET', `/api/posts/${id}?depth=0`, { website: 'alpha' })).status !== 404) throw new Error('the draft is public')
  await screenshot(page, 'content-post-draft')

  // The edit view's sidebar lists the warnings saved with the draft (no primary service, no internal link…).
  await page.reload()
  const warnings = page.locator('[data-content-warnings]')
  await warnings.waitFor({ timeout: 30_000 })
  if (Number(await warnings.getAttribute('data-content-warnings')) !== (stored.warnings?.length ?? 0) || !stored.warnings?.length) {
    throw new Error(`the sidebar lists ${await warnings.getAttribute('data-content-warnings')} warnings, the draft has ${JSON.stringify(stored.warnings)}`)
  }
  await warnings.locator('[data-warning-field="primaryService"]').waitFor({ timeout: 5_000 })
  // The sidebar scrolls by itself: a full-page picture cuts it at the window's height.
  await warnings.scrollIntoViewIfNeeded()
  await screenshot(page, 'content-post-warnings')

  // Preview: the preview link and the live preview pane follow the website's pattern.
  const expected = pattern.replace('{collection}', 'posts').replace('{slug}', encodeURIComponent(slug)).replace('{id}', String(id))
  const href = await page.locator('#preview-button').getAttribute('href')
  if (href !== expected) throw new Error(`the preview link is ${href}, expected ${expected}`)
  await page.locator('#live-preview-toggler').click()
  const frame = page.locator('[class*="live-preview"] iframe').first()
  await frame.waitFor({ state: 'attached', timeout: 30_000 })
  const src = await frame.getAttribute('src')
  if (!src?.startsWith(expected)) throw new Error(`the live preview shows ${src}, expected ${expected}`)
  await screenshot(page, 'content-post-live-preview')
  await page.locator('#live-preview-toggler').click()

  // Schedule publishing from the Publish button's menu.
  await page.locator('.popup-button--default .popup-button, #action-save-popup, .btn--icon-style-without-border.btn--icon-only').first().click()
  await page.locator('#schedule-publish').click()
  await page.locator('.schedule-publish').first().waitFor({ timeout: 15_000 })
  // The drawer may open on "Unpublish": this journey schedules the publication.
  await page.locator('.schedule-publish').getByText('Publish', { exact: true }).click()
  const day = await pickScheduleTime(page)
  await screenshot(page, 'content-schedule-drawer')
  // The calendar can stay open over the Save button (it depends on the month's layout): the click goes to the button itself.
  await page.locator('#scheduled-publish-save').dispatchEvent('click')
  const job = await eventually(
    'the scheduled publish in the upcoming events',
    async () => (await page.locator('.schedule-publish__upcoming table tbody tr').count()) > 0,
    30_000,
  )
  if (!job) throw new Error('no upcoming event')
  await screenshot(page, 'content-schedule-upcoming')

  // The dashboard lists it as scheduled, linking to the post; it is still not public.
  await page.goto(`${base}/admin`)
  const row = page.locator('[data-worklist="contentScheduled"] tr', { hasText: title })
  await row.waitFor({ timeout: 60_000 })
  const link = await row.locator('a').first().getAttribute('href')
  if (link !== `/admin/collections/posts/${id}`) throw new Error(`the scheduled row links to ${link}`)
  const shownDay = day.toLocaleDateString()
  const rowText = await row.innerText()
  if (!rowText.includes(shownDay)) throw new Error(`the scheduled row does not show ${shownDay}: ${rowText}`)
  if (!/\bpublish\b/.test(rowText) || /unpublish/.test(rowText)) throw new Error(`the scheduled row is not a publication: ${rowText}`)
  if ((await rest.call('GET', `/api/posts/${id}?depth=0`, { website: 'alpha' })).status !== 404) throw new Error('the scheduled post is public before its time')
  await screenshot(page, 'content-dashboard-scheduled')
}

export const contentChecks: Check[] = [
  {
    name: 'the content editor sees only Content, writes a post with a FAQ block, saves a draft, previews it, schedules it and finds it on the dashboard',
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      const { pattern, author, editor } = await prepareAlpha(rest)
      const page = await adminPage(browser, base, EDITOR)
      try {
        await journey(page, base, rest, { pattern, author, editor })
      } catch (error) {
        // What the page showed when the journey stopped, to read beside the error.
        await screenshot(page, 'content-failure').catch(() => {})
        throw error
      } finally {
        await page.close()
      }
    },
  },
]
