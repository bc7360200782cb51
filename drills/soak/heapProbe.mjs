/**
 * Preloaded into the soak's web and worker processes (NODE_OPTIONS=--import): on
 * SIGUSR2, a full garbage collection, then the process's memory as one JSON line
 * appended to SOAK_HEAP_FILE. The heap used right after a full collection is the floor
 * that a leak raises; the product itself needs none of this.
 */
import fs from 'node:fs'
import process from 'node:process'
import v8 from 'node:v8'
import vm from 'node:vm'

const file = process.env.SOAK_HEAP_FILE
if (file) {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc')
  process.on('SIGUSR2', () => {
    gc()
    gc()
    const memory = process.memoryUsage()
    fs.appendFileSync(file, `${JSON.stringify({ pid: process.pid, at: Date.now(), heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, rss: memory.rss, external: memory.external })}\n`)
  })
}
