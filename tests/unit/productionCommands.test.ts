import { spawnSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { compiledEntry } from '../../scripts/build/serverEntries.mjs'
import { START_FLAG } from '../../src/server/lexicalConditions'

/**
 * Production runs compiled JavaScript with plain node: the npm commands an operator
 * uses and the container's command start the build's entries, never TypeScript through
 * a loader; development keeps tsx.
 */
const root = path.resolve(import.meta.dirname, '../..')
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8')
const scratch: string[] = []

afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true })
})

describe('production commands', () => {
  it.each([
    ['start', 'index'],
    ['worker', 'worker'],
    ['migrate', 'migrate'],
  ] as const)('npm run %s checks for the build, then runs the compiled %s entry with plain node', (script, entry) => {
    const command = scripts[script]!
    expect(command).toMatch(new RegExp(`^node scripts/requireBuild\\.mjs ${entry} && `))
    expect(command).toContain(`node ${START_FLAG} ${compiledEntry(entry)}`)
    expect(command).not.toMatch(/tsx|--import/)
  })

  it('npm start runs in production mode; npm run build compiles the entries and builds Next', () => {
    expect(scripts.start).toContain('NODE_ENV=production')
    expect(scripts.build).toMatch(/tsx scripts\/buildServer\.ts && .*next build/)
  })

  it('development keeps running TypeScript through tsx', () => {
    expect(scripts.dev).toMatch(/^tsx .*src\/server\/index\.ts --dev$/)
  })

  it('the image builds with npm run build and starts the compiled web entry', () => {
    expect(dockerfile).toMatch(/^RUN npm run build$/m)
    const cmd = dockerfile.match(/^CMD (.+)$/m)?.[1]
    expect(JSON.parse(cmd ?? 'null')).toEqual(['node', START_FLAG, compiledEntry('index')])
    expect(dockerfile).not.toMatch(/tsx/)
  })

  it('without a build, the start says so in one line instead of a stack trace', async () => {
    const project = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-no-build-'))
    scratch.push(project)
    await cp(path.join(root, 'scripts/requireBuild.mjs'), path.join(project, 'scripts/requireBuild.mjs'))
    await cp(path.join(root, 'scripts/build/serverEntries.mjs'), path.join(project, 'scripts/build/serverEntries.mjs'))
    await writeFile(path.join(project, 'package.json'), JSON.stringify({ type: 'module' }))
    const check = () => spawnSync(process.execPath, ['scripts/requireBuild.mjs', 'index'], { cwd: project, encoding: 'utf8' })

    const missing = check()
    expect(missing.status).toBe(1)
    expect(missing.stderr).toBe('No production build (dist/server/index.js, .next/BUILD_ID missing): run npm run build first\n')

    await mkdir(path.join(project, 'dist/server'), { recursive: true })
    await mkdir(path.join(project, '.next'))
    await writeFile(path.join(project, compiledEntry('index')), '')
    await writeFile(path.join(project, '.next/BUILD_ID'), 'x')
    const built = check()
    expect(built.stderr).toBe('')
    expect(built.status).toBe(0)
  })
})
