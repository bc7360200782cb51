import type { PayloadRequest } from 'payload'

import { asSystem, type SystemProof } from '@/access/system'
import { sealCredentials } from '@/domain/credentials/seal'
import { sealContext } from '@/operations/credentials/sealedRow'
import { credentialKeyRing } from '@/security/credentialKeys'

import { demoEmail } from './demoData'

/**
 * The portal login of the demo client's worked class (the one writer@<website>.test is
 * assigned to), sealed under the current key, and one view of it by the website's admin in
 * the access log, unless stored already. The writer reads it with
 * `GET /api/class-orders/:id/credentials`.
 */
export const ensureDemoClassCredentials = async (req: PayloadRequest, proof: SystemProof, tenantId: number, slug: string): Promise<boolean> => {
  const person = async (local: string) => (await req.payload.find({ collection: 'users', where: { email: { equals: demoEmail(local, slug) } }, limit: 1, depth: 0, ...asSystem(proof), req })).docs[0]
  const [client, admin] = [await person('client'), await person('admin')]
  if (!client || !admin) return false
  const { docs } = await req.payload.find({
    collection: 'class-orders',
    where: { and: [{ tenant: { equals: tenantId } }, { client: { equals: client.id } }, { writer: { exists: true } }] },
    sort: 'id',
    limit: 1,
    depth: 0,
    ...asSystem(proof),
    req,
  })
  const worked = docs[0]
  if (!worked) return false
  if ((await req.payload.count({ collection: 'class-access', where: { classOrder: { equals: worked.id } }, ...asSystem(proof), req })).totalDocs > 0) return false
  const sealed = sealCredentials(
    { username: `student.${slug}`, password: `Demo-portal-${slug}-2026`, portalUrl: 'https://lms.northfield.example.edu', notes: 'Duo push to the client’s phone; text them first.' },
    credentialKeyRing(),
    sealContext(worked.id),
  )
  await req.payload.create({
    collection: 'class-access',
    data: { tenant: tenantId, classOrder: worked.id, keyId: sealed.keyId, credentialsIv: sealed.iv, credentialsTag: sealed.tag, credentialsCiphertext: sealed.ciphertext, twoFactorWindow: 'Weekdays 9:00–18:00 America/New_York', updatedBy: client.id },
    depth: 0,
    ...asSystem(proof),
    req,
  })
  await req.payload.create({
    collection: 'class-access-views',
    data: { tenant: tenantId, classOrder: worked.id, viewer: admin.id, role: 'admin', reason: 'Demo: checked the login works before assigning', at: new Date().toISOString(), outcome: 'granted', answer: 200 },
    depth: 0,
    ...asSystem(proof),
    req,
  })
  return true
}
