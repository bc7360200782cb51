/**
 * `npm run bench -- --compare`: the regression gate. The run's ratios (each scenario's
 * median round) against the latest results committed under bench/results/; a ratio
 * more than `MAX_DROP` below its committed value fails the run. Ratios only: rates move
 * with the machine, ratios to a same-run baseline far less. Run by hand or nightly,
 * never in CI.
 */
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { ScenarioResult } from './report'

/** A ratio may fall this much (15 %) below the committed one before the gate fails. */
export const MAX_DROP = 0.15

export type Comparison = { scenario: string; what: string; committed: number; now: number; change: number; pass: boolean }

type Comparable = Pick<ScenarioResult, 'name' | 'throughputRatio' | 'medianRatio' | 'throughputRatioWithoutUserRead' | 'checks'>

/** The ratios of a result that the gate holds, by name. */
const ratiosOf = (result: Comparable): Map<string, number> => {
  const ratios = new Map<string, number>([['throughput ÷ baseline', result.medianRatio ?? result.throughputRatio]])
  if (result.throughputRatioWithoutUserRead !== undefined) ratios.set('throughput ÷ baseline without the user read', result.throughputRatioWithoutUserRead)
  // Payload against Payload in the same run (the webhook against the list).
  for (const check of result.checks) if (/^throughput ÷ \S+ throughput/.test(check.what) && Number.isFinite(check.value)) ratios.set(check.what, check.value)
  return ratios
}

/** Every ratio present in both runs; scenarios or ratios new since the committed run are not compared. */
export const compareRuns = (now: readonly Comparable[], committed: readonly Comparable[], maxDrop = MAX_DROP): Comparison[] =>
  now.flatMap((result) => {
    const before = committed.find((c) => c.name === result.name)
    if (!before) return []
    const old = ratiosOf(before)
    return [...ratiosOf(result)].flatMap(([what, value]) => {
      const reference = old.get(what)
      if (reference === undefined || reference <= 0) return []
      const change = Math.round(((value - reference) / reference) * 1000) / 1000
      return [{ scenario: result.name, what, committed: reference, now: value, change, pass: value >= reference * (1 - maxDrop) }]
    })
  })

/** The newest results file tracked by git (what was committed, not a local run's). */
export const latestCommitted = async (): Promise<{ file: string; results: ScenarioResult[] } | null> => {
  const root = path.resolve(import.meta.dirname, '..')
  const tracked = execFileSync('git', ['ls-files', 'bench/results/*.json'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean).sort()
  const file = tracked.at(-1)
  if (!file) return null
  const report = JSON.parse(await readFile(path.join(root, file), 'utf8')) as { results: ScenarioResult[] }
  return { file, results: report.results }
}

export const formatComparison = (file: string, comparisons: readonly Comparison[]): string => {
  const lines = comparisons.map(
    (c) => `  ${c.pass ? 'PASS' : 'FAIL'}  ${c.scenario}: ${c.what} ${c.now} against ${c.committed} committed (${c.change >= 0 ? '+' : ''}${(c.change * 100).toFixed(1)} %, floor −${MAX_DROP * 100} %)`,
  )
  return `Against ${file}:\n${lines.length ? lines.join('\n') : '  no scenario of this run is in the committed results'}`
}
