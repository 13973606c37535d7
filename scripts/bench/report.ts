// The benchmark's report: each part's rows in one table, the tables under it, and one plain
// sentence per target. Each part builds its own rows; a part that was not run has none.
import os from 'node:os'
import { renderTable } from '../../src/report/table.js'
import { CAP_MS, type Section } from './common.js'
import { lagModel, lagRows, type LagSample } from './lag.js'
import { limiterRows, type LimiterCase } from './limiter.js'
import { pagingRows, proxyRows, type NetworkReport } from './network.js'
import type { PriorModel } from './prior.js'
import { priorCandidateTable, priorRows, priorTable } from './prior-rows.js'
import { reuseRows, type ReuseReport } from './reuse.js'
import { candidateTable } from './schedule-model.js'
import { bundleRows, sizeTable, type SizeResult } from './size.js'
import { startupRows, type StartupReport } from './startup.js'
import { sweepRows, type SweepRun } from './sweep.js'

export const PARTS = [
  'lag',
  'prior',
  'startup',
  'size',
  'sweep',
  'reuse',
  'paging',
  'proxy',
  'limiter'
] as const
export type Part = (typeof PARTS)[number]

export interface Results {
  /** The action bundle measured and the CLI bundle, relative to the repository. */
  bundleLabel: string
  cliLabel: string
  /** The parts run, when not all of them were. */
  only: Part[] | undefined
  lag?: LagSample[]
  startup?: StartupReport
  size?: SizeResult
  sweep?: SweepRun[]
  prior?: PriorModel
  reuse?: ReuseReport
  network?: NetworkReport
  limiter?: LimiterCase[]
  loadAtStart: number[]
  loadAtEnd: number[]
}

export interface Report {
  text: string
  /** One plain sentence per target: met or missed, and by how much. */
  targets: string[]
}

export function buildReport(results: Results): Report {
  const { lag, startup, size, sweep, prior } = results
  const model = lag === undefined ? undefined : lagModel(lag)
  const sections: Section[] = []
  if (lag !== undefined && model !== undefined) sections.push(...lagRows(lag, model, startup))
  if (prior !== undefined) sections.push(priorRows(prior))
  if (startup !== undefined) sections.push(startupRows(startup, results.cliLabel))
  if (results.reuse !== undefined) sections.push(reuseRows(results.reuse))
  if (size !== undefined) sections.push(bundleRows(size, results.bundleLabel, startup))
  if (sweep !== undefined) sections.push(sweepRows(sweep))
  if (results.network?.paging !== undefined) sections.push(pagingRows(results.network.paging))
  if (results.network?.proxy !== undefined) sections.push(proxyRows(results.network.proxy))
  if (results.limiter !== undefined) sections.push(limiterRows(results.limiter))

  const load = (xs: number[]): string => xs.map((x) => x.toFixed(1)).join(' ')
  const blocks = [
    renderTable(
      [
        'row',
        `action (${results.bundleLabel})`,
        'fixed-interval pollers / reference',
        'target',
        'met'
      ],
      sections.flatMap((s) => s.rows)
    ),
    ...(model === undefined ? [] : [candidateTable(model.extra)]),
    ...(prior === undefined ? [] : [priorTable(prior), priorCandidateTable(prior)]),
    ...(size === undefined ? [] : [sizeTable(size.sizes)])
  ]
  const text = [
    'Unstructured connection check: benchmark' +
      (results.only === undefined ? '' : ` (only ${results.only.join(', ')})`),
    `${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores, ` +
      `load ${load(results.loadAtStart)} at start, ${load(results.loadAtEnd)} at end; ` +
      `poll-interval-seconds ${CAP_MS / 1000} (default)`,
    '',
    blocks.join('\n\n')
  ].join('\n')
  return { text, targets: sections.flatMap((s) => s.targets) }
}
