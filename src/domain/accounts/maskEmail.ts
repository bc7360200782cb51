/**
 * An address shown to someone who should recognise it without reading it whole (the old
 * address told of a change): the first letter of the local part and the domain.
 */
export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@')
  if (at < 1) return '***'
  return `${email[0]}***${email.slice(at)}`
}
