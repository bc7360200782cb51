/**
 * What each role may write and read, field by field, written by hand from the product's
 * rules (issue 10) — NOT derived from the access functions the API applies — so the
 * generated tests in tests/int/fieldAccess.test.ts compare the two. A field added to a
 * collection fails those tests until it is placed here.
 */
export type Role = 'superadmin' | 'admin' | 'editor' | 'support' | 'content' | 'writer' | 'client'
export const ROLES: Role[] = ['superadmin', 'admin', 'editor', 'support', 'content', 'writer', 'client']
const STAFF: Role[] = ['superadmin', 'admin', 'editor', 'support']
/** Content rights on a website: its admins and content editors (superadmins on every website). */
const CONTENT: Role[] = ['superadmin', 'admin', 'content']

const UPLOAD = ['url', 'thumbnailURL', 'filename', 'mimeType', 'filesize', 'width', 'height', 'focalX', 'focalY', 'prefix', '_objectKey']
const STAMPS = ['id', 'createdAt', 'updatedAt']
const group = (name: string, fields: string[]) => fields.map((f) => `${name}.${f}`)

const LEVEL_CRITERIA = group('criteria', ['minCompositeScore', 'minCompletedOrders', 'minAverageRating', 'minCompletionRate', 'minEvaluationPeriods', 'maxLatenessRate', 'maxRevisionRate', 'maxDisputeRate', 'maxCancellationRate'])
const ORDER_TIMESTAMPS = group('timestamps', ['paidAt', 'assignedAt', 'acknowledgedAt', 'submittedAt', 'completedAt', 'approvedAt', 'cancelledAt', 'archivedAt'])
const ORDER_MONITORING = group('monitoring', ['lastActivityAt', 'reminder24hAt', 'reminder6hAt', 'reminder1hAt', 'acknowledgementReminderAt', 'overdueAlertedAt', 'stuckAlertedAt'])
const ORDER_CANCELLATION = group('cancellation', ['forfeitPercent', 'kept', 'refundDue'])
const CLIENT_PROFILE = ['highValue', 'firstOrder', 'returningClient'].map((f) => `flags.${f}`)

/** Inputs a client gives when placing an order (priced, then locked). */
export const ORDER_INPUTS = ['topic', 'instructions', 'paperType', 'workType', 'academicLevel', 'subject', 'analysisLevel', 'writerLevel', 'formattingStyle', 'englishType', 'addons', 'pages', 'spacing', 'clientDeadline', 'preferredWriter']

const TENANT_FEATURES = group('settings.features', ['magicLinkEnabled', 'twoFactorRequired', 'passwordResetEnabled', 'messagingEnabled', 'allowWriterFeedback', 'allowWallet', 'allowClassOrders', 'allowDisputes', 'allowEscalations', 'allowRegistration', 'emailVerificationRequired'])
/** The website's internals: price list, counters, policies, limits, timeouts. */
const TENANT_INTERNALS = [
  ...group('pricing', ['basePerPage', 'basePerSlide', 'basePerDiagram', 'minimumCharge', 'preferredWriterFee', 'singleSpacingMultiplier', 'doubleSpacingMultiplier']),
  'orderSequence',
  'invoiceSequence',
  'receiptSequence',
  'ticketSequence',
  'classOrderSequence',
  'specialOrderSequence',
  ...group('settings.specialOrders', ['defaultDepositPercent', 'minimumDeposit', 'requireDepositBeforeStaffing', 'requireFullPaymentBeforeDelivery', 'quoteExpiryHours', 'allowInstallments']),
  ...group('settings.staffing', ['takesEnabled', 'invitationHours']),
  ...group('settings.review', ['editingByDefault', 'skipEditingForUrgent', 'allowEditingForEarlySubmissions', 'earlySubmissionHours', 'qaEnabled', 'qaForHighValue', 'highValueThreshold', 'qaForNewWriters', 'newWriterOrderThreshold']),
  ...group('settings.tips', ['writerPercent', 'minimum', 'maximum', 'perDay', 'allowWallet', 'allowCard']),
  ...group('settings.payouts', ['windowDays', 'requestExpiryDays', 'maxOpenRequests']),
  ...group('settings.discipline', ['autoSuspendOnStrikes', 'autoSuspendDays', 'autoBlacklistOnStrikes', 'warningsForProbation', 'warningDays']),
  ...group('settings.classOrders', ['depositPercent', 'installmentsCount', 'quoteExpiryHours', 'allowInstallments', 'requireDepositBeforeStart', 'pauseWhenOverdue']),
  ...group('settings.fines', ['latenessEnabled', 'latenessMode', 'latenessBase', 'latenessMaxPercent', 'hour1', 'hour2', 'hour3', 'perHourAfter3', 'perDay']),
  ...group('settings.loyalty', ['enabled', 'pointsPerUnit', 'tiers']),
  ...group('settings.referrals', ['enabled', 'referrerWalletBonus', 'referrerPoints', 'refereePoints', 'maxReferralsPerMonth', 'maxBonusPerMonth', 'burstCount', 'burstMinutes', 'sameIpCount', 'sameIpWindowDays']),
  ...group('settings.referrals.refereeDiscount', ['enabled', 'kind', 'value']),
  ...group('settings.discounts', ['allowCodes', 'autoApplyFirstOrder', 'firstOrder.enabled', 'firstOrder.kind', 'firstOrder.value', 'firstOrder.maxDiscount', 'firstOrder.minPayable', 'pickBest', 'allowOnOrders', 'allowOnInvoices', 'allowOnSpecialOrders']),
  ...group('settings.loyalty.conversion', ['enabled', 'centsPerPoint', 'minPoints', 'maxCents']),
  ...group('settings.tickets', ['reopenWindowHours', 'criticalFirstResponseMinutes', 'criticalResolutionMinutes', 'highFirstResponseMinutes', 'highResolutionMinutes', 'normalFirstResponseMinutes', 'normalResolutionMinutes', 'lowFirstResponseMinutes', 'lowResolutionMinutes']),
  'settings.payments.manualEnabled',
  'settings.staffIdleTimeoutMinutes',
  'settings.writerIdleTimeoutMinutes',
  'settings.clientIdleTimeoutMinutes',
  'settings.sessionLimits.*',
  // Failed-login lockout (src/domain/logins/throttle.ts).
  ...group('settings.lockout', ['failures', 'windowMinutes']),
  // The rate limits a website may tune (see src/domain/rateLimits.ts).
  'settings.rateLimits.*',
]

/** Referrals (issue 14): what staff review and a referrer does not read. */
const REFERRAL_REVIEW = ['referee', 'refereeIp', 'refereeUserAgent', 'referrerIp', 'referrerUserAgent', 'flags', 'qualifyingOrder', 'voidedReason']
const REFERRAL_REVIEW_OF_USER = ['referredBy', 'registrationIp', 'registrationUserAgent']

/** The website's content settings (issue 13): read by those with content rights on it. */
const TENANT_CONTENT = group('content', ['siteName', 'defaultMetaDescription', 'defaultMetaImage', 'organizationName', 'previewUrl', 'robotsDisallow'])

/** Posts and pages: what the save computes, and what only the website's editors read of it. */
const COMPUTED = ['readingTime', 'wordCount', 'warnings', 'warningCount', 'plainText']
const EDITORS_ONLY = ['warnings', 'warningCount']
/** The body as plain text is for the search index: no API reads it. */
const NEVER_READ = ['plainText']
const SEO = group('meta', ['title', 'description', 'image'])
const POST = ['title', 'slug', 'excerpt', 'featuredImage', 'body', 'primaryAuthor', 'contributors', 'category', 'tags', 'primaryService', 'publishedAt']
const PAGE = ['title', 'slug', 'template', 'summary', ...group('hero', ['headline', 'subheadline']), 'featuredImage', 'body', ...group('cta', ['text', 'url']), 'pricingFrom', 'pricingTo']
/** A published document of the website: everyone there reads it; its warnings are for those with content rights. */
const publishedContent = (fields: string[]): ReadRule => ({
  fields: [...STAMPS, 'tenant', ...fields, ...SEO, ...COMPUTED, '_status'],
  hiddenFrom: { ...all(CONTENT, NEVER_READ), ...all(['editor', 'support', 'writer', 'client'], [...NEVER_READ, ...EDITORS_ONLY]) },
})

/**
 * Reads: every field of the collection (leaf paths, groups spelled out), and for each
 * role that can read the test's document of the collection, the fields hidden from it
 * ([] = sees every field). A role not listed cannot read that document at all.
 */
export type ReadRule = { fields: string[]; hiddenFrom: Partial<Record<Role, string[]>> }

const NOTIFICATION_PREFERENCE = ['channels', 'muteUntil', 'dndStart', 'dndEnd', 'timeZone', 'digest', 'minPriority']
const NOTIFICATION_TEMPLATE = ['event', 'subject', 'html', 'text', 'active']
const SPECIAL_ORDER_CONFIG = ['name', 'slug', 'description', 'requiresFullPayment', 'durations', 'active']
const SPECIAL_ORDER_OPEN = ['title', 'description', 'config', 'duration']
const FINE_TYPE = ['code', 'name', 'calculation', 'amount', 'percent', 'base', 'min', 'max', 'active']
const DISCOUNT = ['code', 'name', 'description', 'kind', 'value', 'maxDiscount', 'minPayable', 'startsAt', 'endsAt', 'usageLimit', 'perClientLimit', 'firstOrderOnly', 'eligibleClients', 'minLifetimeSpend', 'origin', 'campaign', 'active', 'archived']
const DISCOUNT_CAMPAIGN = ['name', 'slug', 'startsAt', 'endsAt', 'budget']
/** Mail campaigns (issue 15): what the website's admins write; the rest is the workflow's and the sender's. */
const EMAIL_CAMPAIGN = ['name', 'subject', 'body', 'audience', 'scheduledAt']
const EMAIL_CAMPAIGN_READ = ['name', 'subject', 'body', ...group('audience', ['roles', 'segment', 'days', 'level']), 'scheduledAt']

/** What a client (or staff for them) gives when creating a class order. */
export const CLASS_DETAILS = ['title', 'institution', 'className', 'classCode', 'academicLevel', 'startDate', 'endDate', 'description', 'workload']
const CLASS_TASK_INPUTS = ['kind', 'title', 'instructions', 'dueAt']

const all = (roles: Role[], hidden: string[] = []) => Object.fromEntries(roles.map((r) => [r, hidden])) as Partial<Record<Role, string[]>>

export const READS: Record<string, ReadRule> = {
  tenants: {
    fields: ['id', 'name', 'slug', 'domains', 'active', 'currency', ...group('branding', ['brandName', 'logo', 'primaryColor', 'supportEmail', 'mailFromName', 'mailFromAddress']), 'orderPrefix', 'settings.timeZone', ...TENANT_FEATURES, ...TENANT_INTERNALS, ...TENANT_CONTENT, 'createdAt', 'updatedAt'],
    // The content editor knows its website as its writers and clients do (none of its internals), plus its content settings.
    hiddenFrom: {
      ...all(['superadmin', 'admin']),
      ...all(['editor', 'support'], TENANT_CONTENT),
      content: TENANT_INTERNALS,
      writer: [...TENANT_INTERNALS, ...TENANT_CONTENT],
      client: [...TENANT_INTERNALS, ...TENANT_CONTENT],
    },
  },
  users: {
    fields: [...STAMPS, 'name', 'roles', 'phone', 'writerLevel', 'suspended', 'timezone', 'referralCode', 'referredBy', 'registrationIp', 'registrationUserAgent', 'emailVerifiedAt', 'pendingEmail', 'penName', 'ratingAverage', 'ratingCount', 'twoFactorEnabledAt', 'tenants', 'email', 'collection', 'sessions'],
    // A client reads their own referral code; who referred them and where they registered from are the staff's.
    hiddenFrom: { ...all(STAFF), client: REFERRAL_REVIEW_OF_USER },
  },
  // A person's sign-ins: their own, and the website's admins' to read (the fixture is client@alpha's).
  'login-sessions': {
    fields: [...STAMPS, 'sid', 'user', 'website', 'deviceLabel', 'userAgent', 'address', 'lastActivityAt', 'endedAt', 'endReason', 'impersonator', 'impersonationReason'],
    hiddenFrom: all(['superadmin', 'admin', 'client']),
  },
  'pricing-options': {
    fields: [...STAMPS, 'tenant', 'dimension', 'code', 'label', 'multiplier', 'amount', 'flat', 'maxHours', 'category', 'sortOrder', 'active'],
    hiddenFrom: all(STAFF),
  },
  orders: {
    fields: [
      ...STAMPS, 'tenant', 'number', 'client', ...ORDER_INPUTS, 'writerDeadline', 'subtotal', 'discount', 'total', 'discountSnapshot', 'amountPaid', 'currency', 'paymentStatus', 'filesReleased', 'status', 'visibility', 'preferredWriterStatus', 'invitedAt', 'writer', 'pendingWriter', 'editor',
      'rateCard', 'priceSnapshot', 'flags.urgent', ...CLIENT_PROFILE, ...ORDER_TIMESTAMPS, ...ORDER_MONITORING, ...ORDER_CANCELLATION,
    ],
    hiddenFrom: {
      ...all(STAFF),
      // The order's assigned writer: their pay card, never the client's price or who the client is to the business.
      writer: ['subtotal', 'discount', 'total', 'discountSnapshot', 'amountPaid', 'priceSnapshot', ...ORDER_CANCELLATION, ...CLIENT_PROFILE, ...ORDER_MONITORING],
      // The client: what they ordered and paid, not the staffing, the writer's deadline and pay, or the bookkeeping.
      client: ['writerDeadline', 'visibility', 'invitedAt', 'pendingWriter', 'editor', 'rateCard', ...CLIENT_PROFILE, ...ORDER_MONITORING],
    },
  },
  'order-events': { fields: [...STAMPS, 'tenant', 'order', 'action', 'from', 'to', 'actor', 'reason', 'metadata'], hiddenFrom: all(STAFF) },
  // The business timeline of invoices and payouts: the website's staff read it whole.
  'workflow-events': { fields: [...STAMPS, 'tenant', 'collection', 'document', 'action', 'from', 'to', 'actor', 'reason', 'data'], hiddenFrom: all(STAFF) },
  'order-interests': { fields: [...STAMPS, 'tenant', 'order', 'writer', 'kind', 'status', 'message'], hiddenFrom: all([...STAFF, 'writer']) },
  'order-assignments': { fields: [...STAMPS, 'tenant', 'order', 'writer', 'assignedBy', 'source', 'status', 'isCurrent', 'releasedAt', 'releaseReason'], hiddenFrom: all([...STAFF, 'writer']) },
  'order-requests': {
    fields: [...STAMPS, 'tenant', 'order', 'specialOrder', 'kind', 'status', 'requestedBy', 'reason', 'description', 'statusBefore', 'outcome', 'resolution', 'forfeitPercent', 'amount', 'decidedBy', 'decidedAt'],
    hiddenFrom: all(STAFF),
  },
  'writer-levels': {
    fields: [...STAMPS, 'tenant', 'code', 'name', 'displayOrder', 'active', 'isDefault', 'earningMode', 'payPerPage', 'payPerSlide', 'percentOfTotalBp', 'urgentThresholdHours', 'urgentSurchargePerPage', 'urgentMultiplierBp', 'tipPercent', 'maxActiveOrders', 'maxManualTakes', ...LEVEL_CRITERIA],
    hiddenFrom: all([...STAFF, 'writer']),
  },
  // A writer's weekly snapshots, level changes and discipline: the website's admins and support, and the writer (their own).
  'writer-evaluations': {
    fields: [...STAMPS, 'tenant', 'writer', 'periodStart', 'periodEnd', 'windowStart', 'assignedOrders', 'completedOrders', 'submittedOrders', 'completionRate', 'latenessRate', 'revisionRate', 'disputeRate', 'cancellationRate', 'averageRating', 'compositeScore', 'level'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'writer']),
  },
  'writer-level-changes': {
    fields: [...STAMPS, 'tenant', 'writer', 'from', 'to', 'direction', 'trigger', 'reasons', 'note', 'evaluation', 'changedBy'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'writer']),
  },
  'discipline-records': {
    fields: [...STAMPS, 'tenant', 'writer', 'kind', 'reason', 'status', 'startsAt', 'endsAt', 'automatic', 'issuedBy', 'liftedBy', 'liftedReason', 'endedAt'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'writer']),
  },
  'ledger-accounts': { fields: [...STAMPS, 'tenant', 'code', 'name', 'type'], hiddenFrom: all(['superadmin', 'admin']) },
  'journal-entries': { fields: [...STAMPS, 'tenant', 'reference', 'type', 'memo', 'lines'], hiddenFrom: all(['superadmin', 'admin']) },
  wallets: { fields: [...STAMPS, 'tenant', 'owner', 'kind', 'currency', 'balance', 'held', 'account'], hiddenFrom: all(['superadmin', 'admin', 'support', 'client']) },
  payments: {
    fields: [
      ...STAMPS, 'tenant', 'reference', 'client', 'purpose', 'provider', 'status', 'amount', 'currency', 'order', 'tip', 'invoice', 'installment', 'checkoutUrl', 'providerSession', 'providerPaymentIntent', 'amountRefunded', 'appliedAt', 'failureReason',
      ...group('confirmation', ['confirmedBy', 'confirmedAt', 'bankReference', 'note']),
    ],
    // Who at the website confirmed a bank transfer, and their notes, are the staff's.
    hiddenFrom: { ...all(['superadmin', 'admin', 'support']), client: group('confirmation', ['confirmedBy', 'confirmedAt', 'bankReference', 'note']) },
  },
  refunds: {
    fields: [...STAMPS, 'tenant', 'order', 'specialOrder', 'classOrder', 'client', 'amount', 'destination', 'status', 'payment', 'providerRefund', 'externalReference', 'reason', 'createdBy'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'client']),
  },
  tips: {
    fields: [...STAMPS, 'tenant', 'order', 'client', 'writer', 'amount', 'writerAmount', 'platformAmount', 'status', 'message'],
    // The client sees what they gave, the writer what reaches them; the margin is the staff's.
    hiddenFrom: { ...all(['superadmin', 'admin', 'support']), writer: ['amount', 'platformAmount'], client: ['writerAmount', 'platformAmount'] },
  },
  'writer-earnings': {
    fields: [...STAMPS, 'tenant', 'writer', 'order', 'fine', 'classOrder', 'classTask', 'specialOrder', 'kind', 'amount', 'status', 'reference', 'breakdown', 'paidAt', 'payoutRecord'],
    hiddenFrom: all([...STAFF, 'writer']),
  },
  'payment-windows': { fields: [...STAMPS, 'tenant', 'opensAt', 'closesAt', 'status', 'closedAt', 'batch'], hiddenFrom: all(['superadmin', 'admin', 'support', 'writer']) },
  'payout-batches': { fields: [...STAMPS, 'tenant', 'window', 'total', 'count', 'status'], hiddenFrom: all(['superadmin', 'admin', 'support']) },
  'payout-records': {
    fields: [...STAMPS, 'tenant', 'batch', 'writer', 'amount', 'earnings', 'status', 'method', 'externalReference', 'paidAt', 'paidBy'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'writer']),
  },
  'payout-requests': {
    fields: [...STAMPS, 'tenant', 'writer', 'wallet', 'amount', 'status', 'expiresAt', 'method', 'externalReference', 'reason', 'decidedAt', 'decidedBy'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'writer']),
  },
  // A website's fine types: its staff and writers read them (what a fine may be for).
  'fine-types': { fields: [...STAMPS, 'tenant', ...FINE_TYPE], hiddenFrom: all(['superadmin', 'admin', 'support', 'writer']) },
  // A fine: the website's admins and support, and the writer fined, read it whole.
  fines: {
    fields: [
      ...STAMPS, 'tenant', 'writer', 'order', 'type', 'amount', 'status', 'reason', 'hoursLate', 'percent', 'issuedBy', 'reference',
      ...group('appeal', ['reason', 'evidence', 'escalatedBefore', 'escalationReason', 'answer']),
      ...group('effect', ['appliedAt', 'fromEarning', 'receivable', 'receivableRow', 'recovered', 'writtenOff', 'writtenOffAt', 'liftedAt', 'restored']),
    ],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'writer']),
  },
  // A class of the website's first client, not assigned yet: its staff read it whole, the client all but the writer's pay.
  'class-orders': {
    fields: [
      ...STAMPS, 'tenant', 'number', 'client', 'writer', ...CLASS_DETAILS, 'status', 'notes', 'quotedAmount', 'acceptedAmount', 'discount', 'total', 'amountPaid', 'paymentStatus', 'invoice', 'pausedAt', 'pauseReason', 'statusBefore',
      ...group('compensation', ['kind', 'value']),
    ],
    // What the client pays is not the writer's business; what the writer earns is not the client's.
    hiddenFrom: { ...all(['superadmin', 'admin', 'support']), client: group('compensation', ['kind', 'value']), writer: ['quotedAmount', 'acceptedAmount', 'discount', 'total', 'amountPaid', 'invoice'] },
  },
  'class-proposals': {
    fields: [...STAMPS, 'tenant', 'classOrder', 'client', 'kind', 'amount', 'discount', 'final', 'note', 'expiresAt', 'status', 'replyTo', 'by', 'answeredAt'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'client']),
  },
  'class-installments': {
    fields: [...STAMPS, 'tenant', 'classOrder', 'client', 'installment', 'sequence', 'deposit', 'amount', 'dueAt', 'status', 'paidAt'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'client']),
  },
  // A task of a class not assigned yet: staff and the client read it, the client not what it earned the writer.
  'class-tasks': {
    fields: [...STAMPS, 'tenant', 'classOrder', ...CLASS_TASK_INPUTS, 'status', 'writer', 'client', 'grade', 'notes', 'earned'],
    hiddenFrom: { ...all(['superadmin', 'admin', 'support']), client: ['earned'] },
  },
  // Special orders (issue 17): the website's admins and support read them whole, the client their own (the fixture's is client@alpha's, no writer yet).
  'special-order-configs': { fields: [...STAMPS, 'tenant', ...SPECIAL_ORDER_CONFIG], hiddenFrom: all(['superadmin', 'admin', 'editor', 'support', 'writer', 'client']) },
  'special-orders': {
    fields: [
      ...STAMPS, 'tenant', 'number', 'client', 'writer', 'title', 'description', 'pricingMode', 'config', 'duration', 'status', 'statusBefore', 'total', 'amountPaid', 'currency', 'fundingStatus', 'invoice', 'requiresFullPayment', 'deliveryUnlocked', 'createdBy',
      'acceptedAt', 'assignedAt', 'submittedAt', 'completedAt', 'approvedAt', 'cancelledAt',
      ...group('compensation', ['kind', 'value']),
    ],
    // What the client pays is not the writer's business; what the writer earns is not the client's.
    hiddenFrom: { ...all(['superadmin', 'admin', 'support']), client: group('compensation', ['kind', 'value']), writer: ['total', 'amountPaid', 'invoice'] },
  },
  'special-order-quotes': { fields: [...STAMPS, 'tenant', 'specialOrder', 'client', 'lines', 'subtotal', 'discount', 'total', 'currency', 'status', 'expiresAt', 'sentAt', 'decidedAt', 'note', 'answer', 'sentBy'], hiddenFrom: all(['superadmin', 'admin', 'support', 'client']) },
  'funding-milestones': {
    fields: [...STAMPS, 'tenant', 'specialOrder', 'client', 'installment', 'sequence', 'kind', 'label', 'amount', 'requiredBeforeStaffing', 'requiredBeforeDelivery', 'status', 'dueAt', 'paidAt', 'waivedBy', 'waiveReason'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'client']),
  },
  // A notification: its recipient and the website's admins read it whole.
  notifications: {
    fields: [...STAMPS, 'tenant', 'recipient', 'event', 'category', 'priority', 'title', 'body', 'link', 'data', 'key', 'readAt', 'inbox', 'emailStatus', 'emailReason', 'emailedAt', 'digestedAt'],
    hiddenFrom: all(['superadmin', 'admin', 'client']),
  },
  // Preferences: their user and the website's admins.
  'notification-preferences': { fields: [...STAMPS, 'tenant', 'user', ...NOTIFICATION_PREFERENCE], hiddenFrom: all(['superadmin', 'admin', 'client']) },
  'notification-templates': { fields: [...STAMPS, 'tenant', ...NOTIFICATION_TEMPLATE], hiddenFrom: all(['superadmin', 'admin']) },
  // The referrer reads their own referrals: status and reward, not who the referee is or the review's facts.
  referrals: {
    fields: [...STAMPS, 'tenant', 'referrer', 'referee', 'code', 'status', 'refereeIp', 'refereeUserAgent', 'referrerIp', 'referrerUserAgent', 'flags', ...group('reward', ['walletCents', 'referrerPoints', 'refereePoints']), 'qualifyingOrder', 'rewardedAt', 'voidedReason'],
    hiddenFrom: { ...all(['superadmin', 'admin', 'support']), client: REFERRAL_REVIEW },
  },
  invoices: {
    fields: [...STAMPS, 'tenant', 'number', 'client', 'title', 'lines', 'subtotal', 'discount', 'total', 'discountSnapshot', 'amountPaid', 'currency', 'status', 'dueAt', 'issuedAt', 'paidAt', 'cancelledAt', 'expiredAt', 'payTokenExpiresAt', 'reminderUpcomingAt', 'reminderDueAt', 'reminderOverdueAt', 'createdBy', 'classOrder', 'specialOrder'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'client']),
  },
  installments: {
    fields: [...STAMPS, 'tenant', 'invoice', 'client', 'sequence', 'amount', 'amountPaid', 'dueAt', 'status', 'paidAt', 'reminderUpcomingAt', 'reminderDueAt', 'reminderOverdueAt'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'client']),
  },
  receipts: {
    fields: [...STAMPS, 'tenant', 'number', 'kind', 'payment', 'client', 'amount', 'currency', 'paidFor', 'issuedAt', 'voids', 'reason', 'createdBy'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'client']),
  },
  // A client's points are theirs and the website's admins' and support's (issue 14).
  'loyalty-accounts': { fields: [...STAMPS, 'tenant', 'client', 'balance', 'lifetimeEarned', 'tier'], hiddenFrom: all(['superadmin', 'admin', 'support', 'client']) },
  'loyalty-transactions': {
    fields: [...STAMPS, 'tenant', 'client', 'account', 'points', 'kind', 'reason', 'reference', 'order', 'balanceAfter', 'shortfall'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'client']),
  },
  // The catalogue: the website's clients shop in it, its admins keep it.
  'loyalty-rewards': {
    fields: [...STAMPS, 'tenant', 'name', 'description', 'pointsRequired', 'kind', 'discountKind', 'discountValue', 'stock', 'maxPerClient', 'active'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'client']),
  },
  'loyalty-redemptions': {
    fields: [...STAMPS, 'tenant', 'client', 'reward', 'points', 'status', 'transaction', 'discount', 'discountCode', 'reason', 'decidedAt', 'decidedBy'],
    hiddenFrom: all(['superadmin', 'admin', 'support', 'client']),
  },
  // A code is a secret until used: the website's staff read discounts and campaigns, clients never list them.
  discounts: { fields: [...STAMPS, 'tenant', ...DISCOUNT, 'timesUsed', 'status'], hiddenFrom: all(STAFF) },
  'discount-campaigns': { fields: [...STAMPS, 'tenant', ...DISCOUNT_CAMPAIGN, 'spent', 'status'], hiddenFrom: all(STAFF) },
  // Mail campaigns, their recipients and the suppressed addresses: the website's admins only.
  'email-campaigns': { fields: [...STAMPS, 'tenant', ...EMAIL_CAMPAIGN_READ, 'status', ...group('progress', ['total', 'sent', 'failed', 'skipped']), 'startedAt', 'finishedAt'], hiddenFrom: all(['superadmin', 'admin']) },
  'email-recipients': { fields: [...STAMPS, 'tenant', 'campaign', 'user', 'address', 'status', 'reason', 'claimedAt', 'sentAt', 'attempt', 'messageId'], hiddenFrom: all(['superadmin', 'admin']) },
  'email-suppressions': { fields: [...STAMPS, 'tenant', 'address', 'reason', 'note'], hiddenFrom: all(['superadmin', 'admin']) },
  // A client reads their own usages (the test's usage is the website's first client's).
  'discount-usages': {
    fields: [...STAMPS, 'tenant', 'discount', 'client', 'payableType', 'order', 'invoice', 'payment', 'payableKey', 'subtotal', 'discountAmount', 'total', 'origin', 'code', 'status', 'campaign'],
    hiddenFrom: all([...STAFF, 'client']),
  },
  // Reviews (issue 15): the website's admins and support read them whole; the client their own, without the
  // moderators' note and name; the writer approved ones about them, without who wrote them or why anything was moderated.
  reviews: {
    fields: [...STAMPS, 'tenant', 'kind', 'order', 'client', 'writer', 'rating', 'writerRating', 'text', 'status', ...group('moderation', ['reasons', 'note', 'moderatedBy', 'moderatedAt'])],
    hiddenFrom: {
      ...all(['superadmin', 'admin', 'support']),
      client: ['moderation.note', 'moderation.moderatedBy'],
      writer: ['client', 'moderation.reasons', 'moderation.note', 'moderation.moderatedBy'],
    },
  },
  // Support tickets (issue 15): the website's support and admins read them; the opener (the test's client) reads theirs, never the breach flags or the escalation note.
  tickets: {
    fields: [
      ...STAMPS, 'tenant', 'number', 'subject', 'category', 'priority', 'description', 'order', 'attachments', 'opener', 'openerRole', 'assignee', 'assignedAt', 'status',
      ...group('sla', ['firstResponseDueAt', 'resolutionDueAt', 'firstRespondedAt', 'firstResponseBreachedAt', 'resolutionBreachedAt']),
      'escalationReason', 'resolution', 'closedAt', 'reopenCount',
    ],
    hiddenFrom: { ...all(['superadmin', 'admin', 'support']), client: ['sla.firstResponseBreachedAt', 'sla.resolutionBreachedAt', 'escalationReason'] },
  },
  // A reply on the client's ticket (an internal note is not theirs to read at all: tickets.test.ts).
  'ticket-messages': { fields: [...STAMPS, 'tenant', 'ticket', 'author', 'byStaff', 'internal', 'body', 'attachments', 'opener'], hiddenFrom: all(['superadmin', 'admin', 'support', 'client']) },
  'ticket-attachments': { fields: [...STAMPS, 'tenant', 'uploadedBy', 'ticket', 'message', 'opener', 'internal', ...UPLOAD], hiddenFrom: all(['superadmin', 'admin', 'support', 'client']) },
  outbox: { fields: [...STAMPS, 'type', 'tenant', 'payload', 'dedupeKey', 'status', 'attempts', 'availableAt', 'dispatchedAt', 'doneAt', 'lastError'], hiddenFrom: all(['superadmin']) },
  'order-files': { fields: [...STAMPS, 'tenant', 'order', 'specialOrder', 'classOrder', 'purpose', 'uploadedBy', 'revisionRequest', 'note', ...UPLOAD], hiddenFrom: all([...STAFF, 'client']) },
  'order-messages': { fields: [...STAMPS, 'tenant', 'order', 'specialOrder', 'classOrder', 'thread', 'author', 'body', 'masked'], hiddenFrom: all([...STAFF, 'client']) },
  media: { fields: [...STAMPS, 'tenant', 'alt', ...UPLOAD], hiddenFrom: all([...STAFF, 'content', 'writer', 'client']) },
  posts: publishedContent(POST),
  pages: publishedContent(PAGE),
  // Shown with the website's posts: everyone there reads them (a hidden author only its editors: contentAccess.test.ts).
  authors: { fields: [...STAMPS, 'tenant', 'name', 'slug', 'bio', 'credentials', 'expertise', 'links', 'photo', 'showPublicly'], hiddenFrom: all(ROLES) },
  categories: { fields: [...STAMPS, 'tenant', 'name', 'slug', 'description'], hiddenFrom: all(ROLES) },
  tags: { fields: [...STAMPS, 'tenant', 'name', 'slug'], hiddenFrom: all(ROLES) },
  // Old slugs: the public API answers them; the collection is the website's editors'.
  redirects: { fields: [...STAMPS, 'tenant', 'collection', 'fromSlug', 'doc'], hiddenFrom: all(CONTENT) },
  // The audit trail (issue 15): a website's admins read its rows whole; superadmins every website's. Nobody writes them through the API.
  'audit-events': { fields: [...STAMPS, 'tenant', 'kind', 'action', 'actor', 'actorEmail', 'actorRole', 'impersonator', 'targetCollection', 'targetId', 'changes', 'address', 'userAgent', 'requestId', 'seq', 'prevHash', 'hash'], hiddenFrom: all(['superadmin', 'admin']) },
  // A class's portal credentials: admins and support see that they exist, never the sealed parts (hidden fields, in no API answer).
  'class-access': { fields: [...STAMPS, 'tenant', 'classOrder', 'keyId', 'twoFactorWindow', 'updatedBy'], hiddenFrom: all(['superadmin', 'admin', 'support']) },
  // The credentials access log: the website's admins.
  'class-access-views': { fields: [...STAMPS, 'tenant', 'classOrder', 'viewer', 'role', 'reason', 'at', 'outcome', 'answer'], hiddenFrom: all(['superadmin', 'admin']) },
}

/**
 * Writes: the fields each role may set through an API body, on create and on update.
 * Anything else in a body is ignored (or, for `roles` / `tenants` changes a role may not
 * make, refused with 403 — tested in roleEscalation.test.ts). A collection or role not
 * listed may not create (or update) at all.
 */
export type WriteRule = { create?: Partial<Record<Role, string[]>>; update?: Partial<Record<Role, string[]>> }

const STAFF_PLACEMENT = [...ORDER_INPUTS, 'client', 'writerDeadline']
const USER_PROFILE = ['name', 'phone', 'timezone', 'email', 'password']

const ADMINS: Role[] = ['admin', 'superadmin']
const MESSAGE_BODY = ['order', 'specialOrder', 'classOrder', 'thread', 'body']
const each = (roles: Role[], fields: string[]) => Object.fromEntries(roles.map((r) => [r, fields])) as Partial<Record<Role, string[]>>

/** A website's own settings, edited by its admins; the number counters only ever move by allocation. */
const WEBSITE = ['name', 'slug', 'domains', 'active', 'currency', 'branding', 'pricing', 'orderPrefix', 'settings', 'content']
const PRICE_OPTION = ['dimension', 'code', 'label', 'multiplier', 'amount', 'flat', 'maxHours', 'category', 'sortOrder', 'active']
const WRITER_LEVEL = ['code', 'name', 'displayOrder', 'active', 'isDefault', 'earningMode', 'payPerPage', 'payPerSlide', 'percentOfTotalBp', 'urgentThresholdHours', 'urgentSurchargePerPage', 'urgentMultiplierBp', 'tipPercent', 'maxActiveOrders', 'maxManualTakes', 'criteria']
/** What an admin gives when issuing a discipline record; its status, issuer and dates are the server's. */
const DISCIPLINE_ISSUE = ['writer', 'kind', 'reason', 'endsAt']
const LOYALTY_REWARD = ['name', 'description', 'pointsRequired', 'kind', 'discountKind', 'discountValue', 'stock', 'maxPerClient', 'active']

/** What content-rights holders write; the rest (computed fields, the website) is the server's. */
const POST_WRITE = [...POST, 'meta', '_status']
const PAGE_WRITE = ['title', 'slug', 'template', 'summary', 'hero', 'featuredImage', 'body', 'cta', 'pricingFrom', 'pricingTo', 'meta', '_status']
const AUTHOR_WRITE = ['name', 'slug', 'bio', 'credentials', 'expertise', 'links', 'photo', 'showPublicly']
const contentWrites = (fields: string[]): WriteRule => ({ create: each(CONTENT, fields), update: each(CONTENT, fields) })

export const WRITES: Record<string, WriteRule> = {
  tenants: { create: each(['superadmin'], WEBSITE), update: each(ADMINS, WEBSITE) },
  posts: contentWrites(POST_WRITE),
  pages: contentWrites(PAGE_WRITE),
  authors: contentWrites(AUTHOR_WRITE),
  categories: contentWrites(['name', 'slug', 'description']),
  tags: contentWrites(['name', 'slug']),
  'pricing-options': { create: each(ADMINS, PRICE_OPTION), update: each(ADMINS, PRICE_OPTION) },
  'writer-levels': { create: each(ADMINS, WRITER_LEVEL), update: each(ADMINS, WRITER_LEVEL) },
  // Issued by admins; afterwards it changes only through its workflow (lift, expire).
  'discipline-records': { create: each(ADMINS, DISCIPLINE_ISSUE) },
  'fine-types': { create: each(ADMINS, FINE_TYPE), update: each(ADMINS, FINE_TYPE) },
  'special-order-configs': { create: each(ADMINS, SPECIAL_ORDER_CONFIG), update: each(ADMINS, SPECIAL_ORDER_CONFIG) },
  // A client opens their own; staff open one for a client. Everything after is the workflows'.
  'special-orders': { create: { client: SPECIAL_ORDER_OPEN, ...each(['support', 'admin', 'superadmin'], [...SPECIAL_ORDER_OPEN, 'client']) } },
  // Clients and writers open tickets; everything after is the workflow's (actions, POST /api/ticket-messages).
  tickets: { create: each(['client', 'writer'], ['subject', 'category', 'priority', 'description', 'order', 'attachments']) },
  // Staff issue a fine by creating it; everything after is the workflow's (appeal, waive, void).
  fines: { create: each(['superadmin', 'admin', 'support'], ['writer', 'order', 'type', 'amount', 'reason']) },
  // A client creates their class, staff one for a client; everything after is the workflow's.
  'class-orders': { create: { client: CLASS_DETAILS, support: [...CLASS_DETAILS, 'client'], admin: [...CLASS_DETAILS, 'client'], superadmin: [...CLASS_DETAILS, 'client'] } },
  'class-tasks': { create: each(['superadmin', 'admin', 'support'], ['classOrder', ...CLASS_TASK_INPUTS]) },
  // Users change theirs through /api/notification-preferences/me; admins adjust their website's here.
  'notification-preferences': { update: each(ADMINS, NOTIFICATION_PREFERENCE) },
  'notification-templates': { create: each(ADMINS, NOTIFICATION_TEMPLATE), update: each(ADMINS, NOTIFICATION_TEMPLATE) },
  'loyalty-rewards': { create: each(ADMINS, LOYALTY_REWARD), update: each(ADMINS, LOYALTY_REWARD) },
  // Uploads are created with a file (their own tests); their descriptions and an image's
  // crop point are edited by these. What Payload records of the file itself is the server's.
  media: { update: each(CONTENT, ['alt', 'focalX', 'focalY']) },
  'order-files': { update: each(STAFF, ['purpose', 'note', 'focalX', 'focalY']) },
  orders: {
    create: { client: ORDER_INPUTS, support: STAFF_PLACEMENT, admin: [...STAFF_PLACEMENT, 'filesReleased'], superadmin: [...STAFF_PLACEMENT, 'filesReleased'] },
    // Everything else about an order moves through its workflow actions.
    update: { admin: ['topic', 'instructions', 'filesReleased'], superadmin: ['topic', 'instructions', 'filesReleased'] },
  },
  users: {
    create: { admin: [...USER_PROFILE, 'roles', 'tenants', 'writerLevel', 'suspended', 'penName'], superadmin: [...USER_PROFILE, 'roles', 'tenants', 'writerLevel', 'suspended', 'penName'] },
    // Everyone edits their own profile; the level and suspension of a writer are an admin's; a writer's pen name theirs and the admins'.
    update: {
      client: USER_PROFILE,
      writer: [...USER_PROFILE, 'penName'],
      editor: USER_PROFILE,
      support: USER_PROFILE,
      content: USER_PROFILE,
      admin: [...USER_PROFILE, 'writerLevel', 'suspended', 'penName'],
      superadmin: [...USER_PROFILE, 'writerLevel', 'suspended', 'penName'],
    },
  },
  // A client writes a review of their own order or of the website; everything after is its moderation (workflow actions).
  reviews: { create: { client: ['order', 'rating', 'writerRating', 'text'] } },
  // The website's admins run its discounts; usages are written by checkout only.
  discounts: { create: each(ADMINS, DISCOUNT), update: each(ADMINS, DISCOUNT) },
  'discount-campaigns': { create: each(ADMINS, DISCOUNT_CAMPAIGN), update: each(ADMINS, DISCOUNT_CAMPAIGN) },
  // A campaign's content and audience are its admins' while a draft; status and progress are the workflow's.
  'email-campaigns': { create: each(ADMINS, EMAIL_CAMPAIGN), update: each(ADMINS, EMAIL_CAMPAIGN) },
  // Suppressing is creating (lifting, deleting); a suppression is never edited.
  'email-suppressions': { create: each(ADMINS, ['address', 'reason', 'note']) },
  // A message names exactly one record (order, special order or class order), its thread and its text.
  'order-messages': { create: each(['client', 'writer', ...STAFF], MESSAGE_BODY) },
}
