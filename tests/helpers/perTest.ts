import { beforeEach } from 'vitest'

import { resetRateLimits } from '../../src/security/rateLimits'

// Rate limits are tested on purpose in their own file; elsewhere each test starts from zero.
beforeEach(() => resetRateLimits())
