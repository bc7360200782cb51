import { type Actor, idOf } from '@/access/actor'
import { SYSTEM } from '@/domain/workflow/define'
import { onWebsite, type WebsiteActor } from '@/domain/workflow/websiteActor'

/** The actor as a staff-run workflow's rules see them on a record of `tenant`; the platform when null. */
export const websiteActorOf = (actor: Actor | null, tenant: number): WebsiteActor | typeof SYSTEM => (actor ? onWebsite(actor, tenant) : SYSTEM)

type PartyRef = number | { id: number } | null | undefined

/**
 * The actor on a record of `tenant`, with one flag per party of the record (`client`,
 * `writer`, `opener`…) saying whether the actor is that party; the platform when null.
 */
export const actorAs = <P extends string>(actor: Actor | null, tenant: number, parties: Record<P, PartyRef>): (WebsiteActor & Record<P, boolean>) | typeof SYSTEM => {
  if (!actor) return SYSTEM
  const flags = Object.fromEntries(Object.entries<PartyRef>(parties).map(([party, ref]) => [party, actor.id === idOf(ref)])) as Record<P, boolean>
  return { ...onWebsite(actor, tenant), ...flags }
}
