import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { actorOf } from '@/access/actor'
import { hasAnyRole, tenantRowsFor } from '@/access/rules'
import { MATCH_NOTHING } from '@/access/where'
import { ROLES } from '@/domain/roles'
import { env } from '@/env'
import { announceContentDelete, announceContentSave } from '@/hooks/announceContentChange'
import { stampTenant } from '@/hooks/stampTenant'
import { resolveTenant } from '@/operations/resolveTenant'

// Who writes a website's public files: its admins and content editors (QA editors only read them).
const CONTENT_ROLES = ['admin', 'content'] as const

/**
 * Public content files of a website (logos, images in pages). Visitors see the media of
 * the website they are on; signed-in users see their websites' media.
 */
export const Media: CollectionConfig<'media'> = {
  slug: 'media',
  // Payload's lock records are readable by any signed-in user across websites; off until scoped.
  lockDocuments: false,
  admin: { ...navigation('Content') },
  access: {
    read: async ({ req }) => {
      if (actorOf(req)) return tenantRowsFor([...ROLES])({ req })
      const { tenant } = await resolveTenant(req)
      return tenant ? { tenant: { equals: tenant.id } } : MATCH_NOTHING
    },
    create: hasAnyRole('superadmin', ...CONTENT_ROLES),
    update: tenantRowsFor([...CONTENT_ROLES]),
    delete: tenantRowsFor([...CONTENT_ROLES]),
  },
  // Images, their alt texts and addresses show in the public answers.
  hooks: { beforeValidate: [stampTenant], afterChange: [announceContentSave], afterDelete: [announceContentDelete] },
  upload: {
    staticDir: path.resolve(env().DATA_DIR, 'uploads', 'media'),
    mimeTypes: ['image/*', 'application/pdf'],
  },
  fields: [{ name: 'alt', type: 'text', required: true, maxLength: 300 }],
}
