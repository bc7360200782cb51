/** A website's staffing settings and their defaults (reference WriterConfig). */
export type StaffingSettings = {
  takesEnabled: boolean
  /** Hours an invited preferred writer has before the order falls back to the pool. */
  invitationHours: number
}

export const DEFAULT_STAFFING: StaffingSettings = { takesEnabled: true, invitationHours: 24 }

type Visibility = 'hidden' | 'pool' | 'preferred_writer_only'
type PreferredStatus = 'not_requested' | 'invited' | 'accepted' | 'declined' | 'expired' | 'fallback_to_pool'

/**
 * Where a paid, unstaffed order goes: to its preferred writer first (an invitation),
 * unless that writer already declined or let it expire; otherwise to the pool.
 */
export const routing = (order: { preferredWriter: number | null; preferredWriterStatus: PreferredStatus | null }, now: Date): { visibility: Visibility; preferredWriterStatus: PreferredStatus; invitedAt: string | null } => {
  const status = order.preferredWriterStatus ?? 'not_requested'
  if (order.preferredWriter && (status === 'not_requested' || status === 'invited')) {
    return { visibility: 'preferred_writer_only', preferredWriterStatus: 'invited', invitedAt: now.toISOString() }
  }
  return { visibility: 'pool', preferredWriterStatus: order.preferredWriter ? 'fallback_to_pool' : 'not_requested', invitedAt: null }
}
