/**
 * The vocabulary of notifications (reference §9): what a `notify()` call names. Event keys
 * are `<area>.<what>` (`order.assigned`, `payment.succeeded`, `ticket.replied`, …); each
 * belongs to a category, which is what people choose channels for in their preferences.
 */
export const NOTIFICATION_CATEGORIES = ['orders', 'payments', 'payouts', 'fines', 'tickets', 'reviews', 'account', 'marketing'] as const
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number]

/** `critical` ignores mute and do-not-disturb and is never rate-limited or held for a digest. */
export const NOTIFICATION_PRIORITIES = ['low', 'normal', 'high', 'critical'] as const
export type NotificationPriority = (typeof NOTIFICATION_PRIORITIES)[number]

export const NOTIFICATION_CHANNELS = ['inApp', 'email', 'live'] as const
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]

/** What an operation hands `notify()`: who, what happened, and the facts its texts are made of. */
export type NotifyInput = {
  /** `<area>.<what>`, e.g. `order.assigned`; its category is the part before the dot unless the catalogue says otherwise. */
  event: string
  /** Users told; the actor (who already knows) is left out by the caller. Duplicates are told once. */
  recipients: readonly number[]
  tenant: number
  /** Facts of the event (ids, numbers, amounts in cents, statuses); never secrets. Texts and links are built from them. */
  data: Record<string, unknown>
  priority?: NotificationPriority
  /**
   * Makes a retry of the same event tell nobody twice: one notification per recipient and
   * key (default: event + the data's `id`/`orderId` + recipient).
   */
  key?: string
}
