/**
 * The start-up of a long-running process (web, worker). Until `done()`, a timer holds
 * the event loop open: twice, under load, the web process ended with code 0 in the
 * middle of starting Payload, with an await pending and nothing else left in the loop
 * (a module import through tsx's loader thread holds no handle of its own). The timer
 * also reports a slow start-up every minute and bounds it, and an early exit names the
 * stage it happened in.
 */
export const startupWatch = (name: string, limitMs = 10 * 60_000) => {
  let stage = 'loading modules'
  const started = Date.now()
  const say = (line: string) => process.stderr.write(`${name} ${line}, at: ${stage}\n`)
  let ticks = 0
  const timer = setInterval(() => {
    ticks += 1
    const elapsed = Date.now() - started
    if (elapsed >= limitMs) {
      say(`start-up took more than ${Math.round(limitMs / 1000)} s`)
      process.exit(1)
    }
    if (ticks % 60 === 0) say(`still starting after ${Math.round(elapsed / 1000)} s`)
  }, 1000)
  const onExit = (code: number) => say(`exited with code ${code} during start-up`)
  process.on('exit', onExit)
  return {
    stage: (next: string) => {
      stage = next
    },
    done: () => {
      clearInterval(timer)
      process.off('exit', onExit)
    },
  }
}
