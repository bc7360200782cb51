import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The lint rules of the one gate (issue 11) and of the layering, run through ESLint's own
 * API with the project's config on planted files: each case names the rule and its
 * message, so removing or loosening a rule fails here.
 */
let eslint: ESLint

const lint = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.map((m) => ({ rule: m.ruleId, message: m.message }))
}

const endpoint = (body: string) => `import type { PayloadRequest } from 'payload'\n\nexport const handler = async (req: PayloadRequest) => {\n${body}\n}\n`

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() })
})

describe('one gate: overrideAccess', () => {
  it('refuses a literal overrideAccess: true in an endpoint file', async () => {
    const messages = await lint('src/endpoints/planted.ts', endpoint(`  return req.payload.find({ collection: 'orders', overrideAccess: true, req })`))
    expect(messages).toEqual([{ rule: 'scriptorium/no-override-access', message: expect.stringContaining('overrideAccess may only be the literal false here') }])
  })

  it('refuses overrideAccess set from a variable or assigned later', async () => {
    const messages = await lint(
      'src/operations/planted.ts',
      endpoint(`  const yes = Boolean(req.user)\n  const args = { collection: 'orders' as const, overrideAccess: yes, req }\n  args.overrideAccess = true\n  return req.payload.find(args)`),
    )
    expect(messages.map((m) => m.rule)).toEqual(['scriptorium/no-override-access', 'scriptorium/no-override-access', 'scriptorium/local-api-states-access'])
    expect(messages[1]!.message).toContain('overrideAccess is never assigned')
  })

  it('refuses a Local API call that does not state overrideAccess, even with a spread', async () => {
    const messages = await lint(
      'src/operations/planted.ts',
      endpoint(`  const base = { depth: 0 }\n  await req.payload.count({ collection: 'orders', req })\n  return req.payload.findByID({ ...base, collection: 'orders', id: 1, req })`),
    )
    expect(messages).toEqual([
      { rule: 'scriptorium/local-api-states-access', message: expect.stringContaining('does not state overrideAccess') },
      { rule: 'scriptorium/local-api-states-access', message: expect.stringContaining('does not state overrideAccess') },
    ])
  })

  it('accepts the caller’s access and the system through asSystem(proofOf(req))', async () => {
    const code = [
      `import type { PayloadRequest } from 'payload'`,
      ``,
      `import { asSystem, proofOf } from '@/access/system'`,
      `import { visibleDoc } from '@/operations/gate'`,
      ``,
      `export const handler = async (req: PayloadRequest) => {`,
      `  await visibleDoc(req, 'orders', 1)`,
      `  await req.payload.find({ collection: 'orders', overrideAccess: false, user: req.user, req })`,
      `  return req.payload.update({ collection: 'orders', id: 1, data: {}, ...asSystem(proofOf(req)), req })`,
      `}`,
    ].join('\n')
    expect(await lint('src/endpoints/planted.ts', code)).toEqual([])
  })
})

describe('one gate: who mints proofs', () => {
  const minting = `import { asSystem, systemProof } from '@/access/system'\nimport type { Payload } from 'payload'\n\nexport const run = (payload: Payload) => payload.count({ collection: 'orders', ...asSystem(systemProof('planted')) })\n`

  it('refuses systemProof outside the server’s own entries', async () => {
    expect(await lint('src/endpoints/planted.ts', minting)).toEqual([{ rule: 'no-restricted-imports', message: expect.stringContaining('systemProof is for jobs, seed, migrations and server start-up') }])
  })

  it('lets jobs, seed and server start-up mint one', async () => {
    expect(await lint('src/jobs/planted.ts', minting)).toEqual([])
    expect(await lint('src/seed/planted.ts', minting)).toEqual([])
  })

  it('refuses a hand-made Local API request outside them', async () => {
    const code = `import { createLocalReq, type Payload } from 'payload'\n\nexport const make = (payload: Payload) => createLocalReq({}, payload)\n`
    expect(await lint('src/operations/planted.ts', code)).toEqual([{ rule: 'no-restricted-imports', message: expect.stringContaining('would skip the gate') }])
  })
})

describe('layering: the domain is pure', () => {
  it('refuses payload in src/domain', async () => {
    const code = `import type { Where } from 'payload'\n\nexport const none: Where = {}\n`
    expect(await lint('src/domain/planted.ts', code)).toEqual([{ rule: 'no-restricted-imports', message: expect.stringContaining('src/domain is pure: no Payload, Next or React') }])
  })

  it('refuses another layer, by alias or relative path', async () => {
    const code = `import { inTransaction } from '@/operations/inTransaction'\nimport { post } from '../../operations/ledger/post'\n\nexport const both = [inTransaction, post]\n`
    expect(await lint('src/domain/orders/planted.ts', code)).toEqual([
      { rule: 'no-restricted-imports', message: expect.stringContaining('src/domain imports no other layer') },
      { rule: 'no-restricted-imports', message: expect.stringContaining('src/domain imports no other layer') },
    ])
  })

  it('accepts the domain’s own modules', async () => {
    const code = `import { isRole } from '@/domain/roles'\nimport { z } from 'zod'\n\nexport const both = [isRole, z]\n`
    expect(await lint('src/domain/orders/planted.ts', code)).toEqual([])
  })
})
