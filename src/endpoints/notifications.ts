import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented } from '@/api/openapi/describe'
import { escapeHtml } from '@/mail/layout'
import { markRead, markReadInput, unreadCount } from '@/operations/notifications/inbox'
import { unsubscribe, unsubscribeStatus, type UnsubscribeAnswer } from '@/operations/notifications/unsubscribe'

import { readJsonBody } from './readJsonBody'

const unreadAnswer = z.object({ unread: z.number().int().describe('The caller’s unread notifications in their inbox.') })

/** GET /api/notifications/unread-count → `{ unread }`. */
export const unreadCountEndpoint: Endpoint = documented(
  { path: '/unread-count', method: 'get', handler: async (req) => Response.json(await unreadCount(req)) },
  {
    summary: 'My unread notifications',
    description: 'How many of the caller’s inbox notifications are unread (the badge). The list itself is `GET /api/notifications` (the caller’s own, whoever asks; `?unread=true` keeps the unread ones; Payload’s `page`, `limit`, `sort`, `where`).',
    tags: ['notifications'],
    auth: 'required',
    responses: { 200: unreadAnswer },
    errors: [401],
  },
)

/** POST /api/notifications/read `{ ids }` or `{ all: true }` → `{ updated, unread }`. */
export const markReadEndpoint: Endpoint = documented(
  { path: '/read', method: 'post', handler: async (req) => Response.json(await markRead(req, await readJsonBody(req))) },
  {
    summary: 'Mark notifications read',
    description: [
      'Marks the caller’s notifications read: `{ ids: [...] }` (at most 500) or `{ all: true }`. Ids of other people’s notifications, or of none, change nothing and are not reported (they are not the caller’s to know of). Answers how many changed and how many stay unread.',
      '**400** naming `ids` or `all` when the body is neither shape.',
    ].join('\n\n'),
    tags: ['notifications'],
    auth: 'required',
    body: markReadInput,
    responses: { 200: z.object({ updated: z.number().int(), unread: z.number().int() }) },
    errors: [400, 401],
  },
)

const tokenQuery = z.object({ token: z.string().max(200).optional().describe('The signed token of the mail’s unsubscribe link.') })
const unsubscribeAnswer = z.object({ category: z.string(), website: z.string(), subscribed: z.boolean().describe('Whether mail of the category still reaches the user.') })

const wantsHtml = (accept: string | null) => Boolean(accept && /text\/html/.test(accept) && !/application\/json/.test(accept))

const CATEGORY_WORD: Record<string, string> = { tickets: 'support tickets', account: 'your account', marketing: 'news and offers' }

/** The small page a person sees when they open the link in a browser: a button that sends the POST. */
const page = (answer: UnsubscribeAnswer, token: string): Response => {
  const what = escapeHtml(CATEGORY_WORD[answer.category] ?? answer.category)
  const body = answer.subscribed
    ? `<p>Stop mail about ${what} from ${escapeHtml(answer.website)}?</p><form method="post" action="?token=${encodeURIComponent(token)}"><button type="submit">Unsubscribe</button></form>`
    : `<p>You no longer receive mail about ${what} from ${escapeHtml(answer.website)}. You can switch it back on in your notification settings.</p>`
  return new Response(`<!doctype html><html><head><meta charset="utf-8"><title>Unsubscribe</title></head><body style="font-family:Arial,sans-serif;max-width:32rem;margin:3rem auto">${body}</body></html>`, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  })
}

const tokenOf = (req: Parameters<Endpoint['handler']>[0]) => {
  const token = req.searchParams?.get('token') ?? null
  return token && token.length <= 200 ? token : null
}

/** The unsubscribe link's two routes: they differ in what they do with the token, never in how they answer. */
const unsubscribeRoute = (method: 'get' | 'post', run: typeof unsubscribe, summary: string, description: string[]): Endpoint =>
  documented(
    {
      path: '/unsubscribe',
      method,
      handler: async (req) => {
        const token = tokenOf(req)
        const answer = await run(req, token)
        return wantsHtml(req.headers.get('accept')) ? page(answer, token!) : Response.json(answer)
      },
    },
    { summary, description: description.join('\n\n'), tags: ['notifications'], auth: 'none', query: tokenQuery, responses: { 200: unsubscribeAnswer }, errors: [404] },
  )

/** GET /api/notifications/unsubscribe?token= → what the link switches off (JSON, or a page for a browser). Writes nothing. */
export const unsubscribeStatusEndpoint: Endpoint = unsubscribeRoute('get', unsubscribeStatus, 'Read an unsubscribe link', [
  'What the link of a digest or marketing mail switches off (its category, on its website) and whether that mail still reaches its user. No login: the signed token is the proof. Writes nothing (mail scanners open links); a browser (`Accept: text/html`) gets a small page whose button sends the POST.',
  '**404** when the token is missing, malformed or tampered with.',
])

/** POST /api/notifications/unsubscribe?token= → switches the category's mail off, no login. */
export const unsubscribeEndpoint: Endpoint = unsubscribeRoute('post', unsubscribe, 'Unsubscribe', [
  'Switches the link’s category’s mail off for its user on its website (their notification preferences; in-app notifications go on). No login: the signed token is the proof, and it can only switch mail off. Doing it twice changes nothing more.',
  '**404** when the token is missing, malformed or tampered with: nothing is written.',
])

export const notificationEndpoints: Endpoint[] = [unreadCountEndpoint, markReadEndpoint, unsubscribeStatusEndpoint, unsubscribeEndpoint]
