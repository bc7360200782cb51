/** Lexical JSON for tests: what the admin's editor would send. */
export type TestNode = { type: string; version: number; [key: string]: unknown }

const common = { direction: 'ltr', format: '', indent: 0, version: 1 } as const

export const textNode = (text: string): TestNode => ({ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 })

export const paragraph = (...children: TestNode[]): TestNode => ({ type: 'paragraph', ...common, textFormat: 0, children })

export const para = (text: string): TestNode => paragraph(textNode(text))

export const internalLink = (relationTo: 'posts' | 'pages', id: number, text: string): TestNode => ({
  type: 'link',
  ...common,
  version: 3,
  fields: { linkType: 'internal', newTab: false, doc: { relationTo, value: id } },
  children: [textNode(text)],
})

export const blockNode = (fields: Record<string, unknown>): TestNode => ({ type: 'block', version: 2, format: '', fields })

export const lexicalBody = (...children: TestNode[]) => ({ root: { type: 'root', ...common, children } })
