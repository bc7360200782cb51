import type { CollectionAfterOperationHook, CollectionBeforeOperationHook } from 'payload'

import { actorFromUser } from '@/access/actor'
import { enqueue } from '@/jobs/enqueue'
import { asSystem, proofOf } from '@/access/system'

/**
 * Payload would send the reset mail inline, inside the request. Instead the mail is an
 * outbox row in the same transaction as the token, sent by the worker in the user's
 * website's name: a rolled-back request sends nothing, a slow SMTP server slows nobody.
 */
export const disableInlineResetMail: CollectionBeforeOperationHook<'users'> = ({ args, operation }) =>
  operation === 'forgotPassword' ? { ...args, disableEmail: true } : args

export const queueResetMail: CollectionAfterOperationHook<'users'> = async ({ args, operation, req, result }) => {
  if (operation !== 'forgotPassword' || typeof result !== 'string') return result
  const email = String((args as { data?: { email?: unknown } }).data?.email ?? '').toLowerCase().trim()
  const { docs } = await req.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, limit: 1, ...asSystem(proofOf(req)), req })
  const user = docs[0]
  if (!user) return result
  const actor = actorFromUser(user)
  await enqueue(req, {
    type: 'mail.passwordReset',
    tenant: actor.tenantIds[0] ?? null,
    payload: { userId: user.id, token: result, audience: actor.panel ? 'admin' : 'site' },
  })
  return result
}
