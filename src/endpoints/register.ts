import type { Endpoint } from 'payload'

import { registerClient } from '@/operations/registerClient'

import { readJsonBody } from './readJsonBody'

/** POST /api/auth/register { name, email, password } → 201 with the new client. */
export const registerEndpoint: Endpoint = {
  path: '/auth/register',
  method: 'post',
  handler: async (req) => {
    const body = await readJsonBody(req)
    const user = await registerClient(req, body)
    return Response.json(
      {
        message: 'Registered.',
        doc: { id: user.id, email: user.email, name: user.name, roles: user.roles },
      },
      { status: 201 },
    )
  },
}
