import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

import { BUILD_NEEDS, compiledEntry, type SERVER_ENTRIES } from '../../scripts/build/serverEntries.mjs'
import { START_FLAG } from '../../src/server/lexicalConditions'

export type EntryName = keyof typeof SERVER_ENTRIES

export const projectRoot = path.resolve(import.meta.dirname, '../..')

/** The files of the production build that the entry needs and that are missing. */
export const missingBuild = (name: EntryName): string[] =>
  [compiledEntry(name), ...BUILD_NEEDS[name]].filter((file) => !existsSync(path.join(projectRoot, file)))

export type CompiledProcess = { child: ChildProcess; output: () => string }

/**
 * A compiled entry started the way production starts it (`npm start`, the Dockerfile):
 * plain node, no TypeScript loader. Output is kept (the last 64 KiB) for failure reports.
 */
export const startCompiled = (name: EntryName, env: NodeJS.ProcessEnv): CompiledProcess => {
  const child = spawn(process.execPath, [START_FLAG, compiledEntry(name)], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-65_536)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return { child, output: () => output }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null

/** Resolves once `GET base/readyz` answers 200; rejects when the process ends or time runs out. */
export const waitForReady = async (base: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`exited with ${child.exitCode ?? child.signalCode} before it was ready`)
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`not ready within ${timeoutMs / 1000} s`)
}

/** Resolves once the process's output holds `text`; rejects when it ends or time runs out. */
export const waitForOutput = async (running: CompiledProcess, text: string, timeoutMs = 120_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (running.output().includes(text)) return
    if (exited(running.child)) throw new Error(`exited with ${running.child.exitCode ?? running.child.signalCode} before "${text}"`)
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`no "${text}" within ${timeoutMs / 1000} s`)
}

/** The exit code (or signal) once the process ends, or 'timeout'. */
export const waitForExit = async (child: ChildProcess, timeoutMs: number): Promise<number | string> => {
  if (exited(child)) return child.exitCode ?? String(child.signalCode)
  const ended = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? String(signal))))
  return Promise.race([ended, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timeoutMs).unref())])
}

/** SIGTERM, then the exit code; SIGKILL and 'timeout' when it does not end in time. */
export const stopCompiled = async (child: ChildProcess, timeoutMs = 30_000): Promise<number | string> => {
  if (!exited(child)) child.kill('SIGTERM')
  const result = await waitForExit(child, timeoutMs)
  if (result === 'timeout') child.kill('SIGKILL')
  return result
}
