import type { CollectionAfterChangeHook } from 'payload'

import { forgetSessionSettings } from '@/operations/sessions/websiteSettings'

/** A website's idle timeouts and session limits apply to this process's next request (others' within 30 s). */
export const forgetSessionSettingsOnChange: CollectionAfterChangeHook = ({ doc }) => {
  forgetSessionSettings()
  return doc
}
