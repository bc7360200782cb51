import type { FieldAccess, GroupField } from 'payload'

import { actorOf } from '@/access/actor'
import { contentRights } from '@/access/content'
import { isPreviewPattern } from '@/domain/content/preview'

/** The website's content settings are read by those who publish on it (and admins write them). */
export const contentSettingsReader: FieldAccess = ({ req, doc }) => contentRights(actorOf(req), (doc as { id?: number } | undefined)?.id)

const URL_PATH = /^\/\S*$/

/** SEO defaults, the name the site goes by, where previews open, extra robots.txt rules. */
export const contentFields: GroupField = {
  name: 'content',
  type: 'group',
  access: { read: contentSettingsReader },
  admin: { description: 'Blog and service pages: SEO defaults and live preview.' },
  fields: [
    { name: 'siteName', type: 'text', maxLength: 120, admin: { description: 'Appended to page titles ("Title | Site"). Default: the brand name.' } },
    { name: 'defaultMetaDescription', type: 'textarea', maxLength: 300 },
    { name: 'defaultMetaImage', type: 'upload', relationTo: 'media' },
    { name: 'organizationName', type: 'text', maxLength: 160, admin: { description: 'Publisher and provider in JSON-LD.' } },
    {
      name: 'previewUrl',
      type: 'text',
      maxLength: 500,
      admin: { description: 'Preview address with {collection}, {slug} and {id}, e.g. https://alpha.test/preview/{collection}/{slug}' },
      validate: (value: string | null | undefined) => value == null || value === '' || isPreviewPattern(value) || 'Must be an http(s) address; {collection}, {slug} and {id} are filled in.',
    },
    {
      name: 'robotsDisallow',
      type: 'text',
      hasMany: true,
      maxLength: 200,
      admin: { description: 'Extra paths robots.txt disallows, each starting with /.' },
      validate: (value: string[] | null | undefined) =>
        value == null || value.every((path) => URL_PATH.test(path)) || 'Each path starts with / and has no spaces.',
    },
  ],
}
