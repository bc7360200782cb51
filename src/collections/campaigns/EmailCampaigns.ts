import { lexicalEditor } from '@payloadcms/richtext-lexical'
import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, nobody, tenantRowsFor } from '@/access/rules'
import { AUDIENCE_ROLES, AUDIENCE_SEGMENTS, MAX_SEGMENT_DAYS } from '@/domain/campaigns/audience'
import { CAMPAIGN_STATUSES, CAMPAIGN_WORKFLOW_WRITE, type CampaignStatus } from '@/domain/campaigns/workflow'
import { workflowEndpoints } from '@/endpoints/workflowActions'
import { ClientError, refuseField } from '@/errors'
import { actionPanelField } from '@/fields/actionPanel'
import { serverOnlyField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { stampTenant } from '@/hooks/stampTenant'

const EDITABLE: readonly CampaignStatus[] = ['draft', 'scheduled']

/** A campaign is edited while a draft or scheduled; once sending, what goes out is fixed (409). */
const lockOnceSending: CollectionBeforeChangeHook = ({ operation, originalDoc, req, data }) => {
  if (operation !== 'update' || req.context[CAMPAIGN_WORKFLOW_WRITE]) return data
  const status = (originalDoc as { status?: CampaignStatus } | undefined)?.status
  if (status && !EDITABLE.includes(status)) throw new ClientError(`A campaign that is ${status} can no longer be edited.`, 409, { status })
  return data
}

/**
 * While scheduled, the send time moves only to a later moment (400 naming scheduledAt):
 * cleared, the campaign would wait forever; in the past, it would skip the schedule's
 * own check and go at the next run (that is "send now", an action of its own).
 */
const keepScheduleAhead: CollectionBeforeChangeHook = ({ operation, originalDoc, req, data }) => {
  if (operation !== 'update' || req.context[CAMPAIGN_WORKFLOW_WRITE] || (originalDoc as { status?: CampaignStatus } | undefined)?.status !== 'scheduled') return data
  if (!('scheduledAt' in data)) return data
  const at = data.scheduledAt ? new Date(data.scheduledAt as string) : null
  const before = (originalDoc as { scheduledAt?: string | null }).scheduledAt ?? null
  if (at && before && at.getTime() === new Date(before).getTime()) return data
  if (!at || at.getTime() <= Date.now()) throw refuseField('email-campaigns', 'scheduledAt', 'scheduledAt: a scheduled campaign’s send time moves only to a later moment (unschedule it, or send now).', 400)
  return data
}

/** Mail needs no uploads or links to documents: the body is what a mail client shows. */
const mailEditor = lexicalEditor({ features: ({ defaultFeatures }) => defaultFeatures.filter((feature) => !['upload', 'relationship'].includes(feature.key)) })

const counter = (name: string, description: string) => serverOnlyField({ name, type: 'number' as const, defaultValue: 0, admin: { description } })

/**
 * A mail campaign to a website's users (reference §11, issue 15): subject, a rich-text
 * body sent as HTML and text, an audience of roles and/or a segment, and its workflow
 * (draft → scheduled → sending → sent | failed | cancelled; a test send to oneself). The
 * worker sends it in batches (src/operations/campaigns/send.ts) and keeps `progress` up to
 * date; its recipients, one row each, are in `email-recipients`. The website's admins
 * read and write campaigns.
 */
export const EmailCampaigns: CollectionConfig<'email-campaigns'> = {
  slug: 'email-campaigns',
  lockDocuments: false,
  labels: { singular: 'Mail campaign', plural: 'Mail campaigns' },
  graphQL: { singularName: 'EmailCampaign', pluralName: 'EmailCampaigns' },
  admin: { ...navigation('People'), useAsTitle: 'name', defaultColumns: ['name', 'subject', 'status', 'scheduledAt', 'startedAt', 'finishedAt'] },
  access: {
    read: tenantRowsFor(['admin']),
    create: hasAnyRole('superadmin', 'admin'),
    update: tenantRowsFor(['admin']),
    delete: nobody,
  },
  hooks: { beforeValidate: [stampTenant], beforeChange: [lockOnceSending, keepScheduleAhead] },
  endpoints: workflowEndpoints('email-campaigns'),
  fields: [
    actionPanelField(),
    { name: 'name', type: 'text', required: true, maxLength: 120, admin: { description: 'For the admin only; recipients see the subject.' } },
    { name: 'subject', type: 'text', required: true, maxLength: 200 },
    { name: 'body', type: 'richText', editor: mailEditor, admin: { description: 'Sent as HTML and as plain text, in the website’s branded frame, with an unsubscribe link.' } },
    {
      name: 'audience',
      type: 'group',
      admin: { description: 'The website’s users with any of the roles and in the segment (both narrow; give at least one). Unsubscribed and suppressed addresses are skipped.' },
      fields: [
        { name: 'roles', type: 'select', hasMany: true, options: [...AUDIENCE_ROLES] },
        { name: 'segment', type: 'select', defaultValue: 'none', options: [...AUDIENCE_SEGMENTS] },
        {
          name: 'days',
          type: 'number',
          min: 1,
          max: MAX_SEGMENT_DAYS,
          admin: { description: 'Recent / lapsed clients: with / without an order in this many days.', condition: (_data, sibling) => ['recentClients', 'lapsedClients'].includes(sibling?.segment) },
          validate: (value: number | null | undefined) => value == null || (Number.isInteger(value) && value >= 1 && value <= MAX_SEGMENT_DAYS) || `A whole number of days, 1 to ${MAX_SEGMENT_DAYS}.`,
        },
        { name: 'level', type: 'relationship', relationTo: 'writer-levels', admin: { condition: (_data, sibling) => sibling?.segment === 'writersOfLevel' } },
      ],
    },
    { name: 'scheduledAt', type: 'date', index: true, admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' }, description: 'When the schedule starts sending (action Schedule).' } },
    statusField({ statuses: CAMPAIGN_STATUSES, defaultValue: 'draft' }),
    {
      name: 'progress',
      type: 'group',
      admin: { position: 'sidebar', description: 'Written by the sender after every batch.' },
      fields: [
        counter('total', 'Recipients of the audience.'),
        counter('sent', 'Mails handed to the mail server.'),
        counter('failed', 'Refused by the mail server, or interrupted after claiming (never resent).'),
        counter('skipped', 'Unsubscribed, suppressed, or left when the campaign was cancelled.'),
      ],
    },
    serverOnlyField({ name: 'startedAt', type: 'date', admin: { position: 'sidebar' } }),
    serverOnlyField({ name: 'finishedAt', type: 'date', admin: { position: 'sidebar' } }),
  ],
}
