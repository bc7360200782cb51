import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from './compiledProcess'

export type SecondApiProcess = { base: string; child: ChildProcess; output: () => string; close: () => Promise<void> }

/**
 * Another web process on the test's database and Redis (tests/helpers/apiProcessMain.ts
 * under tsx, from source): what a second web process of a deployment sees.
 */
export const startSecondApiProcess = async (env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<SecondApiProcess> => {
  const tsx = path.join(projectRoot, 'node_modules/.bin/tsx')
  const child = spawn(tsx, ['--conditions=development', path.join(projectRoot, 'tests/helpers/apiProcessMain.ts')], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-65_536)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the second process was not ready in ${timeoutMs / 1000} s:\n${output}`)), timeoutMs)
    const look = () => {
      const ready = /API_READY (\S+)/.exec(output)
      if (ready) {
        clearTimeout(timer)
        resolve(ready[1]!)
      }
    }
    child.stdout.on('data', look)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the second process exited with ${code}:\n${output}`))
    })
  })
  return {
    base,
    child,
    output: () => output,
    close: async () => {
      if (child.exitCode !== null) return
      const ended = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await Promise.race([ended, new Promise((r) => setTimeout(r, 5000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}
