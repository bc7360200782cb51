import { type Brand, frame, type Rendered } from '../layout'

export const loginFailuresMail = (brand: Brand, user: { name: string }, seen: { failures: number; windowMinutes: number }, unlockUrl: string, validHours: number): Rendered =>
  frame(brand, {
    subject: `Failed logins to your ${brand.name} account`,
    paragraphs: [
      `Hello ${user.name},`,
      `someone tried to log in to your ${brand.name} account with a wrong password ${seen.failures} times within ${seen.windowMinutes} minutes. Your account is not locked and you can log in as usual; the addresses that keep failing are locked out.`,
      `If these attempts were not yours, unlock and secure your account: ${unlockUrl} lifts every lockout of your account (the link works once, for ${validHours} hours); then choose a new, long password that you use nowhere else (use "Forgot password" on the login page). Our staff have been told as well.`,
    ],
  })
