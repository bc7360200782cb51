import type { Actor } from '@/access/actor'
import { SYSTEM } from '@/domain/workflow/define'
import { onWebsite, type WebsiteActor } from '@/domain/workflow/websiteActor'

/** The actor as a staff-run workflow's rules see them on a record of `tenant`; the platform when null. */
export const websiteActorOf = (actor: Actor | null, tenant: number): WebsiteActor | typeof SYSTEM => (actor ? onWebsite(actor, tenant) : SYSTEM)
