/**
 * A robots.txt path rule's value: starts with `/` (or a `*` wildcard) and stays on its
 * line. What an admin typed into the website's extra disallowed paths passes through
 * this, so a line break can never add a rule of its own (`/x\nAllow: /admin`).
 */
export const isRobotsPath = (value: string): boolean => /^[/*][^\s]*$/.test(value)

/**
 * The website's robots.txt: everything public may be crawled but the admin panel and the
 * API, except the public content API; the website's own extra paths; where its sitemap is.
 * Allow precedes Disallow for `/api/public/` because crawlers that take the first
 * matching rule (rather than the longest) would otherwise never reach it.
 */
export const buildRobots = (website: { origin: string | null; extraDisallow?: readonly (string | null | undefined)[] | null }): string => {
  const rules = ['Allow: /', 'Allow: /api/public/', 'Disallow: /admin', 'Disallow: /api/']
  const extras = (website.extraDisallow ?? []).map((path) => (path ?? '').trim()).filter(isRobotsPath).map((path) => `Disallow: ${path}`)
  const lines = ['User-agent: *', ...new Set([...rules, ...extras])]
  if (website.origin) lines.push('', `Sitemap: ${website.origin}/sitemap.xml`)
  return `${lines.join('\n')}\n`
}
