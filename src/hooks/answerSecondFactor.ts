import type { Config } from 'payload'

import { SecondFactorNeeded } from '@/errors'

type AfterErrorHook = NonNullable<NonNullable<Config['hooks']>['afterError']>[number]

export const SECOND_FACTOR_MESSAGE = 'Enter the code from your authenticator app to finish signing in.'
export const ENROL_MESSAGE = 'This account must use two-factor sign-in: set up an authenticator app to finish signing in.'

/**
 * A login whose password was right but needs a second factor answers 200 with
 * `{ mfaRequired: true, enrolRequired, challenge }` (and no token): the next step is
 * `POST /api/users/login/mfa`. Over GraphQL the same facts are the error's extensions.
 */
export const answerSecondFactor: AfterErrorHook = ({ error, graphqlResult }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  if (!(original instanceof SecondFactorNeeded)) return
  const { challenge, enrolRequired } = original.answer
  const message = enrolRequired ? ENROL_MESSAGE : SECOND_FACTOR_MESSAGE
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, mfaRequired: true, enrolRequired, challenge } } }
  return { response: { message, mfaRequired: true, enrolRequired, challenge }, status: 200 }
}
