import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { CONTENT_SCHEDULES, runScheduledPublishing } from '@/jobs/contentSchedules'
import { startJobRuntime } from '@/jobs/runtime'
import { SCHEDULES } from '@/jobs/schedules'

import { authorOf, draftPost, schedule, websiteBySlug } from '../helpers/contentFixtures'
import { runSchedule } from '../helpers/schedules'
import { lexicalBody, para } from '../helpers/lexical'
import { hasRedisServer, startPrivateRedis } from '../helpers/redis'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let alpha: number
let author: number
const SCHEDULE = 'content-scheduled-publishing'
const CONTENT = 'content@alpha.test'
const READER = { headers: { 'x-tenant': 'alpha' } }

beforeAll(async () => {
  t = await startTestPayload()
  alpha = await websiteBySlug(t.payload, 'alpha')
  author = (await authorOf(t.payload, alpha)).id
})
afterAll(async () => {
  await t?.close()
})
afterEach(() => {
  vi.useRealTimers()
})

let serial = 0
const newPost = (extra: Record<string, unknown> = {}) => {
  const slug = `scheduled-${Date.now().toString(36)}-${++serial}`
  return draftPost(t.payload, CONTENT, { tenant: alpha, title: `Scheduled ${serial}`, slug, body: lexicalBody(para('A post that waits for its hour.')), primaryAuthor: author, ...extra })
}

/** What an anonymous reader of Alpha gets from Payload's REST for the slug. */
const publicDocs = async (slug: string) => {
  const res = await t.api.get(`/api/posts?where[slug][equals]=${slug}&depth=0`, READER)
  expect(res.status).toBe(200)
  return res.body.docs as { id: number; _status: string }[]
}
const publicById = async (id: number) => (await t.api.get(`/api/posts/${id}?depth=0`, { ...READER, unchecked: true })).status

/** The clock the job runner and the schedule read, moved to `at` (timers stay real). */
const clockAt = (at: Date) => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at)
}

const jobRow = async (id: number | string) => (await t.payload.find({ collection: 'payload-jobs', where: { id: { equals: id } }, depth: 0 })).docs[0]

describe('scheduled publishing through the worker schedule', () => {
  it('is one of the runtime schedules, every 30 s', () => {
    const entry = SCHEDULES.find((s) => s.id === SCHEDULE)
    expect(entry).toBe(CONTENT_SCHEDULES[0])
    expect(entry?.everyMs).toBe(30_000)
  })

  it('a post scheduled for T is not public before T and is once the schedule runs at T; a scheduled unpublish takes it down', async () => {
    const post = await newPost()
    const T = new Date(Date.now() + 60_000)
    const job = await schedule(t.payload, CONTENT, 'publish', { relationTo: 'posts', value: post.id }, T)
    expect(new Date(job.waitUntil!).toISOString()).toBe(T.toISOString())

    expect(await publicDocs(post.slug)).toEqual([])
    expect(await publicById(post.id)).toBe(404)

    // One second before T: the schedule runs, the job is not due.
    clockAt(new Date(T.getTime() - 1000))
    expect(await runSchedule(t.payload, SCHEDULE, new Date())).toMatchObject({ ran: 0 })
    expect(await publicDocs(post.slug)).toEqual([])

    // At T (plus the tick's delay): published, and the job is done (Payload deletes done jobs).
    clockAt(new Date(T.getTime() + 1000))
    expect(await runSchedule(t.payload, SCHEDULE, new Date())).toMatchObject({ ran: 1, failed: 0 })
    const docs = await publicDocs(post.slug)
    expect(docs.map((d) => [d.id, d._status])).toEqual([[post.id, 'published']])
    expect(await jobRow(job.id)).toBeUndefined()
    vi.useRealTimers()

    const T2 = new Date(Date.now() + 120_000)
    await schedule(t.payload, CONTENT, 'unpublish', { relationTo: 'posts', value: post.id }, T2)
    expect(await publicDocs(post.slug)).toHaveLength(1)
    clockAt(new Date(T2.getTime() + 1000))
    expect(await runSchedule(t.payload, SCHEDULE, new Date())).toMatchObject({ ran: 1, failed: 0 })
    expect(await publicDocs(post.slug)).toEqual([])
    expect(await publicById(post.id)).toBe(404)
  })

  it("a tick never runs a job due after its own clock, even when Payload's clock is later", async () => {
    const post = await newPost()
    const T = new Date(Date.now() + 60_000)
    const job = await schedule(t.payload, CONTENT, 'publish', { relationTo: 'posts', value: post.id }, T)
    clockAt(new Date(T.getTime() + 5000))
    expect(await runScheduledPublishing(t.payload, new Date(T.getTime() - 1000))).toMatchObject({ ran: 0 })
    expect(await publicDocs(post.slug)).toEqual([])
    expect(await jobRow(job.id)).toMatchObject({ hasError: false })
    expect(await runScheduledPublishing(t.payload, new Date())).toMatchObject({ ran: 1, failed: 0 })
    expect(await publicDocs(post.slug)).toHaveLength(1)
  })

  it('a scheduled publish the pre-publish checks block fails visibly: error on the job, logged, the post stays a draft', async () => {
    // No primary author: a blocker (saving a draft without one is allowed).
    const post = await newPost({ primaryAuthor: null })
    const T = new Date(Date.now() + 60_000)
    const job = await schedule(t.payload, CONTENT, 'publish', { relationTo: 'posts', value: post.id }, T)
    const logged = vi.spyOn(t.payload.logger, 'error')
    clockAt(new Date(T.getTime() + 1000))
    expect(await runSchedule(t.payload, SCHEDULE, new Date())).toMatchObject({ ran: 1, failed: 1 })
    vi.useRealTimers()
    expect(logged.mock.calls.some(([entry]) => JSON.stringify(entry).includes(String(job.id)) || JSON.stringify(entry).includes('schedulePublish'))).toBe(true)
    logged.mockRestore()
    const failed = await jobRow(job.id)
    expect(failed?.hasError).toBe(true)
    expect(JSON.stringify(failed?.error)).toMatch(/primaryAuthor|author/i)
    expect(await publicDocs(post.slug)).toEqual([])
    const stored = await t.payload.findByID({ collection: 'posts', id: post.id, draft: true, depth: 0 })
    expect(stored._status).toBe('draft')
    // A failed job is not tried again on the next tick.
    clockAt(new Date(T.getTime() + 60_000))
    expect(await runSchedule(t.payload, SCHEDULE, new Date())).toMatchObject({ ran: 0 })
  })

  it("the job runs with the scheduling user's rights: Beta's content editor cannot publish Alpha's post by scheduling it", async () => {
    const post = await newPost()
    const T = new Date(Date.now() + 60_000)
    const job = await schedule(t.payload, 'content@beta.test', 'publish', { relationTo: 'posts', value: post.id }, T)
    clockAt(new Date(T.getTime() + 1000))
    expect(await runSchedule(t.payload, SCHEDULE, new Date())).toMatchObject({ ran: 1, failed: 1 })
    vi.useRealTimers()
    expect((await jobRow(job.id))?.hasError).toBe(true)
    expect(await publicDocs(post.slug)).toEqual([])
  })

  it('nobody runs, queues or reads jobs over the API but a superadmin reading them; Payload’s run route is gone', async () => {
    const admin = await t.api.login('admin@alpha.test', 'Scriptorium-demo-1', { host: 'alpha.test' })
    const content = await t.api.login(CONTENT, 'Scriptorium-demo-1', { host: 'alpha.test' })
    const superadmin = await t.api.login('superadmin@scriptorium.test', 'Scriptorium-demo-1', { host: 'alpha.test' })
    for (const token of [admin, content, superadmin]) {
      expect((await t.api.get('/api/payload-jobs/run', { token, host: 'alpha.test', unchecked: true })).status).toBe(404)
      expect((await t.api.post('/api/payload-jobs', { token, host: 'alpha.test', body: { taskSlug: 'schedulePublish', input: {} }, unchecked: true })).status).toBe(403)
    }
    for (const token of [admin, content]) {
      const list = await t.api.get('/api/payload-jobs', { token, host: 'alpha.test', unchecked: true })
      expect(list.status === 403 || (list.status === 200 && list.body.totalDocs === 0)).toBe(true)
    }
    const post = await newPost()
    await schedule(t.payload, CONTENT, 'publish', { relationTo: 'posts', value: post.id }, new Date(Date.now() + 3600_000))
    const list = await t.api.get('/api/payload-jobs?depth=0', { token: superadmin, host: 'alpha.test', unchecked: true })
    expect(list.status).toBe(200)
    expect(list.body.totalDocs).toBeGreaterThan(0)
  })

  it('runs in both runtimes: in this process without Redis, and on BullMQ in the worker with Redis', async () => {
    // The entry itself, ticking faster than its 30 s so the test need not wait.
    const fast = [{ ...CONTENT_SCHEDULES[0]!, everyMs: 100 }]
    const publishedBy = async (redisUrl: string | null) => {
      const post = await newPost()
      await schedule(t.payload, CONTENT, 'publish', { relationTo: 'posts', value: post.id }, new Date(Date.now() - 1000))
      const runtime = await startJobRuntime({ payload: t.payload, redisUrl, work: true, schedules: fast })
      try {
        await expect.poll(async () => (await publicDocs(post.slug)).length, { timeout: 20_000, interval: 200 }).toBe(1)
      } finally {
        await runtime.close()
      }
    }
    await publishedBy(null)
    if (!hasRedisServer()) throw new Error('redis-server is not installed: the worker runtime needs Redis')
    const redis = await startPrivateRedis()
    try {
      await publishedBy(redis.url)
    } finally {
      await redis.stop()
    }
  })
})
