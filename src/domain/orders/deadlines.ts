const HOUR_MS = 3600 * 1000

/** Whole hours from now to a deadline, rounded up (the price uses them). */
export const hoursUntil = (deadline: Date, now: Date): number => Math.ceil((deadline.getTime() - now.getTime()) / HOUR_MS)

/**
 * The writer's deadline when none is given: created + 80 % of the time to the client
 * deadline (the reference's recommended rule), always before the client deadline.
 */
export const defaultWriterDeadline = (createdAt: Date, clientDeadline: Date, share = 0.8): Date =>
  new Date(createdAt.getTime() + Math.floor((clientDeadline.getTime() - createdAt.getTime()) * share))

/** Flags shown to staff (reference §3.11). */
export const orderFlags = (args: { writerDeadline: Date; now: Date; total: number; pages: number; firstOrder: boolean }) => {
  const hoursLeft = (args.writerDeadline.getTime() - args.now.getTime()) / HOUR_MS
  return {
    urgent: hoursLeft <= 12,
    highValue: args.total >= 20_000 || args.pages >= 15,
    firstOrder: args.firstOrder,
    returningClient: !args.firstOrder,
  }
}
