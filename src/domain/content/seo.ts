import { defaultExcerpt } from './text'

/** Search engines cut titles near 60 characters and descriptions near 160. */
export const META_TITLE_MAX = 60
export const META_DESCRIPTION_MAX = 160

export type WebsiteContentDefaults = { siteName?: string | null; defaultMetaDescription?: string | null }

/** "Title | Site": the site's name appended while it fits, the bare title otherwise. */
export const defaultMetaTitle = (title: string | null | undefined, website: WebsiteContentDefaults): string => {
  const base = (title ?? '').trim()
  const site = website.siteName?.trim()
  if (!site) return base
  if (!base) return site
  const full = `${base} | ${site}`
  return full.length <= META_TITLE_MAX ? full : base
}

/** The document's own teaser, else the website's default description, cut to length. */
export const defaultMetaDescription = (teaser: string | null | undefined, website: WebsiteContentDefaults): string =>
  defaultExcerpt(teaser?.trim() || website.defaultMetaDescription?.trim() || '', META_DESCRIPTION_MAX)
