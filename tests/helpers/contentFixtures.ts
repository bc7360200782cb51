import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { createLocalReq, type Payload } from 'payload'

export const userByEmail = async (payload: Payload, email: string) => {
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })
  if (!docs[0]) throw new Error(`no user ${email}`)
  return docs[0]
}

export const websiteBySlug = async (payload: Payload, slug: string) => {
  const { docs } = await payload.find({ collection: 'tenants', where: { slug: { equals: slug } }, limit: 1, depth: 0 })
  if (!docs[0]) throw new Error(`no website ${slug}`)
  return docs[0].id
}

let serial = 0

/** An author of the website (posts need a primary author to be published). */
export const authorOf = async (payload: Payload, tenant: number) =>
  payload.create({ collection: 'authors', data: { tenant, name: `Author ${tenant} ${++serial}` } as never, depth: 0 })

/** A post saved as a draft by `email` through the Local API as that user (their access and hooks). */
export const draftPost = async (payload: Payload, email: string, data: Record<string, unknown>) => {
  const user = await userByEmail(payload, email)
  return payload.create({ collection: 'posts', data: { ...data, _status: 'draft' } as never, draft: true, depth: 0, overrideAccess: false, user })
}

/**
 * Schedules a publish or unpublish the way the admin's schedule drawer does: Payload's
 * own server function, as the signed-in user (who is recorded in the job and whose
 * rights the job runs with).
 */
export const schedule = async (payload: Payload, email: string, type: 'publish' | 'unpublish', doc: { relationTo: 'posts' | 'pages'; value: number }, at: Date) => {
  const user = await userByEmail(payload, email)
  const req = await createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)
  const answer = (await schedulePublishHandler({ type, date: at, doc: { relationTo: doc.relationTo, value: String(doc.value) }, req } as never)) as { error?: string }
  if (answer.error) throw new Error(answer.error)
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ 'input.doc.value': { equals: String(doc.value) } }, { 'input.doc.relationTo': { equals: doc.relationTo } }, { completedAt: { exists: false } }] },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
  })
  if (!docs[0]) throw new Error('the schedule queued no job')
  return docs[0]
}
