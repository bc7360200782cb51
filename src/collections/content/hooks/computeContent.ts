import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { lexicalLeadText, lexicalPlainText, type LexicalState } from '@/domain/content/lexical'
import { prepublishProblems, type PrepublishDoc } from '@/domain/content/prepublish'
import { defaultExcerpt, readingTime, wordCount } from '@/domain/content/text'

import type { ContentCollection } from '@/domain/content/paths'

/** The field that holds a document's teaser: posts have an excerpt, pages a summary. */
const TEASER: Record<ContentCollection, 'excerpt' | 'summary'> = { posts: 'excerpt', pages: 'summary' }

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === ''

/**
 * On every save of a post or page: the text-derived fields (plain text, word count,
 * reading time, the teaser when left empty or last computed) and the warnings. When the save publishes:
 * the blockers refuse it with 400 naming the field, and a first publication stamps
 * `publishedAt`. `data` is only what the request changes, so the rest comes from the
 * stored document.
 */
export const computeContent =
  (collection: ContentCollection): CollectionBeforeChangeHook =>
  ({ data, originalDoc }) => {
    const doc = { ...originalDoc, ...data } as PrepublishDoc & Record<string, unknown>
    const text = lexicalPlainText(doc.body as LexicalState)
    const words = wordCount(text)
    const teaser = TEASER[collection]
    // A teaser the last save computed follows the body; one the editor wrote stays. (`data`
    // may repeat stored values, so "unchanged" is what tells them apart.)
    const teaserWasComputed = (data[teaser] === undefined || data[teaser] === originalDoc?.[teaser]) && originalDoc != null && !blank(originalDoc[teaser]) && originalDoc[teaser] === defaultExcerpt(lexicalLeadText(originalDoc.body as LexicalState))
    const { blockers, warnings } = prepublishProblems(collection, doc)
    const publishing = doc._status === 'published'
    if (publishing && blockers.length > 0) throw new ValidationError({ collection, errors: blockers.map(({ field, message }) => ({ path: field, message })) })
    return {
      ...data,
      plainText: text,
      wordCount: words,
      readingTime: readingTime(words),
      ...(text && (blank(doc[teaser]) || teaserWasComputed) ? { [teaser]: defaultExcerpt(lexicalLeadText(doc.body as LexicalState)) } : {}),
      warnings,
      warningCount: warnings.length,
      ...(publishing && !doc.publishedAt ? { publishedAt: new Date().toISOString() } : {}),
    }
  }
