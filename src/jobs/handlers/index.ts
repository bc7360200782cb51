import type { HandlerRegistry } from '../handler'

import { billingReminderMail } from './billingReminderMail'
import { campaignTestMail } from './campaignTestMail'
import { confirmEmailChangeMailJob, emailChangeNoticeMailJob, registrationAttemptMailJob, verifyEmailMailJob } from './emailAddressMail'
import { liveEvent } from './liveEvent'
import { loginFailuresMail } from './loginFailuresMail'
import { magicLinkMail } from './magicLinkMail'
import { notificationDigest, notificationMail } from './notificationMail'
import { passwordResetMail } from './passwordResetMail'
import { welcomeMail } from './welcomeMail'

/** Every job type's handler; `HandlerRegistry` makes a missing one a compile error. */
export const handlers: HandlerRegistry = {
  'mail.welcome': welcomeMail,
  'mail.passwordReset': passwordResetMail,
  'mail.verifyEmail': verifyEmailMailJob,
  'mail.confirmEmailChange': confirmEmailChangeMailJob,
  'mail.emailChangeNotice': emailChangeNoticeMailJob,
  'mail.registrationAttempt': registrationAttemptMailJob,
  'mail.billingReminder': billingReminderMail,
  'mail.loginFailures': loginFailuresMail,
  'mail.magicLink': magicLinkMail,
  'live.event': liveEvent,
  'mail.campaignTest': campaignTestMail,
  'notification.mail': notificationMail,
  'notification.digest': notificationDigest,
  'test.noop': async () => {},
}
