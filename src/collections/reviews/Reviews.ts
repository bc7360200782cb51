import type { Access, CollectionConfig, Where } from 'payload'

import { actorOf, hasRole } from '@/access/actor'
import { navigation } from '@/access/navigation'
import { fieldExceptFor, nobody, staffField } from '@/access/rules'
import { inActorTenants, MATCH_NOTHING } from '@/access/where'
import { MODERATION_REASONS, REVIEW_KINDS, REVIEW_TEXT_MAX } from '@/domain/reviews/rules'
import { REVIEW_STATUSES } from '@/domain/reviews/workflow'
import { workflowEndpoints } from '@/endpoints/workflowActions'
import { actionPanelField } from '@/fields/actionPanel'
import { readableBy } from '@/fields/readableBy'
import { serverOnlyField, setOnCreateField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { announceContentDelete, announceContentSave } from '@/hooks/announceContentChange'
import { stampTenant } from '@/hooks/stampTenant'
import { announceReview, prepareReview } from '@/operations/reviews/submit'

/**
 * Admins and support of the website read its reviews (and moderate them); a client reads
 * their own, whatever their status; a writer the approved reviews of their work.
 */
const readReviews: Access = ({ req }) => {
  const actor = actorOf(req)
  if (!actor) return false
  const website = inActorTenants(actor)
  if (website === true) return true
  if (hasRole(actor, 'admin', 'support')) return website
  const own: Where[] = []
  if (hasRole(actor, 'client')) own.push({ client: { equals: actor.id } })
  if (hasRole(actor, 'writer')) own.push({ and: [{ writer: { equals: actor.id } }, { status: { equals: 'approved' } }] })
  if (own.length === 0) return MATCH_NOTHING
  return { and: [website, own.length === 1 ? own[0]! : { or: own }] }
}

const notForWriters = fieldExceptFor('writer')

/**
 * Reviews (`docs/reviews.md`): a client reviews an order of theirs once it is completed
 * (or archived within 60 days of completion), or the website, with `POST /api/reviews`
 * (`prepareReview` checks and completes it; a second review of the order is a 409).
 * Moderation is the workflow `reviews` (approve, reject, flag, with reasons); only
 * approved reviews are public (`GET /api/public/reviews`), their writers by pen name.
 */
export const Reviews: CollectionConfig<'reviews'> = {
  slug: 'reviews',
  lockDocuments: false,
  endpoints: workflowEndpoints('reviews'),
  admin: { ...navigation('People'), defaultColumns: ['kind', 'order', 'writer', 'rating', 'writerRating', 'status', 'createdAt'] },
  access: { read: readReviews, create: ({ req }) => hasRole(actorOf(req), 'client'), update: nobody, delete: nobody },
  hooks: {
    beforeValidate: [stampTenant, ({ data, req, operation }) => (operation === 'create' && data ? prepareReview(req, data) : data)],
    // Approved reviews show in the public list and in testimonials.
    afterChange: [({ doc, req, operation }) => (operation === 'create' ? announceReview(req, doc) : doc), announceContentSave],
    afterDelete: [announceContentDelete],
  },
  indexes: [{ fields: ['tenant', 'status', 'createdAt'] }, { fields: ['writer', 'status'] }],
  fields: [
    actionPanelField(),
    serverOnlyField({ name: 'kind', type: 'select', required: true, defaultValue: 'website', options: [...REVIEW_KINDS], admin: { description: 'A review of an order (and its writer) or of the website.' } }),
    setOnCreateField({ name: 'order', type: 'relationship', relationTo: 'orders', unique: true, index: true, admin: { description: 'Empty: a review of the website. One review per order.' } }),
    readableBy(notForWriters, userRefField('client', { roles: ['client'], serverOnly: true, required: true })),
    userRefField('writer', { roles: ['writer'], serverOnly: true, description: 'The order’s writer; shown publicly by pen name only.' }),
    setOnCreateField({ name: 'rating', type: 'number', required: true, min: 1, max: 5, admin: { description: '1–5 stars.' } }),
    setOnCreateField({ name: 'writerRating', type: 'number', min: 1, max: 5, admin: { description: '1–5 stars for the writer (order reviews; empty: the rating counts for the writer).' } }),
    setOnCreateField({ name: 'text', type: 'textarea', required: true, maxLength: REVIEW_TEXT_MAX }),
    statusField({ statuses: REVIEW_STATUSES, defaultValue: 'pending', tones: { flagged: 'warning' } }),
    {
      name: 'moderation',
      type: 'group',
      admin: { description: 'The last moderation action (workflow actions).' },
      fields: [
        readableBy(notForWriters, serverOnlyField({ name: 'reasons', type: 'select', hasMany: true, options: [...MODERATION_REASONS] })),
        readableBy(staffField, serverOnlyField({ name: 'note', type: 'textarea', maxLength: 2000 })),
        readableBy(staffField, userRefField('moderatedBy', { serverOnly: true })),
        serverOnlyField({ name: 'moderatedAt', type: 'date' }),
      ],
    },
  ],
}
