import type { CollectionConfig, Field } from 'payload'

import { navigation } from '@/access/navigation'
import { isSuperadmin, nobody, staffField, tenantRowsFor } from '@/access/rules'
import { DEFAULT_CURRENCY, isIsoCurrency } from '@/domain/currency'
import { RATE_LIMITS } from '@/domain/rateLimits'
import { ROLES } from '@/domain/roles'
import { FEATURE_TOGGLES } from '@/domain/tenancy/featureToggles'
import { isSlug } from '@/domain/tenancy/slug'
import { DEFAULT_TIME_ZONE, isTimeZone } from '@/domain/timeZone'
import { readableBy } from '@/fields/readableBy'
import { serverOnlyField } from '@/fields/serverOnly'
import { announceWebsiteDelete, announceWebsiteSave } from '@/hooks/announceContentChange'

import { contentFields } from './contentFields'
import { currentTenantEndpoint } from './endpoints/current'
import { announceOriginsOnChange, announceOriginsOnDelete } from './hooks/announceOrigins'
import { normalizeDomain } from './hooks/normalizeDomain'
import { forgetSessionSettingsOnChange, signOutStaffWithoutSecondFactor } from './hooks/forgetSessionSettings'
import { pricingFields } from './pricingFields'
import { tipFields } from './tipFields'
import { paymentFields } from './paymentFields'
import { payoutFields } from './payoutFields'
import { disciplineFields } from './disciplineFields'
import { fineFields } from './fineFields'
import { classOrderFields } from './classOrderFields'
import { sessionFields } from './sessionFields'
import { specialOrderFields } from './specialOrderFields'
import { ticketFields } from './ticketFields'
import { lockoutFields } from './lockoutFields'
import { loyaltyFields } from './loyaltyFields'
import { discountFields } from './discountFields'
import { referralFields } from './referralFields'
import { reviewFields, staffingFields } from './workflowFields'
import { domainIsFree } from './validate/domainIsFree'

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const featureFields: Field[] = Object.entries(FEATURE_TOGGLES).map(([name, defaultValue]) => ({
  name,
  type: 'checkbox',
  defaultValue,
}))

const optionalEmail = (value: unknown) =>
  value == null || value === '' || (typeof value === 'string' && EMAIL.test(value)) || 'Must be an email address.'

/**
 * The websites (tenants). Each is one branded storefront; its domains bind requests to it.
 * Websites are deactivated, never deleted, so history keeps its owner.
 */
export const Tenants: CollectionConfig<'tenants'> = {
  slug: 'tenants',
  // Payload's lock records are readable by any signed-in user across websites; off until scoped.
  lockDocuments: false,
  labels: { singular: 'Website', plural: 'Websites' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'active', 'currency'],
    ...navigation('Settings'),
  },
  access: {
    // A website's own row is the one whose id is among the user's websites.
    read: tenantRowsFor([...ROLES], 'id'),
    create: isSuperadmin,
    update: tenantRowsFor(['admin'], 'id'),
    delete: nobody,
  },
  endpoints: [currentTenantEndpoint],
  hooks: {
    afterChange: [announceOriginsOnChange, forgetSessionSettingsOnChange, signOutStaffWithoutSecondFactor, announceWebsiteSave],
    afterDelete: [announceOriginsOnDelete, announceWebsiteDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { description: 'Lower-case letters, digits and dashes; used in the X-Tenant header.' },
      hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)] },
      validate: (value: string | null | undefined) =>
        (typeof value === 'string' && isSlug(value)) || 'Use lower-case letters, digits and single dashes.',
    },
    {
      name: 'domains',
      type: 'array',
      required: true,
      minRows: 1,
      admin: { description: 'Hosts this website answers on, without scheme, port or www.' },
      fields: [
        {
          name: 'domain',
          type: 'text',
          required: true,
          unique: true,
          index: true,
          hooks: { beforeValidate: [normalizeDomain] },
          validate: domainIsFree,
        },
      ],
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      admin: { position: 'sidebar', description: 'Inactive websites match no request and accept no login.' },
    },
    {
      name: 'currency',
      type: 'text',
      required: true,
      defaultValue: DEFAULT_CURRENCY,
      maxLength: 3,
      admin: { position: 'sidebar', description: 'ISO 4217 code such as USD, EUR or GBP.' },
      hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)] },
      validate: (value: string | null | undefined) =>
        (typeof value === 'string' && isIsoCurrency(value)) || 'Must be an ISO 4217 currency code such as USD.',
    },
    {
      name: 'branding',
      type: 'group',
      fields: [
        { name: 'brandName', type: 'text', maxLength: 120 },
        { name: 'logo', type: 'upload', relationTo: 'media' },
        {
          name: 'primaryColor',
          type: 'text',
          defaultValue: '#1f4e79',
          validate: (value: string | null | undefined) =>
            value == null || value === '' || HEX_COLOR.test(value) || 'Must be a hex colour such as #1f4e79.',
        },
        { name: 'supportEmail', type: 'email' },
        { name: 'mailFromName', type: 'text', maxLength: 120 },
        { name: 'mailFromAddress', type: 'text', validate: optionalEmail },
      ],
    },
    contentFields,
    // Price lists, policies and limits are the staff's; frontends get the public face
    // (GET /api/tenants/current) and prices through quotes and order options.
    readableBy(staffField, pricingFields),
    {
      name: 'orderPrefix',
      type: 'text',
      maxLength: 8,
      admin: { position: 'sidebar', description: 'Order numbers look like PREFIX-00042. Default: the slug in capitals.' },
      validate: (value: string | null | undefined) => value == null || value === '' || /^[A-Z0-9]{1,8}$/.test(value) || 'Capital letters and digits, at most 8.',
    },
    // Order, invoice, receipt, ticket and class order numbers (ALPHA-00042, INV-000123, RCT-000001, CLS-00001): incremented
    // atomically by allocateOrderNumber / allocateNumber only, read by staff only.
    ...(['orderSequence', 'invoiceSequence', 'receiptSequence', 'ticketSequence', 'specialOrderSequence', 'classOrderSequence'] as const).map((name) =>
      serverOnlyField({ name, type: 'number', defaultValue: 0, access: { read: staffField }, admin: { hidden: true } }),
    ),
    {
      name: 'settings',
      type: 'group',
      fields: [
        {
          name: 'timeZone',
          type: 'text',
          defaultValue: DEFAULT_TIME_ZONE,
          maxLength: 64,
          admin: { description: 'IANA name such as Europe/Berlin: the website\'s days (dashboard figures per day) begin at its midnight.' },
          hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim() : value)] },
          validate: (value: string | null | undefined) =>
            value == null || (typeof value === 'string' && isTimeZone(value)) || 'Must be an IANA time zone such as UTC or Europe/Berlin.',
        },
        { name: 'features', type: 'group', fields: featureFields },
        readableBy(staffField, staffingFields),
        readableBy(staffField, reviewFields),
        readableBy(staffField, tipFields),
        readableBy(staffField, paymentFields),
        readableBy(staffField, payoutFields),
        readableBy(staffField, disciplineFields),
        readableBy(staffField, fineFields),
        readableBy(staffField, classOrderFields),
        readableBy(staffField, loyaltyFields),
        readableBy(staffField, discountFields),
        readableBy(staffField, referralFields),
        readableBy(staffField, ticketFields),
        readableBy(staffField, lockoutFields),
        readableBy(staffField, specialOrderFields),
        {
          name: 'rateLimits',
          type: 'group',
          access: { read: staffField },
          admin: { description: 'Attempts allowed per window before answering 429.' },
          fields: Object.entries(RATE_LIMITS).map(([name, limit]) => ({
            name,
            type: 'number' as const,
            defaultValue: limit.points,
            min: 1,
            max: 10_000,
            admin: { description: `per ${limit.durationS === 60 ? 'minute' : 'hour'}` },
          })),
        },
        ...sessionFields,
      ],
    },
  ],
}
