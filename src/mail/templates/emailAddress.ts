import { type Brand, frame, type Rendered } from '../layout'

/** A new link verifying the account's address (asked for again). */
export const verifyEmailMail = (brand: Brand, user: { name: string }, url: string): Rendered =>
  frame(brand, {
    subject: `Confirm your email for ${brand.name}`,
    paragraphs: [`Hello ${user.name},`, 'please confirm that this address is yours. The link works once and expires in two days; an earlier link no longer works.'],
    action: { label: 'Confirm my email', url },
  })

/** To the new address: the change waits for this link. */
export const confirmEmailChangeMail = (brand: Brand, user: { name: string }, url: string): Rendered =>
  frame(brand, {
    subject: `Confirm your new email for ${brand.name}`,
    paragraphs: [
      `Hello ${user.name},`,
      `you asked to use this address for your ${brand.name} account. It takes effect once you confirm it; the link works once and expires in two days. If it was not you, ignore this mail.`,
    ],
    action: { label: 'Use this address', url },
  })

/** To the address being replaced: nothing changes unless the new address confirms. */
export const emailChangeNoticeMail = (brand: Brand, user: { name: string }, maskedNew: string): Rendered =>
  frame(brand, {
    subject: `A change of your ${brand.name} email was requested`,
    paragraphs: [
      `Hello ${user.name},`,
      `someone signed in to your account asked to use ${maskedNew} instead of this address. Nothing changes until the new address is confirmed. If it was not you, change your password and contact us.`,
    ],
  })

/** To an account's owner: someone registered on `website` with their address; no account was created. */
export const registrationAttemptMail = (brand: Brand, user: { name: string }, website: string, signInUrl: string | null): Rendered =>
  frame(brand, {
    subject: 'Someone tried to register with your email',
    paragraphs: [
      `Hello ${user.name},`,
      `someone tried to register a new account with your email address on ${website}. Your address already has an account, so no new account was created.`,
      'If it was you, sign in with your existing account, or reset your password if you do not remember it. If it was not you, you can ignore this mail.',
    ],
    ...(signInUrl ? { action: { label: 'Sign in', url: signInUrl } } : {}),
  })
