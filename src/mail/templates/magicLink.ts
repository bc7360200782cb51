import { type Brand, frame, type Rendered } from '../layout'

export const magicLinkMail = (brand: Brand, user: { name: string }, signInUrl: string): Rendered =>
  frame(brand, {
    subject: `Sign in to ${brand.name}`,
    paragraphs: [
      `Hello ${user.name},`,
      `someone asked to sign in to your ${brand.name} account with a link instead of a password. If it was you, use the link below; it works once and expires in 15 minutes. If it was not you, ignore this mail: nobody can sign in without it.`,
    ],
    action: { label: `Sign in to ${brand.name}`, url: signInUrl },
  })
