import proxyaddr from 'proxy-addr'

/** Whether the hop `hop` steps away from the socket (0: the peer itself), at `address`, is a proxy we trust. */
export type Trust = (address: string, hop: number) => boolean

const NOTHING: Trust = () => false

/**
 * Reads TRUST_PROXY: unset, empty or `0` trusts nothing (the socket's peer is the
 * client); a hop count trusts that many proxies in front of the server; anything else is
 * a comma-separated list of addresses, CIDRs or proxy-addr's names (`loopback`,
 * `linklocal`, `uniquelocal`). Throws a TypeError naming what it cannot read, so a
 * typo stops the process instead of trusting the wrong hop.
 */
export const parseTrustProxy = (setting: string | undefined): Trust => {
  const value = setting?.trim() ?? ''
  if (value === '') return NOTHING
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    if (hops > 16) throw new TypeError(`a hop count of ${hops} is not believable (at most 16)`)
    return hops === 0 ? NOTHING : (_address, hop) => hop < hops
  }
  const entries = value.split(',').map((entry) => entry.trim())
  const empty = entries.findIndex((entry) => entry === '')
  if (empty >= 0) throw new TypeError(`entry ${empty + 1} of the list is empty`)
  return proxyaddr.compile(entries)
}

/** The problem with a TRUST_PROXY setting, or null when it is readable (for the environment's schema). */
export const trustProxyProblem = (setting: string): string | null => {
  try {
    parseTrustProxy(setting)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
