/**
 * The admin through the web process's edge: the API answered by Express
 * (src/server/payloadApi.ts) takes the admin's own multipart save, and the admin's pages
 * carry the security headers.
 */
import { adminPage, type Check, restClient, screenshot } from './support'

export const edgeChecks: Check[] = [
  {
    name: "an admin saves a website's brand name from its edit view (a multipart save through the API path); the admin's pages carry the security headers",
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      const token = await rest.login('admin@alpha.test')
      const alpha = (await rest.must(200, 'GET', '/api/tenants?where[slug][equals]=alpha&depth=0', { token })).docs[0] as { id: number }
      const page = await adminPage(browser, base, 'admin@alpha.test')
      const view = await page.goto(`${base}/admin/collections/tenants/${alpha.id}`)
      const headers = view?.headers() ?? {}
      if (headers['x-content-type-options'] !== 'nosniff') throw new Error(`no nosniff on the admin: ${JSON.stringify(headers)}`)
      if (!/frame-ancestors 'self'/.test(headers['content-security-policy'] ?? '')) throw new Error(`no frame-ancestors on the admin: ${headers['content-security-policy']}`)
      if (headers['x-powered-by']) throw new Error(`X-Powered-By: ${headers['x-powered-by']}`)

      const brand = `Alpha through Express ${Date.now().toString(36)}`
      const field = page.locator('#field-branding__brandName')
      await field.waitFor({ timeout: 60_000 })
      await field.fill(brand)
      const saved = page.waitForResponse((res) => res.url().includes(`/api/tenants/${alpha.id}`) && res.request().method() === 'PATCH', { timeout: 60_000 })
      await page.locator('#action-save').click()
      const answer = await saved
      const sent = (await answer.request().headerValue('content-type')) ?? ''
      if (answer.status() !== 200) throw new Error(`the save answered ${answer.status()}: ${(await answer.text()).slice(0, 500)}`)
      if (!sent.startsWith('multipart/form-data')) throw new Error(`the admin saved with ${sent}, not multipart`)
      await screenshot(page, 'edge-website-saved')
      const stored = await rest.must(200, 'GET', `/api/tenants/${alpha.id}?depth=0`, { token })
      if (stored.branding?.brandName !== brand) throw new Error(`the brand name is ${stored.branding?.brandName}, expected ${brand}`)
      await page.close()
    },
  },
]
