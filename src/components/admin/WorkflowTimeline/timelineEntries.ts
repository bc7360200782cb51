import { humanize } from '../ActionPanel/actionForm'

/** One line of a record's business timeline as the admin draws it. */
export type TimelineEntry = { id: number; action: string; label: string; change: string | null; actor: string; reason: string | null; at: string }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The actor as people know them: name, else email, else `user <id>`; none is the platform (a schedule). */
const actorName = (actor: unknown): string => {
  if (isRecord(actor)) {
    const name = typeof actor.name === 'string' && actor.name.trim() ? actor.name : typeof actor.email === 'string' ? actor.email : null
    return name ?? `user ${String(actor.id)}`
  }
  return typeof actor === 'number' ? `user ${actor}` : 'the platform'
}

/**
 * The rows of `GET /api/workflow-events` (depth 1) as timeline lines, newest first:
 * the action's name made readable (`quote.accept`, a step of a related record: "Quote accept"), the status change when there was one, who did it
 * and why. Rows of another shape are skipped rather than drawn half.
 */
export const timelineEntriesOf = (body: unknown): TimelineEntry[] => {
  const docs = isRecord(body) && Array.isArray(body.docs) ? body.docs : []
  return docs.filter(isRecord).flatMap((row) => {
    if (typeof row.id !== 'number' || typeof row.action !== 'string' || typeof row.createdAt !== 'string') return []
    const from = typeof row.from === 'string' ? row.from : ''
    const to = typeof row.to === 'string' ? row.to : ''
    return [{ id: row.id, action: row.action, label: humanize(row.action.replace(/\./g, ' ')), change: from && to && from !== to ? `${humanize(from)} → ${humanize(to)}` : null, actor: actorName(row.actor), reason: typeof row.reason === 'string' && row.reason ? row.reason : null, at: row.createdAt }]
  })
}

/** The query of a document's timeline: its events, newest first, the actor's name and email only. */
export const timelineQuery = (collection: string, id: string | number, limit = 50): string =>
  `where[collection][equals]=${encodeURIComponent(collection)}&where[document][equals]=${encodeURIComponent(String(id))}&sort=-createdAt&limit=${limit}&depth=1&populate[users][name]=true&populate[users][email]=true`
