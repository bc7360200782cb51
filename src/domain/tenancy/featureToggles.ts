/**
 * Per-website feature switches and their defaults (reference §1.1 TenantFeatureToggle),
 * each read by the feature it switches (`docs/settings.md`). The reference's switches for
 * features not on the roadmap (order drafts and presets, writer portfolios, pay advances)
 * are left out: a switch without effect misleads the admin (`docs/decisions.md`).
 */
export const FEATURE_TOGGLES = {
  /** Off until a website's admin offers it (issue 16): a mailbox then stands for a password. */
  magicLinkEnabled: false,
  twoFactorRequired: false,
  passwordResetEnabled: true,
  messagingEnabled: true,
  allowWriterFeedback: true,
  allowWallet: true,
  allowClassOrders: true,
  allowDisputes: true,
  allowEscalations: true,
  allowRegistration: true,
  /** Clients verify their email by link before they place an order (they sign in and browse before). */
  emailVerificationRequired: false,
} as const satisfies Record<string, boolean>

export type FeatureToggle = keyof typeof FEATURE_TOGGLES

/** Whether a website has a feature switched on: what its admin set, else the default. */
export const featureOn = (website: { settings?: { features?: Partial<Record<FeatureToggle, boolean | null>> | null } | null }, name: FeatureToggle): boolean =>
  website.settings?.features?.[name] ?? FEATURE_TOGGLES[name]
