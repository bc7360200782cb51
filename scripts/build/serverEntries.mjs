/**
 * The long-running entries `npm run build` compiles to JavaScript, where they land, and
 * what else each needs from the build. Plain JavaScript: `scripts/requireBuild.mjs`
 * reads it with plain `node` before a production start.
 */
export const SERVER_OUTDIR = 'dist/server'

/** Output name → source entry. */
export const SERVER_ENTRIES = {
  index: 'src/server/index.ts',
  worker: 'src/server/worker.ts',
  migrate: 'src/server/migrate.ts',
  seed: 'src/server/seed.ts',
  'audit-verify': 'src/server/auditVerify.ts',
  'credentials-reencrypt': 'src/server/credentialsReencrypt.ts',
}

/** @param {keyof typeof SERVER_ENTRIES} name the compiled entry's file, relative to the project */
export const compiledEntry = (name) => `${SERVER_OUTDIR}/${name}.js`

/** Files besides the entry itself that a production start needs (the web process serves Next's build). */
export const BUILD_NEEDS = {
  index: ['.next/BUILD_ID'],
  worker: [],
  migrate: [],
  seed: [],
  'audit-verify': [],
  'credentials-reencrypt': [],
}
