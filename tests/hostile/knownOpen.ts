import type { Finding } from './campaign'

/**
 * Findings whose fix belongs to another change in flight, each with where it is fixed.
 * They are printed with the figures but do not fail the run; delete an entry once its
 * fix is merged, and the campaign holds the line from then on.
 */
export const KNOWN_OPEN: { route: RegExp; note: RegExp; why: string }[] = []

export const knownOpen = (finding: Finding) => KNOWN_OPEN.find((known) => known.route.test(finding.route) && known.note.test(finding.note))
