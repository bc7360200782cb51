/** The printed table and the target checks of a run. */
import type { LoadResult } from './load'
import type { Scenario } from './scenarios'

export type ScenarioResult = {
  name: string
  title: string
  baselineDoes: string
  /** Set when the "baseline" is another Payload request of the same run (what it is). */
  reference?: string
  /** The path production serves (Express → src/server/payloadApi.ts → Payload): the targets' figures. */
  payload: LoadResult
  /** Payload's REST handler called directly behind node's http, beside it. */
  direct: LoadResult
  baseline: LoadResult
  /** The baseline that also skips the user read (lists), when measured. */
  baselineWithoutUserRead?: LoadResult
  /** Throughput over that baseline's. */
  throughputRatioWithoutUserRead?: number
  /** The production path's throughput over the direct handler's. */
  productionOverDirect: number
  throughputRatio: number
  /** Each round's throughput ratio (production ÷ baseline in the same round), and their median: what `--compare` holds. */
  roundRatios?: number[]
  medianRatio?: number
  p99Ratio: number
  /** SQL statements per Payload request, by page size (`default` for non-lists). */
  statements: Record<string, number>
  /** CPU time of the servers' process per request (ms), from sequential requests. */
  cpuMs: { payload: number; direct: number; baseline: number }
  checks: Check[]
}

export type Check = { what: string; value: number; limit: string; pass: boolean }

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const evaluate = (
  scenario: Scenario,
  payload: LoadResult,
  direct: LoadResult,
  baseline: LoadResult,
  statements: Record<string, number>,
  cpuMs: ScenarioResult['cpuMs'],
  baselineWithoutUserRead?: LoadResult,
  roundRatios?: number[],
): ScenarioResult => {
  const throughputRatio = round(baseline.rps > 0 ? payload.rps / baseline.rps : 0, 3)
  const p99Ratio = round(baseline.p99 > 0 ? payload.p99 / baseline.p99 : 0, 2)
  const checks: Check[] = []
  const t = scenario.targets
  if (t.minThroughputRatio !== undefined) {
    checks.push({ what: scenario.reference ? `throughput ÷ ${scenario.reference}` : 'throughput ÷ baseline', value: throughputRatio, limit: `≥ ${t.minThroughputRatio}`, pass: throughputRatio >= t.minThroughputRatio })
  }
  if (t.maxP99Ratio !== undefined) checks.push({ what: 'p99 ÷ baseline p99', value: p99Ratio, limit: `≤ ${t.maxP99Ratio}`, pass: p99Ratio <= t.maxP99Ratio })
  if (t.maxStatements !== undefined) {
    for (const [size, n] of Object.entries(statements)) {
      checks.push({ what: `SQL statements / request (limit=${size})`, value: n, limit: `≤ ${t.maxStatements}`, pass: n <= t.maxStatements })
    }
  }
  // An ETag scenario's 304s are its expected answers (autocannon counts them as non-2xx).
  const non2xx = (l: LoadResult) => (scenario.expectStatus ? 0 : l.non2xx)
  const failed =
    payload.errors + non2xx(payload) + direct.errors + non2xx(direct) + baseline.errors + non2xx(baseline) + (baselineWithoutUserRead ? baselineWithoutUserRead.errors + non2xx(baselineWithoutUserRead) : 0)
  checks.push({ what: `errors + non-2xx (every server${scenario.expectStatus ? `; ${scenario.expectStatus} expected` : ''})`, value: failed, limit: '= 0', pass: failed === 0 })
  return {
    name: scenario.name,
    title: scenario.title,
    baselineDoes: scenario.baseline,
    ...(scenario.reference ? { reference: scenario.reference } : {}),
    payload,
    direct,
    baseline,
    ...(baselineWithoutUserRead
      ? { baselineWithoutUserRead, throughputRatioWithoutUserRead: round(baselineWithoutUserRead.rps > 0 ? payload.rps / baselineWithoutUserRead.rps : 0, 3) }
      : {}),
    ...(roundRatios?.length ? { roundRatios: roundRatios.map((r) => round(r, 3)), medianRatio: round(median(roundRatios), 3) } : {}),
    productionOverDirect: round(direct.rps > 0 ? payload.rps / direct.rps : 0, 3),
    throughputRatio,
    p99Ratio,
    statements,
    cpuMs,
    checks,
  }
}

const table = (rows: string[][]): string => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

export const formatResults = (results: ScenarioResult[]): string => {
  const rows = [['scenario', 'server', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'err/non2xx', 'rps ratio', 'p99 ratio', 'CPU ms/req', 'SQL/req']]
  for (const r of results) {
    const sql = Object.entries(r.statements)
      .map(([size, n]) => (size === 'default' ? `${n}` : `${n} (limit ${size})`))
      .join(', ')
    const cells = (l: LoadResult) => [l.rps.toFixed(1), l.p50.toFixed(1), l.p95.toFixed(1), l.p99.toFixed(1), `${l.errors}/${l.non2xx}`]
    const directRatio = r.baseline.rps > 0 ? r.direct.rps / r.baseline.rps : 0
    rows.push([r.name, 'production', ...cells(r.payload), `${r.throughputRatio.toFixed(3)}×`, `${r.p99Ratio.toFixed(2)}×`, r.cpuMs.payload.toFixed(2), sql])
    rows.push(['', 'handler', ...cells(r.direct), `${directRatio.toFixed(3)}×`, '', r.cpuMs.direct.toFixed(2), ''])
    rows.push(['', r.reference ? `reference: ${r.reference}` : 'baseline', ...cells(r.baseline), '', '', r.cpuMs.baseline.toFixed(2), ''])
    if (r.baselineWithoutUserRead) rows.push(['', 'baseline, no user read', ...cells(r.baselineWithoutUserRead), `${r.throughputRatioWithoutUserRead?.toFixed(3)}×`, '', '', ''])
  }
  const checks = results.flatMap((r) => r.checks.map((c) => `  ${c.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${c.what} = ${c.value} (target ${c.limit})`))
  const paths = results.map((r) => `  ${r.name}: production path ÷ Payload's handler = ${r.productionOverDirect.toFixed(3)}× throughput`)
  return `${table(rows)}\n\nproduction: Express → src/server/payloadApi.ts → Payload (what users get; the targets' figures); handler: Payload's REST handler called directly.\n${paths.join('\n')}\n\nTargets:\n${checks.join('\n')}`
}

/** Targets measured against another scenario of the same run (Payload against Payload). */
export const crossChecks = (results: ScenarioResult[], scenarios: Scenario[]) => {
  for (const result of results) {
    const t = scenarios.find((s) => s.name === result.name)?.targets
    const other = (name: string) => results.find((r) => r.name === name)
    if (t?.maxP99Over) {
      const ref = other(t.maxP99Over.scenario)
      const value = ref && ref.payload.p99 > 0 ? round(result.payload.p99 / ref.payload.p99, 2) : Number.NaN
      result.checks.push({ what: `p99 ÷ ${t.maxP99Over.scenario} p99 (Payload)`, value, limit: `≤ ${t.maxP99Over.ratio}${ref ? '' : ' (not in this run)'}`, pass: value <= t.maxP99Over.ratio })
    }
    if (t?.minThroughputOver) {
      const ref = other(t.minThroughputOver.scenario)
      const value = ref && ref.payload.rps > 0 ? round(result.payload.rps / ref.payload.rps, 3) : Number.NaN
      result.checks.push({ what: `throughput ÷ ${t.minThroughputOver.scenario} throughput (Payload)`, value, limit: `≥ ${t.minThroughputOver.ratio}${ref ? '' : ' (not in this run)'}`, pass: value >= t.minThroughputOver.ratio })
    }
  }
}
