/** Average adult silent reading speed for non-fiction, the usual basis of "N min read". */
export const WORDS_PER_MINUTE = 220
export const EXCERPT_MAX = 300

/** Words in a text: runs of letters or digits (apostrophes and inner dashes keep a word whole). */
export const wordCount = (text: string): number => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0

/** Minutes to read that many words, rounded up, never less than one. */
export const readingTime = (words: number): number => Math.max(1, Math.ceil(Math.max(0, words) / WORDS_PER_MINUTE))

/**
 * A teaser from the text: the whole text when it fits, else cut at the last word boundary
 * before `max` (an ellipsis included in the count), so it never ends mid-word.
 */
export const defaultExcerpt = (text: string, max = EXCERPT_MAX): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const room = flat.slice(0, max - 1)
  const cut = room.lastIndexOf(' ')
  const head = (cut > max / 2 ? room.slice(0, cut) : room).replace(/[\s,;:.!?–—-]+$/u, '')
  return `${head}…`
}
