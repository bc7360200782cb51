import type { RequestHandler } from 'express'
import helmet from 'helmet'

import { allowedOriginsOf } from './cors'

const API_PATH = /^\/api(\/|$)/

/**
 * Security headers on everything the web process answers (API and admin), with helmet.
 * The CSP holds only what cannot break Next's admin, which inlines scripts and styles
 * (a script-src would need nonces through Next): no framing of the admin but by itself,
 * frames of itself and of the websites (the live preview shows a website in the admin),
 * no plugins, no <base> elsewhere. A response with a CSP of its own (the /api/docs page)
 * replaces this one. HSTS only in production, where TLS is certain.
 */
export const securityHeaders = (options: { production: boolean; development: boolean }): RequestHandler[] => {
  const frames = (res: unknown) => {
    const listed = allowedOriginsOf(res as Parameters<typeof allowedOriginsOf>[0])?.listed ?? []
    return [...listed, ...(options.development ? ['http://*.localhost:*', 'https://*.localhost:*'] : [])].join(' ')
  }
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        // A default-src would govern scripts and styles too, which Next's admin inlines.
        'default-src': helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
        'frame-ancestors': ["'self'"],
        'frame-src': ["'self'", (_req, res) => frames(res)],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
      },
    },
    // Payload's live preview may open a website in a popup and talk to it.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    crossOriginResourcePolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: options.production ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
  })
  // The API's files (media) are shown by the websites' pages, on other origins; the admin's are its own.
  const resourcePolicy: RequestHandler = (req, res, next) => {
    res.setHeader('Cross-Origin-Resource-Policy', API_PATH.test(req.path) ? 'cross-origin' : 'same-origin')
    next()
  }
  return [headers, resourcePolicy]
}
