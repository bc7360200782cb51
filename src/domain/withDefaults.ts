/** A settings group as stored (any field may be unset) over the defaults it falls back to. */
export const withDefaults = <T extends object>(defaults: T, stored: Partial<Record<keyof T, unknown>> | null | undefined): T => {
  const out = { ...defaults }
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const value = stored?.[key]
    if (value !== null && value !== undefined) out[key] = value as T[keyof T]
  }
  return out
}
