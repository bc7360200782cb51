/**
 * Lexical, the rich-text editor the Payload config loads, ships for Node a wrapper per
 * package (`*.node.mjs`) that picks its development or production build with a
 * top-level `await import()`. On Node 20 a graph of these wrappers importing each other
 * sometimes never settles: the process ends with code 13 or 0, or waits forever, at
 * "starting Payload" (measured on the compiled worker with NODE_ENV=production: 1 start
 * in 10; without NODE_ENV most starts). Started with `--conditions=production` (or
 * `development`), Node resolves Lexical's builds directly and loads no wrapper.
 */
export const START_FLAG = '--conditions=production'

/** Whether Lexical would load through its top-level-await wrapper in this process. */
export const lexicalWrapperInUse = (resolve: (specifier: string) => string): boolean => {
  try {
    return /\.node\.mjs$/.test(resolve('lexical'))
  } catch {
    // Not installed where this process looks: nothing can load it.
    return false
  }
}

/** Exit 1 with one line before anything loads Lexical through its wrapper. */
export const requireDirectLexicalBuild = (resolve: (specifier: string) => string = (s) => import.meta.resolve(s)): void => {
  if (!lexicalWrapperInUse(resolve)) return
  process.stderr.write(
    `Start this process with node ${START_FLAG} (npm start, npm run worker and npm run migrate do): without it, loading Lexical can stall start-up\n`,
  )
  process.exit(1)
}
