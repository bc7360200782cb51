/**
 * The start-up of a long-running process (web, worker): names the stage it is at when
 * start-up is slow (a line every `reportEveryMs`), stalls or ends early, and bounds it.
 *
 * It no longer holds the event loop open. That hold was added when production ran
 * TypeScript through tsx: a module import through the loader's thread held no handle,
 * so the process either ended with code 0 mid-start or, held open, waited forever at
 * "starting Payload". Production now runs compiled JavaScript with plain `node`, whose
 * imports keep the loop alive while they read files, so an empty loop during start-up
 * is a bug: the process says where it stalled and exits 1, and whatever supervises it
 * starts it again, instead of a process that never becomes ready.
 */
export const startupWatch = (name: string, options: { limitMs?: number; reportEveryMs?: number } = {}) => {
  const { limitMs = 10 * 60_000, reportEveryMs = 60_000 } = options
  let stage = 'loading modules'
  const started = Date.now()
  const say = (line: string) => process.stderr.write(`${name} ${line}, at: ${stage}\n`)
  const seconds = (ms: number) => Math.round(ms / 1000)

  const onExit = (code: number) => say(`exited with code ${code} during start-up`)
  const fail = (line: string) => {
    process.off('exit', onExit)
    say(line)
    process.exit(1)
  }

  const report = setInterval(() => say(`still starting after ${seconds(Date.now() - started)} s`), reportEveryMs)
  const limit = setTimeout(() => fail(`start-up took more than ${seconds(limitMs)} s`), limitMs)
  // Reporting only: neither timer keeps the process alive.
  report.unref()
  limit.unref()

  const onEmptyLoop = () => fail('start-up stalled with nothing left to wait on')
  process.on('beforeExit', onEmptyLoop)
  process.on('exit', onExit)
  return {
    stage: (next: string) => {
      stage = next
    },
    done: () => {
      clearInterval(report)
      clearTimeout(limit)
      process.off('beforeExit', onEmptyLoop)
      process.off('exit', onExit)
    },
  }
}
