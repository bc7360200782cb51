import { isReservedSlug } from './paths'

export const MAX_SLUG_LENGTH = 96
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * A slug from a title: ASCII lower case (accents dropped, not the letters), words joined
 * by single dashes, cut at a dash to the maximum length.
 */
export const slugify = (title: string): string => {
  const flat = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (flat.length <= MAX_SLUG_LENGTH) return flat
  const cut = flat.slice(0, MAX_SLUG_LENGTH + 1).lastIndexOf('-')
  return flat.slice(0, cut > 0 ? cut : MAX_SLUG_LENGTH).replace(/-+$/, '')
}

/** Why a slug cannot be used, or null when it can (uniqueness is the database's to say). */
export const slugProblem = (slug: string): string | null => {
  if (slug.length === 0) return 'A slug is required.'
  if (slug.length > MAX_SLUG_LENGTH) return `A slug has at most ${MAX_SLUG_LENGTH} characters.`
  if (!SLUG.test(slug)) return 'Use lower-case letters, digits and single dashes.'
  if (isReservedSlug(slug)) return `"${slug}" is reserved for the website's own pages; choose another slug.`
  return null
}

export const SLUG_TAKEN_MESSAGE = 'This slug is already used on this website.'
