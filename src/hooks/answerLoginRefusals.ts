import { AuthenticationError, type Config } from 'payload'

import { loginRefusedMessage } from '@/domain/logins/website'
import { resolveTenant } from '@/operations/resolveTenant'

type AfterErrorHook = NonNullable<NonNullable<Config['hooks']>['afterError']>[number]

/**
 * Every refused login, over REST and GraphQL, answers the same 401 naming the request's
 * website: Payload's wrong password and our own refusals (unknown email, another
 * website's account) are all AuthenticationErrors, and this gives them one message.
 */
export const answerLoginRefusals: AfterErrorHook = async ({ error, graphqlResult, req }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  if (!(original instanceof AuthenticationError)) return
  const website = await resolveTenant(req).then(
    (resolution) => resolution.tenant?.name ?? null,
    () => null,
  )
  const message = loginRefusedMessage(website)
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message } }
  return { response: { errors: [{ message }] }, status: 401 }
}
