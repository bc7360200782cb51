/** Placeholders a website's preview pattern may hold. */
export const PREVIEW_PLACEHOLDERS = ['{collection}', '{slug}', '{id}'] as const

/**
 * The preview address of a document from the website's pattern
 * (`https://alpha.test/preview/{collection}/{slug}`): each placeholder replaced by its
 * URL-encoded value. No pattern, or a document without a slug yet, → no preview.
 */
export const previewUrl = (
  pattern: string | null | undefined,
  doc: { collection: string; slug?: string | null; id?: number | string | null },
): string | null => {
  if (!pattern || !pattern.trim()) return null
  if (pattern.includes('{slug}') && !doc.slug) return null
  const values: Record<(typeof PREVIEW_PLACEHOLDERS)[number], string> = {
    '{collection}': doc.collection,
    '{slug}': doc.slug ?? '',
    '{id}': doc.id == null ? '' : String(doc.id),
  }
  return PREVIEW_PLACEHOLDERS.reduce((url, key) => url.split(key).join(encodeURIComponent(values[key])), pattern.trim())
}

/** Whether a preview pattern is an http(s) address (placeholders allowed anywhere after the origin). */
export const isPreviewPattern = (pattern: string): boolean => {
  try {
    const url = new URL(PREVIEW_PLACEHOLDERS.reduce((p, key) => p.split(key).join('x'), pattern.trim()))
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}
