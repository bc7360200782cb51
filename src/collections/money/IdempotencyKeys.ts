import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, superadminRows } from '@/access/rules'
import { userRefField } from '@/fields/userRef'

/**
 * Answers of money-moving requests by `Idempotency-Key` (per user and endpoint): the
 * same key gets the first answer again; the same key with another body gets 422.
 * Platform bookkeeping, read by superadmins only.
 */
export const IdempotencyKeys: CollectionConfig<'idempotency-keys'> = {
  slug: 'idempotency-keys',
  lockDocuments: false,
  admin: { ...navigation('Platform') },
  access: { read: superadminRows, create: nobody, update: nobody, delete: superadminRows },
  indexes: [{ fields: ['user', 'scope', 'key'], unique: true }],
  fields: [
    userRefField('user', { required: true }),
    { name: 'scope', type: 'text', required: true, maxLength: 64 },
    { name: 'key', type: 'text', required: true, maxLength: 255 },
    { name: 'requestHash', type: 'text', required: true, maxLength: 64 },
    { name: 'status', type: 'select', required: true, defaultValue: 'in_progress', options: ['in_progress', 'done'] },
    { name: 'responseStatus', type: 'number' },
    // The exact JSON text sent, so a replay is byte-identical (jsonb would reorder keys).
    { name: 'responseBody', type: 'textarea' },
    // The attempt holding the key, until when, and whether its change has committed
    // (src/operations/payments/idempotency.ts: a dead owner's key is taken over).
    { name: 'owner', type: 'text', maxLength: 36 },
    { name: 'leaseUntil', type: 'date' },
    { name: 'appliedAt', type: 'date' },
  ],
}
