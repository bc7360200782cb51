import { randomBytes } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import type { DiscountOrigin } from '@/domain/discounts/evaluate'
import type { Discount } from '@/payload-types'

export type IssueDiscountCode = {
  tenant: number
  name: string
  origin: DiscountOrigin
  kind: 'percentage' | 'fixed'
  value: number
  maxDiscount?: number | null
  /** The only client who may use it; absent: anyone of the website. */
  client?: number | null
  firstOrderOnly?: boolean
  usageLimit?: number | null
  perClientLimit?: number | null
  endsAt?: Date | null
}

// No 0/O or 1/I: a code read aloud or copied by hand still works.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

const randomCode = (origin: DiscountOrigin): string => {
  const bytes = randomBytes(10)
  const tail = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
  return `${origin.toUpperCase().replace(/_/g, '')}-${tail}`
}

/**
 * Creates an active discount with a generated code, for the platform's own reasons (a
 * loyalty reward, a referral): 10 random characters out of 32 make a clash unlikely, and
 * the unique (tenant, code) index makes one impossible: a clash is retried with a new code.
 * Runs in the caller's transaction when there is one.
 */
export const issueDiscountCode = async (req: PayloadRequest, input: IssueDiscountCode): Promise<Discount> => {
  for (let attempt = 0; ; attempt++) {
    const code = randomCode(input.origin)
    const taken = await req.payload.count({ collection: 'discounts', where: { and: [{ tenant: { equals: input.tenant } }, { code: { equals: code } }] }, ...asSystem(proofOf(req)), req })
    if (taken.totalDocs > 0) {
      if (attempt >= 5) throw new Error('issueDiscountCode: could not find a free code')
      continue
    }
    return req.payload.create({
      collection: 'discounts',
      data: {
        tenant: input.tenant,
        code,
        name: input.name,
        kind: input.kind,
        value: input.value,
        maxDiscount: input.maxDiscount ?? null,
        minPayable: 0,
        usageLimit: input.usageLimit ?? null,
        perClientLimit: input.perClientLimit ?? null,
        firstOrderOnly: input.firstOrderOnly ?? false,
        eligibleClients: input.client ? [input.client] : [],
        endsAt: input.endsAt ? input.endsAt.toISOString() : null,
        origin: input.origin,
        active: true,
        archived: false,
      },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
  }
}
