import { z } from 'zod'

/**
 * What a client stores for the writer to sign in to the class portal. All of it is
 * sealed: the portal's address and the notes name the student's institution and often
 * hold hints (security questions, the 2FA contact) as sensitive as the password.
 */
export const portalCredentials = z.strictObject({
  username: z.string().trim().min(1, 'Required.').max(200, 'At most 200 characters.'),
  password: z.string().min(1, 'Required.').max(500, 'At most 500 characters.'),
  portalUrl: z.url({ protocol: /^https?$/, error: 'An http(s) address.' }).max(2000, 'At most 2000 characters.').optional(),
  notes: z.string().max(2000, 'At most 2000 characters.').optional(),
})

export type PortalCredentials = z.infer<typeof portalCredentials>
