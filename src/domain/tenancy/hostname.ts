/**
 * Host and domain normalisation. A website is stored under its bare domain
 * (`alpha.test`) and a request is matched by its Host header, so both sides go through
 * the same function.
 */

const HOSTNAME_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

/**
 * Lower-case, drop scheme, path, port and a leading `www.`; returns null for anything
 * that is not a hostname.
 */
export const normalizeHostname = (input: string): string | null => {
  let host = input.trim().toLowerCase()
  if (!host) return null
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
  host = host.split(/[/?#]/, 1)[0] ?? ''
  host = host.replace(/^[^@]*@/, '')
  // IPv6 literals carry colons of their own; they are never website domains.
  if (host.startsWith('[')) return null
  host = host.replace(/:\d*$/, '')
  host = host.replace(/\.$/, '')
  if (host.startsWith('www.')) host = host.slice(4)
  if (!host || host.length > 253) return null
  const labels = host.split('.')
  if (!labels.every((label) => HOSTNAME_LABEL.test(label))) return null
  return host
}

/**
 * The names a request host may be registered under, most specific first: the host
 * itself, then its parent domain when it has more than two labels
 * (`api.alpha.test` → `alpha.test`), as the reference resolver does.
 */
export const hostCandidates = (rawHost: string | null | undefined): string[] => {
  if (!rawHost) return []
  const host = normalizeHostname(rawHost)
  if (!host) return []
  const labels = host.split('.')
  const candidates = [host]
  if (labels.length > 2) candidates.push(labels.slice(1).join('.'))
  return candidates
}
