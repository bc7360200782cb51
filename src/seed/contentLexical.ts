/**
 * Lexical JSON for seeded rich text, in the shape the editor itself saves (the same node
 * versions as Payload's website template), so the admin opens seeded documents unchanged.
 */

type Node = Record<string, unknown>
/** A run of text or an internal link to a post or page. */
export type Inline = string | { link: string; to: { relationTo: 'posts' | 'pages'; value: number } }

const BLOCK = { direction: 'ltr', format: '', indent: 0, version: 1 } as const

const text = (value: string): Node => ({ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: value, version: 1 })

const inline = (part: Inline): Node =>
  typeof part === 'string'
    ? text(part)
    : { type: 'link', children: [text(part.link)], ...BLOCK, fields: { linkType: 'internal', doc: part.to, newTab: false }, version: 3 }

export const paragraph = (...parts: Inline[]): Node => ({ type: 'paragraph', children: parts.map(inline), ...BLOCK, textFormat: 0, textStyle: '' })

export const heading = (value: string, tag: 'h2' | 'h3' = 'h2'): Node => ({ type: 'heading', children: [text(value)], ...BLOCK, tag })

let blockCount = 0
/** A block node; `id` is the row id Payload gives blocks (24 hex characters). */
export const block = (blockType: string, fields: Record<string, unknown>): Node => {
  blockCount += 1
  const id = `5eed${blockCount.toString(16).padStart(20, '0')}`
  return { type: 'block', fields: { id, blockName: '', blockType, ...fields }, format: '', version: 2 }
}

export const richText = (...children: Node[]) => ({ root: { type: 'root', children, ...BLOCK } })
