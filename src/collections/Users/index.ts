import type { CollectionConfig, FieldAccess, PayloadRequest, TextFieldSingleValidation } from 'payload'
import { text } from 'payload/shared'

import { navigation } from '@/access/navigation'
import { execute, sql } from '@/db/execute'
import { and, or } from '@/access/compose'
import { fieldForRoles, hasAnyRole, mayOpenPanel, notSelf, selfRow, staffField, tenantRowsFor } from '@/access/rules'
import { penNameRevealsName, penNameSearchWord, samePenName } from '@/domain/reviews/rules'
import { ROLES, STAFF_ROLES } from '@/domain/roles'
import { readableBy } from '@/fields/readableBy'
import { serverOnlyField } from '@/fields/serverOnly'
import { userRefField } from '@/fields/userRef'
import { announcePenNameChange } from '@/hooks/announceContentChange'

import { forgetChangedUser, forgetDeletedUser, forgetUserAfterAuthOperation } from './hooks/forgetCachedUser'
import { forgiveSuccessfulLogin } from './hooks/forgiveSuccessfulLogin'
import { guardKeysWhileImpersonating } from './hooks/guardKeysWhileImpersonating'
import { guardMembership } from './hooks/guardMembership'
import { holdOwnEmailChange, UNVERIFIED_CREATE } from './hooks/holdOwnEmailChange'
import { levelOfOwnWebsite } from './levelOfOwnWebsite'
import { liftLockoutsOnUnlock } from './hooks/liftLockoutsOnUnlock'
import { loginOnOwnWebsite } from './hooks/loginOnOwnWebsite'
import { disableInlineResetMail, queueResetMail } from './hooks/passwordResetThroughOutbox'
import { refuseReferencedDelete } from './hooks/refuseReferencedDelete'
import { screenAuthAttempts } from './hooks/screenAuthAttempts'
import { closeSessionsOnPasswordChange, endLoggedOutSession, notePasswordChange, openLoginSession } from './hooks/sessions'
import { sessionEndpoints } from '@/endpoints/sessions'
import { twoFactorEndpoints } from '@/endpoints/twoFactor'
import { requireSecondFactor } from './hooks/requireSecondFactor'
import { sessionStrategy } from '@/operations/sessions/authenticate'
import { recordAdminLevelChange } from '@/operations/writers/levelChanges'
import { auditAuthOperations, auditLogout } from '@/hooks/auditSecurity'
import { unlockUserEndpoint } from '@/endpoints/unlock'

const isValidTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

type NameFields = Partial<{ name: string | null; penName: string | null }>

/**
 * A pen name: empty, or 2–60 characters that do not give away the person's real name.
 * Both fields carry the check, each when it is the one that changes (`data` is the row as
 * it will be): a PATCH of the name alone onto the pen name is refused as surely as one of
 * the pen name, and a write of neither (the rating kept by the moderation) is never refused.
 */
const penNameRule: TextFieldSingleValidation = async (value, options) => {
  // A field's own validate replaces Payload's: its text rules (the 60 characters) are called first.
  const base = text(value, options)
  if (base !== true) return base
  if (value == null || value === '') return true
  if (value.trim().length < 2) return 'A pen name has at least 2 characters.'
  if (value === options.previousValue) return true
  if (penNameRevealsName(value, (options.data as NameFields).name)) return 'A pen name must not be, or contain, the real name.'
  if (await penNameTaken(options.req, value, options.id, (options.data as { tenants?: Membership[] | null }).tenants)) return 'Another writer of this website already uses this pen name.'
  return true
}

type Membership = { tenant?: number | { id: number } | null }

/**
 * Whether someone else on one of the same websites has a pen name that reads the same
 * (the public reads reviews per website; two brands may each have their "Ink & Quill").
 * Raw SQL, not the Local API: this runs in the admin's form state as well as in writes,
 * where no gate has proved system access. Candidates share the longest word;
 * `samePenName` decides.
 */
const penNameTaken = async (req: PayloadRequest, penName: string, self: number | string | undefined, memberships: Membership[] | null | undefined): Promise<boolean> => {
  const longest = penNameSearchWord(penName)
  const websites = (memberships ?? []).map((m) => (typeof m.tenant === 'object' ? m.tenant?.id : m.tenant)).filter((id): id is number => typeof id === 'number')
  if (!longest || websites.length === 0) return false
  const others = await execute<{ pen_name: string }>(
    req,
    sql`SELECT u.pen_name FROM users u
        WHERE u.pen_name ILIKE ${`%${longest}%`} AND u.id <> ${Number(self ?? 0)}
          AND EXISTS (SELECT 1 FROM users_tenants m WHERE m._parent_id = u.id AND m.tenant_id IN (${sql.join(websites.map((id) => sql`${id}`), sql`, `)}))
        LIMIT 50`,
  )
  return others.some((row) => samePenName(row.pen_name, penName))
}

/** The real name: Payload's own text rules, and not one the pen name gives away. */
const nameRule: TextFieldSingleValidation = (value, options) => {
  const base = text(value, options)
  if (base !== true) return base
  const penName = (options.data as NameFields).penName
  if (value && value !== options.previousValue && penName && penNameRevealsName(penName, value)) return 'The pen name would give away this name: change the pen name first.'
  return true
}

/** A field of one's own profile, or of anyone's for staff. */
const selfOrStaffField: FieldAccess = (args) => Boolean(staffField(args)) || (args.req.user != null && String(args.doc?.id) === String(args.req.user.id))

/** Staff read the people of their websites; everyone else reads only themselves. */
const readUsers = or(selfRow, tenantRowsFor([...STAFF_ROLES], 'tenants.tenant'))

/** Admins manage the people of their websites; everyone may edit their own profile. */
const manageUsers = or(selfRow, tenantRowsFor(['admin'], 'tenants.tenant'))

/**
 * Everyone who signs in: staff, writers and clients of every website, told apart by
 * `roles` and bound to websites by `tenants` (added by the multi-tenant plugin).
 * Profiles that later issues need (writer level, client loyalty) get their own
 * tenant-scoped collections keyed by user, so this auth row stays small and hot.
 */
export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  // Payload's lock records are readable by any signed-in user across websites; off until scoped.
  lockDocuments: false,
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles', 'tenants'],
    ...navigation('People'),
  },
  auth: {
    // The tenants array stays as ids: no extra query per authenticated request.
    depth: 0,
    // The absolute lifetime of a session (and its token): the longest idle timeout a
    // website may set. The idle timeout per website and role ends most sessions far sooner.
    tokenExpiration: 60 * 60 * 24 * 7,
    // Before Payload's own JWT strategy: the idle timeout, the activity stamp, the X-Session headers.
    strategies: [sessionStrategy],
    cookies: { sameSite: 'Lax' },
    maxLoginAttempts: 0,
  },
  access: {
    admin: mayOpenPanel,
    read: readUsers,
    create: hasAnyRole('superadmin', 'admin'),
    update: manageUsers,
    delete: and(tenantRowsFor(['admin'], 'tenants.tenant'), notSelf),
    // An admin lifts the lockouts of the people of their websites (a superadmin anyone's):
    // Payload's unlock and `POST /api/users/:id/unlock` alike (`liftLockoutsOnUnlock`).
    unlock: tenantRowsFor(['admin'], 'tenants.tenant'),
  },
  hooks: {
    beforeLogin: [loginOnOwnWebsite, requireSecondFactor],
    afterLogin: [forgiveSuccessfulLogin, openLoginSession],
    beforeChange: [guardKeysWhileImpersonating, guardMembership, holdOwnEmailChange, notePasswordChange],
    afterChange: [recordAdminLevelChange, closeSessionsOnPasswordChange, forgetChangedUser, announcePenNameChange],
    afterDelete: [forgetDeletedUser],
    beforeDelete: [refuseReferencedDelete],
    beforeOperation: [screenAuthAttempts, disableInlineResetMail],
    afterOperation: [queueResetMail, auditAuthOperations, liftLockoutsOnUnlock, forgetUserAfterAuthOperation],
    afterLogout: [auditLogout, endLoggedOutSession],
  },
  endpoints: [unlockUserEndpoint, ...sessionEndpoints, ...twoFactorEndpoints],
  fields: [
    // "Act as this user" (issue 16): admins and superadmins start an impersonation from here.
    { name: 'actAs', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/admin/impersonation/ActAsUser#ActAsUser' } } },
    { name: 'accountHelp', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/admin/AccountSecurity#AccountSecurity' } } },
    { name: 'name', type: 'text', required: true, maxLength: 120, validate: nameRule },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['client'],
      options: ROLES.map((role) => ({ label: role, value: role })),
      saveToJWT: true,
      admin: { position: 'sidebar', description: 'Exactly one role. Changed only by an admin or superadmin.' },
    },
    { name: 'phone', type: 'text', maxLength: 32 },
    {
      name: 'writerLevel',
      type: 'relationship',
      relationTo: 'writer-levels',
      access: { create: fieldForRoles('superadmin', 'admin'), update: fieldForRoles('superadmin', 'admin') },
      validate: levelOfOwnWebsite,
      admin: { position: 'sidebar', condition: (data) => Boolean(data?.roles?.includes('writer')), description: 'Empty: the website\'s default level.' },
    },
    {
      name: 'suspended',
      type: 'checkbox',
      defaultValue: false,
      access: { create: fieldForRoles('superadmin', 'admin'), update: fieldForRoles('superadmin', 'admin') },
      admin: { position: 'sidebar', condition: (data) => Boolean(data?.roles?.includes('writer')), description: 'A suspended writer cannot take on orders.' },
    },
    {
      name: 'timezone',
      type: 'text',
      defaultValue: 'UTC',
      validate: (value: string | null | undefined) =>
        value == null || value === '' || isValidTimeZone(value) || 'Must be an IANA time zone such as Europe/London.',
    },
    // Referrals (docs/referrals.md): the client's own code, given on first need and read by
    // them and the staff; who referred them and where they registered from are the staff's.
    serverOnlyField({ name: 'referralCode', type: 'text', unique: true, maxLength: 16, admin: { position: 'sidebar', condition: (data) => Boolean(data?.roles?.includes('client')) } }),
    readableBy(staffField, userRefField('referredBy', { roles: ['client'], serverOnly: true, description: 'The client whose referral code this client registered with.' })),
    readableBy(staffField, serverOnlyField({ name: 'registrationIp', type: 'text', maxLength: 64, admin: { position: 'sidebar' } })),
    readableBy(staffField, serverOnlyField({ name: 'registrationUserAgent', type: 'text', maxLength: 512, admin: { position: 'sidebar' } })),
    // Email verification (docs/decisions.md, issue 16): our own stamp, not Payload's
    // `auth.verify`, which would refuse the unverified their login. Every account is
    // verified when created, except a client registering themselves (`UNVERIFIED_CREATE`).
    serverOnlyField({
      name: 'emailVerifiedAt',
      type: 'date',
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' }, description: 'When the address was proved by its link; empty: not verified.' },
      hooks: { beforeChange: [({ operation, value, context }) => (operation === 'create' && value == null && !context[UNVERIFIED_CREATE] ? new Date().toISOString() : value)] },
    }),
    serverOnlyField({ name: 'pendingEmail', type: 'email', admin: { position: 'sidebar', description: 'A new address the user asked for, applied once they follow the link mailed to it.' } }),
    // The stored half of the one live link (verification or email change): its hash and end.
    serverOnlyField({ name: 'emailTokenHash', type: 'text', index: true, hidden: true }),
    serverOnlyField({ name: 'emailTokenExpiresAt', type: 'date', hidden: true }),
    // Reviews (docs/reviews.md): a writer is shown publicly by their pen name, never their
    // real name; their rating is kept here by the reviews' moderation.
    {
      name: 'penName',
      type: 'text',
      maxLength: 60,
      access: { create: fieldForRoles('superadmin', 'admin'), update: fieldForRoles('superadmin', 'admin', 'writer') },
      validate: penNameRule,
      admin: { position: 'sidebar', condition: (data) => Boolean(data?.roles?.includes('writer')), description: 'The name reviews and public pages show; never the real name.' },
    },
    // Two-factor sign-in (docs/two-factor.md): when it was switched on (the owner and staff
    // read it); the seed, the enrolment's pending seed, the last code's time step (no code
    // is taken twice) and the recovery codes' hashes are never read through any API.
    readableBy(selfOrStaffField, serverOnlyField({ name: 'twoFactorEnabledAt', type: 'date', admin: { position: 'sidebar', description: 'When this person switched on two-factor sign-in; empty: off.' } })),
    serverOnlyField({ name: 'twoFactorSecret', type: 'text', hidden: true }),
    serverOnlyField({ name: 'twoFactorPendingSecret', type: 'text', hidden: true }),
    serverOnlyField({ name: 'twoFactorLastStep', type: 'number', hidden: true }),
    serverOnlyField({ name: 'twoFactorRecoveryCodes', type: 'json', hidden: true }),
    serverOnlyField({ name: 'ratingAverage', type: 'number', min: 1, max: 5, admin: { position: 'sidebar', condition: (data) => Boolean(data?.roles?.includes('writer')), description: 'The mean of the approved reviews’ stars for the writer.' } }),
    // The owner's unlock link (docs/decisions.md, "Lockout"): the hash of its token, never
    // the token; hidden from every answer. Used once: `unlockTokenUsedAt` refuses a second use.
    serverOnlyField({ name: 'unlockTokenHash', type: 'text', index: true, hidden: true }),
    serverOnlyField({ name: 'unlockTokenExpiresAt', type: 'date', hidden: true }),
    serverOnlyField({ name: 'unlockTokenUsedAt', type: 'date', hidden: true }),
    serverOnlyField({ name: 'ratingCount', type: 'number', defaultValue: 0, admin: { position: 'sidebar', condition: (data) => Boolean(data?.roles?.includes('writer')), description: 'How many approved reviews rate the writer.' } }),
  ],
}

