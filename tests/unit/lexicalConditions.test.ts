import { spawnSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { lexicalWrapperInUse, START_FLAG } from '../../src/server/lexicalConditions'

/** Where plain node resolves `lexical` with the given flags. */
const resolvedBy = (flags: string[]) => {
  const result = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', "process.stdout.write(import.meta.resolve('lexical'))"], {
    encoding: 'utf8',
  })
  expect(result.stderr).toBe('')
  return result.stdout
}

describe('Lexical build resolution', () => {
  it('plain node loads Lexical through its top-level-await wrapper, and the check sees it', () => {
    const resolved = resolvedBy([])
    expect(resolved).toMatch(/\/lexical\/dist\/Lexical\.node\.mjs$/)
    expect(lexicalWrapperInUse(() => resolved)).toBe(true)
  })

  it(`with ${START_FLAG} (the production start) node loads the production build directly`, () => {
    const resolved = resolvedBy([START_FLAG])
    expect(resolved).toMatch(/\/lexical\/dist\/Lexical\.prod\.mjs$/)
    expect(lexicalWrapperInUse(() => resolved)).toBe(false)
  })

  it('does not refuse a process in which Lexical cannot be resolved at all', () => {
    expect(
      lexicalWrapperInUse(() => {
        throw new Error('Cannot find package')
      }),
    ).toBe(false)
  })
})
