import { type Brand, frame, type Rendered } from '../layout'

export const passwordResetMail = (brand: Brand, user: { name: string }, resetUrl: string): Rendered =>
  frame(brand, {
    subject: `Reset your ${brand.name} password`,
    paragraphs: [
      `Hello ${user.name},`,
      'someone asked to reset the password of your account. If it was you, choose a new password below; the link works once and expires in one hour. If it was not you, ignore this mail.',
    ],
    action: { label: 'Choose a new password', url: resetUrl },
  })
