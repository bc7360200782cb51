import { type Brand, frame, type Rendered } from '../layout'

export const loginFailuresMail = (brand: Brand, user: { name: string }, seen: { failures: number; windowMinutes: number }): Rendered =>
  frame(brand, {
    subject: `Failed logins to your ${brand.name} account`,
    paragraphs: [
      `Hello ${user.name},`,
      `someone tried to log in to your ${brand.name} account with a wrong password ${seen.failures} times within ${seen.windowMinutes} minutes. Your account is not locked and you can log in as usual; the addresses that keep failing are held back.`,
      'If these attempts were not yours, choose a new, long password that you use nowhere else (use "Forgot password" on the login page). Our staff have been told as well.',
    ],
  })
