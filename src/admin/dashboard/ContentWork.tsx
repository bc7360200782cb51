'use client'

import type { StaffDashboard } from '@/operations/dashboard/staffDashboard'

import { when, WorkList } from './Cards'

type Content = NonNullable<StaffDashboard['content']>

const KIND: Record<string, string> = { posts: 'Post', pages: 'Page' }

/** The content editor's work on the dashboard: drafts, scheduled publishing, published pages with warnings. */
export const ContentWork = ({ content, websiteName }: { content: Content; websiteName: (id: number | null) => string }) => (
  <>
    <h2>Content</h2>
    <WorkList
      name="contentScheduled"
      title={`Scheduled (${content.scheduled.count})`}
      head={['Title', 'Kind', 'Action', 'When', 'Website']}
      empty="Nothing is scheduled."
      rows={content.scheduled.items.map((s) => ({
        key: s.job,
        link: s.link,
        cells: [
          s.title || `#${s.id}`,
          KIND[s.collection],
          s.error ? (
            <span data-failed style={{ color: 'var(--theme-error-500)' }}>
              {s.action} failed: {s.error}
            </span>
          ) : (
            s.action
          ),
          when(s.at),
          websiteName(s.website),
        ],
      }))}
    />
    <WorkList
      name="contentDrafts"
      title={`Drafts (${content.drafts.count})`}
      head={['Title', 'Kind', 'State', 'Updated', 'Website']}
      empty="No drafts."
      rows={content.drafts.items.map((d) => ({
        key: `${d.collection}:${d.id}`,
        link: d.link,
        cells: [d.title || `#${d.id}`, KIND[d.collection], d.live ? 'unpublished changes' : 'never published', when(d.updatedAt), websiteName(d.website)],
      }))}
    />
    <WorkList
      name="contentWarnings"
      title={`Published with warnings (${content.warnings.count})`}
      head={['Title', 'Kind', 'Warnings', 'Updated', 'Website']}
      empty="No published page has warnings."
      rows={content.warnings.items.map((w) => ({
        key: `${w.collection}:${w.id}`,
        link: w.link,
        cells: [w.title || `#${w.id}`, KIND[w.collection], w.warningCount, when(w.updatedAt), websiteName(w.website)],
      }))}
    />
  </>
)
