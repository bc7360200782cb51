import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { freePort } from '@/server/embeddedPostgres'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { placeOrderFor, tinyPng } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Uploads go to a real S3-compatible server (s3rver, from npm) when S3_* is set, and
 * come back through Payload's access-checked file route.
 */

const BUCKET = 'scriptorium-test'
let t: TestContext
let s3: S3rver
let scratch: string
let client: S3Client

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-s3-'))
  const port = await freePort()
  s3 = new S3rver({ port, address: '127.0.0.1', directory: scratch, silent: true, configureBuckets: [{ name: BUCKET, configs: [] }] })
  await s3.run()
  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  })
  client = new S3Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  t = await startTestPayload()
})
afterAll(async () => {
  await t?.close()
  await s3?.close()
  for (const name of ['S3_BUCKET', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) delete process.env[name]
  await rm(scratch, { recursive: true, force: true })
})

const objectKeys = async () => ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key)

it('uploads to S3, serves the file back through Payload to the right website only, and deletes it', async () => {
  const token = await t.api.login('content@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
  const png = await tinyPng()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'cover.png')
  form.append('_payload', JSON.stringify({ alt: 'A cover' }))
  const upload = await t.api.post('/api/media', { host: 'alpha.test', token, body: form })
  expect(upload.status, JSON.stringify(upload.body)).toBe(201)
  const doc = upload.body.doc as { id: number; filename: string; url: string }
  expect(await objectKeys()).toContain(doc.filename)

  const download = await t.api.get(`/api/media/file/${doc.filename}`, { host: 'alpha.test' })
  expect(download.status).toBe(200)
  expect(download.headers.get('content-type')).toBe('image/png')

  // Another website's visitors cannot fetch it.
  const elsewhere = await t.api.get(`/api/media/file/${doc.filename}`, { host: 'beta.test' })
  expect([403, 404]).toContain(elsewhere.status)

  const removed = await t.api.delete(`/api/media/${doc.id}`, { host: 'alpha.test', token })
  expect(removed.status).toBe(200)
  expect(await objectKeys()).not.toContain(doc.filename)
})

it('serves private order files from S3 only to those the order’s rules allow', async () => {
  const login = (who: string) => t.api.login(`${who}@alpha.test`, DEMO_PASSWORD, { host: 'alpha.test' })
  const [writer, client, admin] = [await login('writer'), await login('client'), await login('admin')]
  const { docs: tenants } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } } })
  const { docs: writers } = await t.payload.find({ collection: 'users', where: { email: { equals: 'writer@alpha.test' } } })
  const order = await placeOrderFor(t.payload, tenants[0]!.id, 'client@alpha.test')
  await t.payload.update({ collection: 'orders', id: order.id, data: { status: 'in_progress', writer: writers[0]!.id } })

  const form = new FormData()
  form.append('file', new Blob(['the finished paper'], { type: 'text/plain' }), 'final.txt')
  form.append('_payload', JSON.stringify({ order: order.id, purpose: 'final' }))
  const upload = await t.api.post('/api/order-files', { host: 'alpha.test', token: writer, body: form })
  expect(upload.status, JSON.stringify(upload.body)).toBe(201)
  const { filename } = upload.body.doc as { filename: string }
  expect(await objectKeys()).toContain(filename)

  const download = (token?: string) => t.api.get(`/api/order-files/file/${filename}`, { host: 'alpha.test', token })
  expect((await download()).status).toBe(403)
  expect((await download(client)).status).toBe(403)
  const staff = await download(admin)
  expect(staff.status).toBe(200)
  expect(staff.body).toBe('the finished paper')
  expect(staff.headers.get('cache-control')).toBe('private, no-store')

  await t.payload.update({ collection: 'orders', id: order.id, data: { paymentStatus: 'fully_paid' } })
  expect((await download(client)).status).toBe(200)
})
