'use client'

import { usePathname, useSearchParams } from 'next/navigation'

/**
 * "Export CSV" in a collection list's menu: the export endpoint with the list's current
 * filter and sort (the admin keeps both in the URL), so the file holds what the list
 * shows, every page of it. The admin's cookie authenticates the download.
 */
export const ExportCsvLink = () => {
  const pathname = usePathname()
  const search = useSearchParams()
  const slug = /\/collections\/([^/]+)/.exec(pathname ?? '')?.[1]
  if (!slug) return null
  const query = new URLSearchParams()
  for (const [key, value] of search?.entries() ?? []) if (key === 'sort' || key.startsWith('where')) query.append(key, value)
  const href = `/api/${slug}/export.csv${query.size ? `?${query.toString()}` : ''}`
  return (
    // A plain link, not Next's: the browser downloads the file instead of routing to it.
    <a className="popup-button-list__button" data-export-csv="true" download href={href}>
      Export CSV
    </a>
  )
}
