import { type Brand, frame, type Rendered } from '../layout'

/** The welcome of a new client; with `verifyUrl`, the link that verifies their address. */
export const welcomeMail = (brand: Brand, user: { name: string }, verifyUrl?: string): Rendered =>
  frame(brand, {
    subject: `Welcome to ${brand.name}`,
    paragraphs: [
      `Hello ${user.name},`,
      `your ${brand.name} account is ready. You can now place orders, follow their progress and talk to your writer.`,
      ...(verifyUrl ? ['Please confirm that this address is yours: the link works once and expires in two days.'] : []),
    ],
    ...(verifyUrl ? { action: { label: 'Confirm my email', url: verifyUrl } } : {}),
  })
