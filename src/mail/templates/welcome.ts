import { type Brand, frame, type Rendered } from '../layout'

export const welcomeMail = (brand: Brand, user: { name: string }): Rendered =>
  frame(brand, {
    subject: `Welcome to ${brand.name}`,
    paragraphs: [
      `Hello ${user.name},`,
      `your ${brand.name} account is ready. You can now place orders, follow their progress and talk to your writer.`,
    ],
  })
