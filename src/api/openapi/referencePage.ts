import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The reference page at `/api/docs`: Swagger UI from the `swagger-ui-dist` package,
 * served by this server (no CDN), started by a script file of ours (no inline script),
 * under a Content-Security-Policy that allows exactly that.
 */

/** What the page loads from this server, by the name it asks for. */
const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
} as const

export type AssetName = keyof typeof ASSETS | typeof INIT

const INIT = 'init.js'

export const ASSET_NAMES = [...Object.keys(ASSETS), INIT] as AssetName[]

/**
 * Scripts and styles of this origin only; Swagger UI draws a few icons as `data:`
 * images and fetches the document (and the "try it out" calls) from this origin.
 */
export const REFERENCE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** The package's own version tags every asset URL, so browsers may keep them for a year. */
const ASSET_CACHE = 'public, max-age=31536000, immutable'

const packageDir = () => path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('swagger-ui-dist/package.json'))

let loaded: { version: string; files: Map<string, Buffer> } | null = null

const assets = () => {
  if (!loaded) {
    const dir = packageDir()
    const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }
    loaded = { version, files: new Map(Object.keys(ASSETS).map((name) => [name, readFileSync(path.join(dir, name))])) }
  }
  return loaded
}

/**
 * Swagger UI renders only OpenAPI's default schema dialect and puts a warning over the
 * page for any other; ours declares JSON Schema 2020-12 and uses none of the default
 * dialect's additions, so the page drops the declaration from its own copy.
 */
const initScript = (documentUrl: string) =>
  `var documentUrl = ${JSON.stringify(documentUrl)}
var withoutDialect = function (res) {
  if (res.url && res.url.indexOf(documentUrl) !== -1 && typeof res.text === 'string') {
    try {
      var doc = JSON.parse(res.text)
      delete doc.jsonSchemaDialect
      res.text = res.data = JSON.stringify(doc)
      res.body = res.obj = doc
    } catch (e) {}
  }
  return res
}
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: documentUrl,
    responseInterceptor: withoutDialect,
    dom_id: '#reference',
    deepLinking: true,
    docExpansion: 'none',
    defaultModelsExpandDepth: 0,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  })
})
`

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The page itself: every URL in it is of this origin, under `base` (`/api/docs`). */
export const referencePage = (base: string): Response => {
  const v = `?v=${encodeURIComponent(assets().version)}`
  const asset = (name: AssetName) => escapeHtml(`${base}/${name}${v}`)
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Scriptorium API reference</title>
<link rel="stylesheet" href="${asset('swagger-ui.css')}">
<link rel="icon" type="image/png" href="${asset('favicon-32x32.png')}">
</head>
<body>
<div id="reference"></div>
<script src="${asset('swagger-ui-bundle.js')}"></script>
<script src="${asset(INIT)}"></script>
</body>
</html>
`
  return new Response(html, {
    status: 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': REFERENCE_CSP, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' },
  })
}

/** One of the page's files, or null when `name` is not one. */
export const referenceAsset = (name: string, documentUrl: string): Response | null => {
  const headers = { 'Cache-Control': ASSET_CACHE, 'X-Content-Type-Options': 'nosniff' }
  if (name === INIT) return new Response(initScript(documentUrl), { status: 200, headers: { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' } })
  if (!Object.hasOwn(ASSETS, name)) return null
  const body = assets().files.get(name)!
  return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'Content-Type': ASSETS[name as keyof typeof ASSETS] } })
}
