/**
 * Reading Lexical JSON (the editor state Payload stores for rich text) without Lexical
 * itself: the computed fields and the pre-publish checks only need its text and links.
 */
export type LexicalNode = {
  type?: string
  text?: string
  children?: readonly LexicalNode[]
  fields?: Record<string, unknown> | null
  [key: string]: unknown
}

export type LexicalState = { root?: LexicalNode | null } | null | undefined

/** Nodes that end a line of text, so words on either side never run together. */
const BLOCK_LEVEL = new Set(['root', 'paragraph', 'heading', 'quote', 'listitem', 'list', 'block', 'tablecell', 'tablerow', 'table', 'upload'])

/** Block fields that are not prose (addresses, ids, media): left out of the plain text. */
const NON_PROSE_KEYS = new Set(['id', 'blockType', 'blockName', 'buttonUrl', 'url', 'image', 'paperTypes'])

/** The prose inside a block's fields (FAQ answers, quotes, table cells), depth first. */
const blockProse = (value: unknown, key: string | null, out: string[]): void => {
  if (key !== null && NON_PROSE_KEYS.has(key)) return
  if (typeof value === 'string') {
    if (value.trim()) out.push(value.trim())
    return
  }
  if (Array.isArray(value)) {
    for (const item of value) blockProse(item, null, out)
    return
  }
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) blockProse(v, k, out)
}

const walkText = (node: LexicalNode, out: string[]): void => {
  if (typeof node.text === 'string') out.push(node.text)
  if (node.type === 'linebreak') out.push('\n')
  if (node.type === 'block' && node.fields) {
    const prose: string[] = []
    blockProse(node.fields, null, prose)
    out.push(prose.join('\n'))
  }
  for (const child of node.children ?? []) walkText(child, out)
  if (node.type && BLOCK_LEVEL.has(node.type)) out.push('\n')
}

/** The document as plain text: paragraphs on their own lines, the prose of blocks included. */
export const lexicalPlainText = (state: LexicalState): string => {
  const root = state?.root
  if (!root) return ''
  const out: string[] = []
  walkText(root, out)
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

/** Top-level nodes that carry the document's running prose (not headings, blocks or media). */
const LEAD_NODES = new Set(['paragraph', 'quote', 'list'])

/**
 * The running prose a teaser is cut from: the top-level paragraphs, quotes and lists, so
 * that headings ("Count the working days") and block contents (a FAQ's answers) do not run
 * into the sentences around them. A body of headings and blocks only falls back to all of
 * its text.
 */
export const lexicalLeadText = (state: LexicalState): string => {
  const top = (state?.root?.children ?? []).filter((node) => node.type !== undefined && LEAD_NODES.has(node.type))
  const lead = lexicalPlainText({ root: { type: 'root', children: top } })
  return lead || lexicalPlainText(state)
}

/** Collections an internal link may point at (LinkFeature's enabledCollections). */
export const LINKABLE_COLLECTIONS = ['posts', 'pages'] as const

const isInternalLink = (node: LexicalNode): boolean => {
  if (node.type !== 'link' && node.type !== 'autolink') return false
  const fields = node.fields
  if (!fields || fields.linkType !== 'internal') return false
  const doc = fields.doc as { relationTo?: unknown; value?: unknown } | null | undefined
  return Boolean(doc && (LINKABLE_COLLECTIONS as readonly unknown[]).includes(doc.relationTo) && doc.value != null)
}

const countLinks = (node: LexicalNode): number =>
  (isInternalLink(node) ? 1 : 0) + (node.children ?? []).reduce((sum, child) => sum + countLinks(child), 0)

/** How many links to another post or page the document holds. */
export const internalLinkCount = (state: LexicalState): number => (state?.root ? countLinks(state.root) : 0)

/** Whether the document has any text or block at all (an empty editor still stores a paragraph). */
export const lexicalIsEmpty = (state: LexicalState): boolean => {
  const hasContent = (node: LexicalNode): boolean =>
    node.type === 'block' || node.type === 'upload' || (typeof node.text === 'string' && node.text.trim() !== '') || (node.children ?? []).some(hasContent)
  return !state?.root || !hasContent(state.root)
}

/** Documents the body points at, by collection: internal links, uploads and block images. */
export type LexicalReferences = { posts: number[]; pages: number[]; media: number[] }

const refId = (value: unknown): number | null => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'number' && Number.isInteger(id) ? id : null
}

/** Every post, page and media document the body refers to, each id once. */
export const lexicalReferences = (state: LexicalState): LexicalReferences => {
  const found = { posts: new Set<number>(), pages: new Set<number>(), media: new Set<number>() }
  const add = (collection: unknown, value: unknown) => {
    const id = refId(value)
    if (id !== null && (collection === 'posts' || collection === 'pages' || collection === 'media')) found[collection].add(id)
  }
  const walk = (node: LexicalNode) => {
    if (isInternalLink(node)) {
      const doc = node.fields!.doc as { relationTo: unknown; value: unknown }
      add(doc.relationTo, doc.value)
    }
    if (node.type === 'upload') add(node.relationTo, node.value)
    if (node.type === 'block' && node.fields?.blockType === 'imageWithCaption') add('media', node.fields.image)
    for (const child of node.children ?? []) walk(child)
  }
  if (state?.root) walk(state.root)
  return { posts: [...found.posts], pages: [...found.pages], media: [...found.media] }
}
