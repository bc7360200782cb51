import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type CollectionSlug, type Config as PayloadConfig } from 'payload'
import sharp from 'sharp'

import { actorFromUser } from './src/access/actor'
import { websiteAccessAsEquality, websiteFiltersAsEqualities } from './src/access/oneWebsiteConditions'
import { workflowMutations, workflowQueries } from './src/api/graphql/extensions'
import { introspectionRule } from './src/api/graphql/introspection'
import { apiDocumentEndpoints } from './src/api/openapi/endpoints'
import { apiGuards } from './src/api/plugin'
import { AuditEvents } from './src/collections/AuditEvents'
import { Authors, Categories, Pages, Posts, Redirects, Tags } from './src/collections/content'
import { contentSeo } from './src/collections/content/seo'
import { seoEndpointDocs } from './src/collections/content/seoDocs'
import { Media } from './src/collections/Media'
import { OrderFiles } from './src/collections/OrderFiles'
import { OrderMessages } from './src/collections/OrderMessages'
import { PricingOptions } from './src/collections/PricingOptions'
import { Orders } from './src/collections/Orders'
import { OrderAssignments } from './src/collections/orderRecords/OrderAssignments'
import { OrderEvents } from './src/collections/orderRecords/OrderEvents'
import { OrderInterests } from './src/collections/orderRecords/OrderInterests'
import { OrderRequests } from './src/collections/orderRecords/OrderRequests'
import { Installments } from './src/collections/billing/Installments'
import { Invoices } from './src/collections/billing/Invoices'
import { Receipts } from './src/collections/billing/Receipts'
import { IdempotencyKeys } from './src/collections/money/IdempotencyKeys'
import { JournalEntries } from './src/collections/money/JournalEntries'
import { LedgerAccounts } from './src/collections/money/LedgerAccounts'
import { PaymentWindows } from './src/collections/money/PaymentWindows'
import { Payments } from './src/collections/money/Payments'
import { PayoutBatches } from './src/collections/money/PayoutBatches'
import { PayoutRecords } from './src/collections/money/PayoutRecords'
import { PayoutRequests } from './src/collections/money/PayoutRequests'
import { Referrals } from './src/collections/Referrals'
import { ProviderEvents } from './src/collections/money/ProviderEvents'
import { Refunds } from './src/collections/money/Refunds'
import { Tips } from './src/collections/money/Tips'
import { Fines } from './src/collections/fines/Fines'
import { FundingMilestones } from './src/collections/specialOrders/FundingMilestones'
import { SpecialOrderConfigs } from './src/collections/specialOrders/SpecialOrderConfigs'
import { SpecialOrderQuotes } from './src/collections/specialOrders/SpecialOrderQuotes'
import { SpecialOrders } from './src/collections/specialOrders/SpecialOrders'
import { ClassOrders } from './src/collections/classOrders/ClassOrders'
import { ClassProposals } from './src/collections/classOrders/ClassProposals'
import { ClassInstallments } from './src/collections/classOrders/ClassInstallments'
import { ClassTasks } from './src/collections/classOrders/ClassTasks'
import { ClassAccess } from './src/collections/classAccess/ClassAccess'
import { ClassAccessViews } from './src/collections/classAccess/ClassAccessViews'
import { TicketAttachments } from './src/collections/tickets/TicketAttachments'
import { TicketMessages } from './src/collections/tickets/TicketMessages'
import { Tickets } from './src/collections/tickets/Tickets'
import { NotificationPreferences } from './src/collections/notifications/NotificationPreferences'
import { Notifications } from './src/collections/notifications/Notifications'
import { NotificationTemplates } from './src/collections/notifications/NotificationTemplates'
import { FineTypes } from './src/collections/fines/FineTypes'
import { Reviews } from './src/collections/reviews/Reviews'
import { LoyaltyAccounts } from './src/collections/loyalty/LoyaltyAccounts'
import { loyaltyEndpoints } from './src/endpoints/loyalty'
import { LoyaltyTransactions } from './src/collections/loyalty/LoyaltyTransactions'
import { LoyaltyRewards } from './src/collections/loyalty/LoyaltyRewards'
import { LoyaltyRedemptions } from './src/collections/loyalty/LoyaltyRedemptions'
import { DiscountCampaigns } from './src/collections/discounts/DiscountCampaigns'
import { EmailCampaigns } from './src/collections/campaigns/EmailCampaigns'
import { EmailRecipients } from './src/collections/campaigns/EmailRecipients'
import { EmailSuppressions } from './src/collections/campaigns/EmailSuppressions'
import { Discounts } from './src/collections/discounts/Discounts'
import { DiscountUsages } from './src/collections/discounts/DiscountUsages'
import { WriterEarnings } from './src/collections/money/WriterEarnings'
import { Wallets } from './src/collections/money/Wallets'
import { Outbox } from './src/collections/Outbox'
import { Tenants } from './src/collections/Tenants'
import { Users } from './src/collections/Users'
import { WorkflowEvents } from './src/collections/WorkflowEvents'
import { LoginSessions } from './src/collections/LoginSessions'
import { WriterLevels } from './src/collections/WriterLevels'
import { DisciplineRecords } from './src/collections/writers/DisciplineRecords'
import { WriterEvaluations } from './src/collections/writers/WriterEvaluations'
import { WriterLevelChanges } from './src/collections/writers/WriterLevelChanges'
import { publicContentEndpoints } from './src/content/public/endpoints'
import { dashboardEndpoint } from './src/endpoints/dashboard'
import { csvExports } from './src/endpoints/exportCsvPlugin'
import { ledgerSummaryEndpoint } from './src/endpoints/money'
import { answerLoginRefusals } from './src/hooks/answerLoginRefusals'
import { auditLocalLogins, recordFailedLogin } from './src/hooks/auditSecurity'
import { withAuditTrails } from './src/hooks/auditTrail'
import { markIdempotentWrites } from './src/operations/payments/idempotency'
import { activityEndpoint } from './src/endpoints/activity'
import { impersonationEndpoints } from './src/endpoints/impersonation'
import { orderOptionsEndpoint } from './src/endpoints/orderOptions'
import { magicLinkEndpoints } from './src/endpoints/magicLink'
import { registerEndpoint } from './src/endpoints/register'
import { answerSecondFactor } from './src/hooks/answerSecondFactor'
import { emailAddressEndpoints } from './src/endpoints/emailAddress'
import { unlockByLinkEndpoint } from './src/endpoints/unlock'
import { tenantOptionsDocs } from './src/endpoints/tenantOptions'
import { searchEndpoint } from './src/content/search/searchEndpoint'
import { MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE } from './src/domain/files/uploadLimits'
import { DEV_PAYLOAD_SECRET, env } from './src/env'
import { payloadJobs } from './src/jobs/payloadJobs'
import { logger } from './src/logger'
import { mailAdapter } from './src/mail/adapter'
import { storagePlugin } from './src/storage'
import type { Config } from './src/payload-types'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const settings = env()

/** The collections whose rows belong to one website (the multi-tenant plugin's `tenant` field). */
const WEBSITE_COLLECTIONS = [
  'media',
  'pricing-options',
  'orders',
  'order-events',
  'workflow-events',
  'order-interests',
  'order-assignments',
  'order-requests',
  'writer-levels',
  'writer-evaluations',
  'writer-level-changes',
  'discipline-records',
  'order-files',
  'order-messages',
  'ledger-accounts',
  'journal-entries',
  'wallets',
  'payments',
  'refunds',
  'tips',
  'writer-earnings',
  'payment-windows',
  'payout-batches',
  'payout-records',
  'payout-requests',
  'fine-types',
  'fines',
  'special-order-configs',
  'special-orders',
  'special-order-quotes',
  'funding-milestones',
  'class-orders',
  'class-proposals',
  'class-installments',
  'class-tasks',
  'class-access',
  'class-access-views',
  'tickets',
  'ticket-messages',
  'ticket-attachments',
  'notifications',
  'notification-preferences',
  'notification-templates',
  'referrals',
  'invoices',
  'installments',
  'receipts',
  'loyalty-accounts',
  'loyalty-transactions',
  'loyalty-rewards',
  'loyalty-redemptions',
  'discounts',
  'discount-campaigns',
  'discount-usages',
  'posts',
  'pages',
  'authors',
  'categories',
  'tags',
  'redirects',
  'email-campaigns',
  'email-recipients',
  'email-suppressions',
  'audit-events',
  'reviews',
] as const satisfies readonly CollectionSlug[]

export default buildConfig({
  admin: {
    user: Users.slug,
    avatar: 'default',
    meta: { titleSuffix: ' · Scriptorium' },
    // The home page: what the caller's roles work on, from GET /api/dashboard.
    components: {
      views: {
        dashboard: { Component: '/admin/dashboard/DashboardView#DashboardView' },
        // The password, then the second factor or its enrolment (issue 16, docs/two-factor.md).
        login: { Component: '/admin/auth/SignInView#SignInView' },
        twoFactor: { Component: '/admin/auth/TwoFactorView#TwoFactorView', path: '/two-factor' },
      },
      afterNavLinks: ['/admin/auth/TwoFactorView#TwoFactorNavLink'],
      // The amber banner with "stop" while the staff member acts as someone (issue 16).
      header: ['/components/admin/impersonation/ImpersonationBanner#ImpersonationBanner'],
    },
    importMap: {
      baseDir: path.resolve(dirname, 'src'),
      importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js'),
    },
  },
  // Every collection's writes leave an audit row (src/hooks/auditTrail.ts; the plumbing and the trail itself excepted).
  // Every write marks its request's Idempotency-Key applied in the write's own transaction.
  collections: withAuditTrails([Tenants, Users, LoginSessions, Media, PricingOptions, WriterLevels, Orders, OrderEvents, WorkflowEvents, OrderInterests, OrderAssignments, OrderRequests, OrderFiles, OrderMessages, LedgerAccounts, JournalEntries, Wallets, Payments, Refunds, Tips, WriterEarnings, PaymentWindows, PayoutBatches, PayoutRecords, PayoutRequests, Invoices, Installments, Receipts, IdempotencyKeys, ProviderEvents, WriterEvaluations, WriterLevelChanges, DisciplineRecords, Referrals, LoyaltyAccounts, LoyaltyTransactions, LoyaltyRewards, LoyaltyRedemptions, Discounts, DiscountCampaigns, DiscountUsages, Outbox, Posts, Pages, Authors, Categories, Tags, Redirects, FineTypes, Fines, SpecialOrderConfigs, SpecialOrders, SpecialOrderQuotes, FundingMilestones, Tickets, TicketMessages, TicketAttachments, EmailCampaigns, EmailRecipients, EmailSuppressions, Reviews, Notifications, NotificationPreferences, NotificationTemplates, AuditEvents, ClassOrders, ClassProposals, ClassInstallments, ClassTasks, ClassAccess, ClassAccessViews]).map(markIdempotentWrites),
  endpoints: [registerEndpoint, ...emailAddressEndpoints, unlockByLinkEndpoint, ...magicLinkEndpoints, activityEndpoint, ...impersonationEndpoints, ...loyaltyEndpoints, orderOptionsEndpoint, ledgerSummaryEndpoint, dashboardEndpoint, searchEndpoint, ...publicContentEndpoints, ...apiDocumentEndpoints],
  hooks: { afterError: [recordFailedLogin, answerLoginRefusals, answerSecondFactor] },
  // A refused `payload.login` (the Local API, which these error hooks never see) is audited too.
  onInit: auditLocalLogins,
  // Scheduled publishing's queue, run by our worker's schedule (src/jobs/contentSchedules.ts), never by the web process.
  jobs: payloadJobs,
  // The workflows beside the collections; introspection and the playground follow
  // GRAPHQL_INTROSPECTION / GRAPHQL_PLAYGROUND (src/env.ts) instead of NODE_ENV alone.
  graphQL: {
    queries: workflowQueries,
    mutations: workflowMutations,
    disableIntrospectionInProduction: false,
    disablePlaygroundInProduction: false,
    validationRules: () => [introspectionRule],
  },
  editor: lexicalEditor(),
  email: mailAdapter(settings),
  secret: settings.PAYLOAD_SECRET ?? DEV_PAYLOAD_SECRET,
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  db: postgresAdapter({
    pool: { connectionString: settings.DATABASE_URL ?? process.env.DATABASE_URL },
    // Schema changes go through committed migrations everywhere (push prompts without a TTY).
    push: false,
    migrationDir: path.resolve(dirname, 'src/migrations'),
  }),
  sharp,
  // Every upload is cut off at the largest size any collection takes: 413 with this message.
  upload: { limits: { fileSize: MAX_UPLOAD_BYTES }, abortOnLimit: true, responseOnLimit: TOO_LARGE_MESSAGE },
  logger,
  // Refusals are answers, not server faults: keep them out of the error log.
  // Refused paths and operators (Payload's own query check), malformed JSON and
  // addresses are the request's fault too.
  loggingLevels: { AuthenticationError: 'info', ClientError: 'info', SecondFactorNeeded: 'info', QueryError: 'info', SyntaxError: 'info', URIError: 'info', ProviderError: 'warn' } as PayloadConfig['loggingLevels'],
  telemetry: false,
  plugins: [
    storagePlugin(settings),
    // Before the multi-tenant plugin, so that the tenant field and access wrap the SEO fields too.
    contentSeo(),
    seoEndpointDocs(),
    multiTenantPlugin<Config>({
      tenantsSlug: 'tenants',
      // One website named as an equality, never `in: [id]` (src/access/where.ts, oneWebsiteAsEquality).
      collections: Object.fromEntries(WEBSITE_COLLECTIONS.map((slug) => [slug, { accessResultOverride: websiteAccessAsEquality }])),
      // Websites are deactivated, never deleted; nothing to clean up.
      cleanupAfterTenantDelete: false,
      userHasAccessToAllTenants: (user) => actorFromUser(user).allTenants,
      tenantsArrayField: {
        includeDefaultField: true,
        // Open at field level so that a refused change is a loud 403 from the users
        // collection's membership guard instead of a silently dropped value.
        arrayFieldAccess: { create: () => true, update: () => true },
        tenantFieldAccess: { create: () => true, update: () => true },
      },
    }),
    websiteFiltersAsEqualities(),
    csvExports(),
    tenantOptionsDocs(),
    apiGuards(),
  ],
})
