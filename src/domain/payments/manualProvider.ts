/**
 * The `manual` provider (bank transfer, cash): the client starts a payment, the money
 * arrives outside the platform, and staff confirm it. Nothing proves the money arrived
 * but the confirming person's word, so who may switch it on and who may confirm are
 * rules of their own.
 */

export type ManualSwitches = {
  /** The process runs with NODE_ENV=production. */
  production: boolean
  /** PAYMENTS_MANUAL_ENABLED as set for the deployment (undefined when unset). */
  deployment: boolean | undefined
  /** The website's own switch, `settings.payments.manualEnabled` (default off). */
  website: boolean
}

/**
 * Whether the manual provider takes payments and confirmations on a website:
 * - `PAYMENTS_MANUAL_ENABLED=false` switches it off on every website, in any environment;
 * - otherwise, outside production (development, tests) it is on for every website,
 *   whatever the website's switch says;
 * - in production only on websites whose switch is on: the variable cannot switch it on
 *   for a website that has not (`true` changes nothing there).
 */
export const manualPaymentsOn = ({ production, deployment, website }: ManualSwitches): boolean =>
  deployment !== false && (!production || website)

export type Confirmer = {
  /** The confirming user. */
  actor: number
  /** The payment's client. */
  payer: number
  /** Admin of the payment's website, or superadmin. */
  adminOfWebsite: boolean
}

/**
 * Why `actor` may not confirm that a manual payment's money arrived, or null when they
 * may: an admin of the payment's website or a superadmin, and never the payer (an admin
 * paying for something of their own is refused too: nobody vouches for their own money).
 */
export const confirmRefusal = ({ actor, payer, adminOfWebsite }: Confirmer): string | null => {
  if (actor === payer) return 'A payment is never confirmed by its payer: an admin of its website confirms that the money arrived.'
  if (!adminOfWebsite) return "Only an admin of the payment's website (or a superadmin) confirms a manual payment."
  return null
}
