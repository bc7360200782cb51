import type { Payload } from 'payload'

import type { Order } from '@/payload-types'

import type { createApi } from './api'

type Api = ReturnType<typeof createApi>

export const ESSAY = {
  topic: 'The Enlightenment',
  instructions: 'Three pages, sources in APA.',
  pages: 3,
  spacing: 'double',
  paperType: 'essay',
  workType: 'writing',
  academicLevel: 'undergrad',
  subject: 'humanities',
}

/** Drives orders of one website over REST as named users. */
export const workflowClient = (api: Api, host: string, tokens: Record<string, string>) => {
  const act = (who: string, orderId: number, action: string, body: Record<string, unknown> = {}) =>
    api.post(`/api/orders/${orderId}/actions/${action}`, { host, token: tokens[who], body })
  return {
    place: async (who: string, body: Record<string, unknown> = {}): Promise<Order> => {
      const res = await api.post('/api/orders', { host, token: tokens[who], body: { ...ESSAY, deadlineHours: 24 * 10, ...body } })
      if (res.status !== 201) throw new Error(`placing failed: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body.doc as Order
    },
    act,
    /** Performs an action that must succeed; returns the updated order. */
    must: async (who: string, orderId: number, action: string, body: Record<string, unknown> = {}): Promise<Order> => {
      const res = await act(who, orderId, action, body)
      if (res.status !== 200) throw new Error(`${who} ${action} on ${orderId}: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body.doc as Order
    },
    actions: (who: string, orderId: number) => api.get(`/api/orders/${orderId}/actions`, { host, token: tokens[who] }),
  }
}

/** A client's order paid (by staff), taken by `writer`, submitted and passed by the editor: delivered to the client. */
export const deliveredOrder = async (w: ReturnType<typeof workflowClient>, client = 'client', writer = 'writer'): Promise<Order> => {
  const order = await w.place(client)
  await w.must('admin', order.id, 'markPaid')
  await w.must(writer, order.id, 'take')
  await w.must(writer, order.id, 'submit')
  return w.must('editor', order.id, 'editorApprove')
}

export const eventsOf = async (payload: Payload, orderId: number) =>
  (await payload.find({ collection: 'order-events', where: { order: { equals: orderId } }, sort: 'createdAt', depth: 0, limit: 200 })).docs
