import { beforeEach } from 'vitest'

import { resetRateLimits } from '../../src/security/rateLimits'
import { resetSessionActivity } from '../../src/security/sessionActivity'

// Rate limits are tested on purpose in their own file; elsewhere each test starts from zero.
// So do session activity stamps (each test's tokens are stamped afresh on first use).
beforeEach(() => {
  resetRateLimits()
  resetSessionActivity()
})
