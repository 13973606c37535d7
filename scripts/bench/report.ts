// The benchmark's tables: one row (or a few) per measured part with a plain sentence per target,
// the candidate schedules and the bundle by package. A part that was not run has no rows.
import os from 'node:os'
import path from 'node:path'
import { renderTable } from '../../src/report/table.js'
import { CAP_MS, kib, max, mean, median, mib, min, pct, range, sec, yes } from './common.js'
import {
  FIXED_INTERVALS_S,
  MODEL_HORIZON_MS,
  MODEL_STEP_MS,
  T_VALUES_S,
  candidates,
  fixedRequests,
  modelSchedule,
  requestsAgainstFixed2,
  targetLagMs,
  type LagSample,
  type ScheduleModel
} from './lag.js'
import { MANY_CONNECTORS, MANY_LONGEST_CHECK_MS, type ManyReport } from './many.js'
import {
  LONGEST_PRIOR_MS,
  PRIOR_CASES,
  PRIOR_D_S,
  PRIOR_RUN_D_S,
  PRIOR_RUN_T_FACTORS,
  PRIOR_TARGET,
  expectedWithPrior,
  type Figures,
  type PriorModel,
  type PriorRunSample
} from './prior.js'
import { OWN, RUNTIME, UNMAPPED, type SizeReport } from './size.js'
import type { StartupReport } from './startup.js'
import {
  RESOLUTION_CPU_LIMIT_MS,
  SWEEP_CONCURRENCY,
  SWEEP_CONNECTORS,
  SWEEP_RSS_LIMIT_MIB,
  SWEEP_SLACK_MS,
  SWEEP_WORKFLOWS,
  type SweepReport
} from './sweep.js'
import { GATES, type ReuseReport } from './reuse.js'
import { pagingRows, proxyRows, type NetworkReport } from './network.js'
import { limiterRows, type LimiterCase } from './limiter.js'

export const PARTS = [
  'lag',
  'prior',
  'prior-runs',
  'startup',
  'size',
  'many',
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
  size?: { sizes: SizeReport; traces: { dist: string; minified: string } }
  many?: ManyReport
  sweep?: SweepReport
  prior?: PriorModel
  priorRuns?: PriorRunSample[]
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

interface Section {
  rows: string[][]
  targets: string[]
}

/** The schedule model with what the lag runs measured around it. */
interface LagModel {
  /** Longest time from the last request to the exit. */
  overheadMs: number
  /** Requests that are neither the POST nor a check GET (say, a connector lookup), per run. */
  extra: number
  ours: ScheduleModel
  oursWithExit: ScheduleModel
}

function lagModel(lag: LagSample[]): LagModel {
  const overheadMs = max(lag.map((s) => s.exitOverheadMs))
  const [oursCandidate] = candidates()
  return {
    overheadMs,
    extra: median(lag.map((s) => s.other)),
    ours: modelSchedule(oursCandidate),
    oursWithExit: modelSchedule(oursCandidate, overheadMs)
  }
}

function lagRows(lag: LagSample[], ours: ScheduleModel): Section {
  const rows: string[][] = []
  const parts: string[] = []
  let tightest = { spareMs: Infinity, tS: 0 }
  const missed: number[] = []
  for (const tS of T_VALUES_S) {
    const tMs = tS * 1000
    const samples = lag.filter((s) => s.tS === tS)
    const lags = samples.map((s) => s.lagMs)
    const requests = samples.map((s) => s.requests)
    const target = targetLagMs(tMs)
    const modelWorst = ours.worstLagAt(tMs)
    // How much later than any jitter draw allows the deciding GET arrived (timers firing late
    // on a busy machine add up, since each gap counts from when the last poll was sent).
    const lateMs = max(
      samples.map(
        (s) => (s.getsAfterPostMs.at(-1) ?? 0) - (ours.latest[s.getsAfterPostMs.length] ?? 0)
      )
    )
    const lagOk = max(lags) <= target
    if (!lagOk) missed.push(tS)
    if (target - max(lags) < tightest.spareMs) tightest = { spareMs: target - max(lags), tS }
    parts.push(`${sec(max(lags))} of ${sec(target)} at T = ${tS} s`)
    const targets = [`lag <= ${sec(target)}`]
    const met = [
      `${yes(lagOk)}: max ${pct(max(lags) / target)}`,
      `model worst ${pct(modelWorst / target)}`
    ]
    if (tS >= 30) {
      const limit = fixedRequests(tMs, 2000)
      targets.push(`req <= ${limit} (fixed 2 s)`)
      met.push(`req ${yes(max(requests) <= limit)}: ${max(requests)} of ${limit}`)
    }
    if (tS === 90) {
      const fixed5 = fixedRequests(tMs, 5000)
      targets.push(`req <= ${(1.2 * fixed5).toFixed(1)} (1.2x fixed 5 s)`)
      met.push(`req ${yes(max(requests) <= 1.2 * fixed5)}: ${(max(requests) / fixed5).toFixed(2)}x`)
    }
    rows.push([
      `T = ${tS} s\n(${samples.length} runs)`,
      [
        `lag ${sec(mean(lags))} mean, ${sec(max(lags))} max`,
        `worst case ${sec(modelWorst)} (model)`,
        `last poll ${lateMs > 0 ? `${Math.round(lateMs)} ms after` : 'before'} latest`,
        `${range(requests)} requests`
      ].join('\n'),
      FIXED_INTERVALS_S.map(
        (i) => `${i} s: lag ${sec((i * 1000) / 2)}, ${fixedRequests(tMs, i * 1000)} req`
      ).join('\n'),
      targets.join('\n'),
      met.join('\n')
    ])
  }
  const verdict =
    missed.length === 0
      ? `**met**; the least spare time is ${Math.round(tightest.spareMs)} ms, ` +
        `at T = ${tightest.tS} s`
      : `**missed** at T = ${missed.join(', ')} s`
  return {
    rows,
    targets: [`Lag at the measured T (max of the runs): ${verdict} (${parts.join('; ')}).`]
  }
}

/** The "every T" and "requests" rows: the model over every T, with the measured exit time. */
function modelRows(lag: LagSample[], model: LagModel): Section {
  const { overheadMs, extra, ours, oursWithExit } = model
  const everyT = oursWithExit.worstRatio
  const spare = oursWithExit.tightest
  const everyTOk = everyT.ratio <= 1
  const capOk = oursWithExit.worstLagMs <= CAP_MS
  const rows: string[][] = []
  rows.push([
    `every T\n<= ${MODEL_HORIZON_MS / 1000} s (model)`,
    [
      `worst lag ${pct(everyT.ratio)} of target`,
      `(${sec(everyT.lagMs)} at T = ${sec(everyT.atMs)});`,
      `least spare ${Math.round(spare.spareMs)} ms (T = ${sec(spare.atMs)});`,
      `longest ${sec(oursWithExit.worstLagMs)}; all with`,
      `the longest exit measured: last`,
      `request to exit ${Math.round(median(lag.map((s) => s.exitOverheadMs)))} ms median,`,
      `${Math.round(overheadMs)} ms max`,
      `(schedule alone: ${pct(ours.worstRatio.ratio)},`,
      `least spare ${Math.round(ours.tightest.spareMs)} ms)`
    ].join('\n'),
    [
      `fixed 2 s: ${pct(2000 / 500)} at T -> 0`,
      `fixed 5 s: ${pct(5000 / 500)}`,
      `fixed 10 s: ${pct(10_000 / 500)}`
    ].join('\n'),
    `lag <= 0.5 s + 0.25 T\nand <= ${sec(CAP_MS, 0)} cap`,
    `${yes(everyTOk)}: ${pct(everyT.ratio)}\n` +
      `${yes(capOk)}: ${pct(oursWithExit.worstLagMs / CAP_MS)} of cap`
  ])
  const targets = [
    `Lag for every T up to ${MODEL_HORIZON_MS / 1000} s and every jitter draw (model, plus the ` +
      `longest measured ${Math.round(overheadMs)} ms from the last request to the exit): ` +
      `${everyTOk ? '**met**' : '**missed**'}, at most ${pct(everyT.ratio)} of 0.5 s + 0.25 T ` +
      `(${sec(everyT.lagMs)} at T = ${sec(everyT.atMs)}); the least spare time is ` +
      `${Math.round(spare.spareMs)} ms, at T = ${sec(spare.atMs)}. The schedule alone leaves ` +
      `${Math.round(ours.tightest.spareMs)} ms (at T = ${sec(ours.tightest.atMs)}) for the ` +
      'request and the exit, so a busy machine decides this one.',
    `Never more than the cap: ${capOk ? '**met**' : '**missed**'}, the longest possible lag is ` +
      `${sec(oursWithExit.worstLagMs)} of ${sec(CAP_MS, 0)}.`
  ]

  const vs2 = requestsAgainstFixed2(ours, extra)
  const at30 = ours.requestsAt(30_000).most + extra
  const at90 = ours.requestsAt(90_000).most + extra
  const fixed2at30 = fixedRequests(30_000, 2000)
  const fixed5at90 = fixedRequests(90_000, 5000)
  const measured = (tS: number): number =>
    max(lag.filter((s) => s.tS === tS).map((s) => s.requests))
  rows.push([
    'requests\n(model)',
    [
      `at most ${at30} at T = 30 s,`,
      `${at90} at T = 90 s (any jitter);`,
      `T in 30-600 s: <= ${pct(vs2.ratio)} of 2 s`,
      `(closest at T = ${sec(vs2.atMs)})`
    ].join('\n'),
    `fixed 2 s: ${fixed2at30} at 30 s\nfixed 5 s: ${fixed5at90} at 90 s`,
    `<= fixed 2 s, T >= 30 s\n<= 1.2x fixed 5 s at 90`,
    `${yes(vs2.ratio <= 1)}: ${pct(vs2.ratio)} of 2 s\n` +
      `${yes(at90 <= 1.2 * fixed5at90)}: ${(at90 / fixed5at90).toFixed(2)}x of 5 s`
  ])
  targets.push(
    `Requests at most a fixed 2 s poller's for T >= 30 s: ` +
      (vs2.ratio <= 1 ? '**met**' : '**missed**') +
      `, at most ${pct(vs2.ratio)} of them for any T from 30 to ${MODEL_HORIZON_MS / 1000} s and ` +
      `any jitter (${at30} of ${fixed2at30} at T = 30 s; measured ${measured(30)}).`,
    `Requests within 1.2x a fixed 5 s poller's at T = 90 s: ` +
      `${at90 <= 1.2 * fixed5at90 ? '**met**' : '**missed**'}, at most ${at90} under any jitter, ` +
      `${(at90 / fixed5at90).toFixed(2)}x its ${fixed5at90} ` +
      `(limit ${(1.2 * fixed5at90).toFixed(1)}); ` +
      `measured ${measured(90)}.`
  )
  return { rows, targets }
}

const msRange = (xs: number[]): string => `${Math.round(min(xs))}-${Math.round(max(xs))}`

/** The verdict on a recent SUCCESS beside one request, and the checks reuse saves. */
function reuseRows(reuse: ReuseReport): Section {
  const bundleMedian = median(reuse.bundleMs)
  const fetchMedian = median(reuse.fetchMs)
  const timeRatio = bundleMedian / fetchMedian
  const { gates, connectors, spanS, checkS } = GATES
  const saved = reuse.gates.map(
    (g) =>
      `${g.windowS} s: ${g.checks} checks, ${reuse.withoutReuse - g.checks} saved ` +
      `(${pct(1 - g.checks / reuse.withoutReuse)})`
  )
  return {
    rows: [
      [
        `reuse: spawn to exit
(median of ${reuse.bundleMs.length})`,
        `${Math.round(bundleMedian)} ms (${msRange(reuse.bundleMs)})`,
        `GET script: ${Math.round(fetchMedian)} ms
(${msRange(reuse.fetchMs)})`,
        `<= 1.3x script
(${Math.round(1.3 * fetchMedian)} ms)`,
        `${yes(timeRatio <= 1.3)}: ${timeRatio.toFixed(2)}x`
      ],
      [
        `reuse: ${gates} gates on ${connectors}
connectors in ${spanS / 60} min
(model, checks of ${checkS} s)`,
        saved.join('\n'),
        `no reuse: ${reuse.withoutReuse} checks`,
        'report it',
        'yes'
      ]
    ],
    targets: [
      `With reuse, the verdict within 1.3x a minimal script making one request: ` +
        `${timeRatio <= 1.3 ? '**met**' : '**missed**'}, ${Math.round(bundleMedian)} ms against ` +
        `${Math.round(fetchMedian)} ms, ${timeRatio.toFixed(2)}x.`,
      `Checks reuse saves in ${gates} gates on the same ${connectors} connectors within ` +
        `${spanS / 60} minutes (a simulated clock, checks of ${checkS} s): with ` +
        `reuse-success-seconds ${saved.join('; ')}; ${reuse.withoutReuse} without.`
    ]
  }
}

function startupRows(startup: StartupReport, cliLabel: string): Section {
  const bundleMedian = median(startup.bundleMs)
  const fetchMedian = median(startup.fetchMs)
  const minifiedMedian = median(startup.minifiedMs)
  const startupRatio = bundleMedian / fetchMedian
  const cli = startup.cliMs
  const row = [
    `start-up: spawn to\nfirst request\n(median of ${startup.bundleMs.length})`,
    [
      `${Math.round(bundleMedian)} ms (${msRange(startup.bundleMs)})`,
      `minified: ${Math.round(minifiedMedian)} ms`,
      ...(cli === undefined ? [] : [`CLI: ${Math.round(median(cli))} ms (${msRange(cli)})`])
    ].join('\n'),
    [
      `fetch POST script: ${Math.round(fetchMedian)} ms`,
      `(${msRange(startup.fetchMs)})`,
      `empty node: ${Math.round(median(startup.emptyMs))} ms`
    ].join('\n'),
    `<= 1.5x script\n(${Math.round(1.5 * fetchMedian)} ms)`,
    `${yes(startupRatio <= 1.5)}: ${startupRatio.toFixed(2)}x`
  ]
  const targets = [
    `Start-up at most 1.5x the minimal script: ` +
      `${startupRatio <= 1.5 ? '**met**' : '**missed**'}, ` +
      `${Math.round(bundleMedian)} ms against ${Math.round(fetchMedian)} ms, ` +
      `${startupRatio.toFixed(2)}x (limit ${Math.round(1.5 * fetchMedian)} ms).`
  ]
  if (cli !== undefined) {
    targets.push(
      `CLI start-up (${cliLabel}, no target): ${Math.round(median(cli))} ms ` +
        `(${msRange(cli)}), ${(median(cli) / fetchMedian).toFixed(2)}x the minimal script's ` +
        `${Math.round(fetchMedian)} ms; the action's is ${Math.round(bundleMedian)} ms.`
    )
  }
  return { rows: [row], targets }
}

function bundleRows(
  size: NonNullable<Results['size']>,
  bundleLabel: string,
  startup: StartupReport | undefined
): Section {
  const { sizes, traces } = size
  const file = path.basename(bundleLabel)
  const plainTotal = sizes.plain.indexBytes + sizes.plain.chunkBytes
  const biggest = [...sizes.plain.byPackage.entries()]
    .filter(([pkg]) => pkg !== OWN && pkg !== UNMAPPED && pkg !== RUNTIME)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
  const row = [
    'bundle',
    [
      `${file} ${kib(sizes.dist.indexBytes)}`,
      `+ chunks ${kib(sizes.dist.chunkBytes)}`,
      `+ maps ${kib(sizes.dist.mapBytes)}`,
      `+ register ${kib(sizes.dist.registerBytes)}`,
      `trace: ${traces.dist}`,
      sizes.distIsFresh ? 'dist/ = fresh build' : 'dist/ differs from a\nfresh build of src/'
    ].join('\n'),
    [
      `minified ${kib(sizes.minified.indexBytes)}`,
      `+ chunks ${kib(sizes.minified.chunkBytes)}`,
      `+ maps ${kib(sizes.minified.mapBytes)}`,
      `(${pct((sizes.minified.indexBytes + sizes.minified.chunkBytes) / plainTotal)} of plain)`,
      `trace: ${traces.minified}`
    ].join('\n'),
    'as small as the\nlibraries allow',
    'see the bundle\ntable below'
  ]
  const startupClause =
    startup === undefined
      ? ''
      : `; start-up ${Math.round(median(startup.bundleMs))} against ` +
        `${Math.round(median(startup.minifiedMs))} ms`
  const target =
    `Bundle as small as the chosen libraries allow (a judgement, not a threshold): ` +
    `${file} is ${kib(sizes.dist.indexBytes)}, and the chunks it loads when first needed ` +
    `${kib(sizes.dist.chunkBytes)}; of both, ` +
    biggest
      .map(
        ([pkg, n]) =>
          `${pkg} ${kib(n)} (${pct(n / plainTotal)}, imported by ` +
          `${[...(sizes.importedBy.get(pkg) ?? [])].join(', ')})`
      )
      .join(' and ') +
    `; the action's own code is ${kib(sizes.plain.byPackage.get(OWN) ?? 0)}. Minified they are ` +
    `${kib(sizes.minified.indexBytes + sizes.minified.chunkBytes)} ` +
    `(${pct((sizes.minified.indexBytes + sizes.minified.chunkBytes) / plainTotal)}), their ` +
    `maps ${kib(sizes.minified.mapBytes)} instead of ${kib(sizes.plain.mapBytes)}; a stack ` +
    `trace points to ${traces.dist} in the plain build and ${traces.minified} in the ` +
    `minified one${startupClause}.`
  return { rows: [row], targets: [target] }
}

function memoryRows(lag: LagSample[], startup: StartupReport | undefined): Section {
  const rss = lag.map((s) => s.maxRssKiB).filter((x): x is number => x !== undefined)
  const fetchRssKiB = startup?.fetchRssKiB
  return {
    rows: [
      [
        'peak memory\n(max RSS)',
        `${mib(max(rss) * 1024)} max,\n${mib(median(rss) * 1024)} median\nof ${rss.length} runs`,
        fetchRssKiB === undefined ? '-' : `fetch POST script:\n${mib(fetchRssKiB * 1024)}`,
        '-',
        '-'
      ]
    ],
    targets: [
      `Peak memory (no target): ${mib(max(rss) * 1024)} at most over ${rss.length} runs` +
        (fetchRssKiB === undefined
          ? '.'
          : `, against ${mib(fetchRssKiB * 1024)} for the minimal fetch script.`)
    ]
  }
}

function manyRows(many: ManyReport, startup: StartupReport | undefined): Section {
  if (!many.supported) {
    return {
      rows: [[`${MANY_CONNECTORS} connectors`, many.reason, '-', '-', '-']],
      targets: [`${MANY_CONNECTORS} connectors: ${many.reason}.`]
    }
  }
  // The same checks as steps of one connector each, one after another: a lower bound.
  const sequential =
    startup === undefined
      ? '? (needs the start-up part)'
      : sec(
          MANY_CONNECTORS * median(startup.bundleMs) +
            (MANY_LONGEST_CHECK_MS * MANY_CONNECTORS) / 2,
          0
        )
  const section: Section = { rows: [], targets: [] }
  for (const run of many.runs) {
    const req = run.requestsPerConnector
    const label = run.maxConcurrency === '' ? 'default' : run.maxConcurrency
    section.rows.push([
      `${MANY_CONNECTORS} connectors\n(checks 0-${sec(MANY_LONGEST_CHECK_MS, 0)})\n` +
        `max-concurrency\n${label}`,
      [
        `wall ${sec(run.wallMs)}, outcome ${run.outcome}`,
        `exit ${sec(run.lagAfterLastFinalMs)} after the last final`,
        `requests/connector ${mean(req).toFixed(1)} mean, ${max(req)} max`,
        `${req.reduce((a, b) => a + b, 0)} requests in all`,
        run.maxRssKiB === undefined ? '' : `max RSS ${mib(run.maxRssKiB * 1024)}`
      ].join('\n'),
      `${MANY_CONNECTORS} one-connector steps\n` +
        `in a row: >= ${sequential}\n(start-ups + checks)`,
      '-',
      '-'
    ])
    section.targets.push(
      `${MANY_CONNECTORS} connectors, max-concurrency ${label} (no target): ` +
        `${sec(run.wallMs)} wall, ${mean(req).toFixed(1)} requests per connector, ` +
        `peak memory ${run.maxRssKiB === undefined ? '?' : mib(run.maxRssKiB * 1024)}, ` +
        `outcome ${run.outcome}.`
    )
  }
  return section
}

function sweepRows(sweep: SweepReport): Section {
  const target = sweep.idealMs + SWEEP_SLACK_MS
  const timeOk = sweep.wallMs <= target
  const { sources, destinations, workflows } = sweep.listRequests
  // The last full page is followed by one more request: a short page ends only after a longer one.
  const allowedWorkflows = sweep.workflowPages + 1
  const listOk = sources <= 1 && destinations <= 1 && workflows <= allowedWorkflows
  const rssMiB = sweep.maxRssKiB === undefined ? Number.NaN : sweep.maxRssKiB / 1024
  const rssOk = rssMiB <= SWEEP_RSS_LIMIT_MIB
  const { resolution: r } = sweep
  const warm = median(r.warmCpuMs)
  const cpuOk = r.coldCpuMs <= RESOLUTION_CPU_LIMIT_MS
  const req = sweep.requestsPerConnector
  const rows = [
    [
      `sweep of ${SWEEP_CONNECTORS}\n(checks 0-3 s,\nmax-concurrency\n${SWEEP_CONCURRENCY}, by '*')`,
      [
        `wall ${sec(sweep.wallMs)}, outcome ${sweep.outcome}`,
        `${sweep.checked} checked`,
        `lists: sources ${sources}, destinations`,
        `${destinations}, workflows ${workflows}`,
        `(${SWEEP_WORKFLOWS} in ${sweep.workflowPages} pages)`,
        `requests/connector ${mean(req).toFixed(1)} mean, ${max(req)} max;`,
        `${sweep.overSchedule} over the 1-connector schedule`,
        `max RSS ${Number.isNaN(rssMiB) ? '?' : mib(rssMiB * 1024 * 1024)}`
      ].join('\n'),
      `ideal pool of ${SWEEP_CONCURRENCY}:\n${sec(sweep.idealMs)}\n(T + 0.5 s + 0.25 T each)`,
      [
        `wall <= ${sec(target)}`,
        `lists <= 1, 1, ${allowedWorkflows}`,
        `none over schedule`,
        `RSS <= ${SWEEP_RSS_LIMIT_MIB} MiB`
      ].join('\n'),
      [
        `${yes(timeOk)}: ${sec(sweep.wallMs - sweep.idealMs)} over ideal`,
        `${yes(listOk)}: ${sources}, ${destinations}, ${workflows}`,
        `${yes(sweep.overSchedule === 0)}: ${sweep.overSchedule}`,
        `${yes(rssOk)}: ${Number.isNaN(rssMiB) ? '?' : rssMiB.toFixed(0)} MiB`
      ].join('\n')
    ],
    [
      `resolution\n(${r.connectors} connectors)`,
      [
        `list + match: ${Math.round(r.coldCpuMs)} ms CPU cold`,
        `(${Math.round(r.coldWallMs)} ms wall),`,
        `${Math.round(warm)} ms warm (median of ${r.warmCpuMs.length})`,
        `a typo's suggestions: ${Math.round(r.suggestionsCpuMs)} ms`
      ].join('\n'),
      '-',
      `<= ${RESOLUTION_CPU_LIMIT_MS} ms CPU`,
      `${yes(cpuOk)}: ${Math.round(r.coldCpuMs)} ms cold`
    ]
  ]
  const verdict = (ok: boolean): string => (ok ? '**met**' : '**missed**')
  return {
    rows,
    targets: [
      `Sweep of ${SWEEP_CONNECTORS} at max-concurrency ${SWEEP_CONCURRENCY} within an ideal pool ` +
        `plus ${sec(SWEEP_SLACK_MS, 0)}: ${verdict(timeOk)}, ${sec(sweep.wallMs)} against ` +
        `${sec(sweep.idealMs)} + ${sec(SWEEP_SLACK_MS, 0)} (spawn to exit, outcome ${sweep.outcome}).`,
      `List requests at most one per kind plus one per extra page of workflows: ` +
        `${verdict(listOk)}, sources ${sources}, destinations ${destinations}, workflows ` +
        `${workflows} for ${sweep.workflowPages} pages (allowed ${allowedWorkflows}; paging asks ` +
        'from `page=1` for 100 a page and ends on an empty page or one shorter than the ones before).',
      `No connector over the single-connector schedule: ${verdict(sweep.overSchedule === 0)}` +
        (sweep.overSchedule === 0
          ? '.'
          : `, ${sweep.overSchedule} over, by at most ${sweep.worstExcess}.`),
      `Peak RSS at most ${SWEEP_RSS_LIMIT_MIB} MiB: ${verdict(rssOk)}, ` +
        `${Number.isNaN(rssMiB) ? '?' : mib(rssMiB * 1024 * 1024)}.`,
      `Resolution of ${r.connectors} connectors under ${RESOLUTION_CPU_LIMIT_MS} ms CPU: ` +
        `${verdict(cpuOk)}, ${Math.round(r.coldCpuMs)} ms cold, ${Math.round(warm)} ms warm.`
    ]
  }
}

const ratio = (x: number): string => `${x.toFixed(2)}x`
const figuresText = (f: Figures): string => `lag ${sec(f.lagMs)}, ${f.calls.toFixed(1)} calls`

/** The prior-aware schedule, computed: targets at T near D, the bound at every T, no prior. */
function priorRows(model: PriorModel): Section {
  const within = model.rows.filter((r) => r.priorCase === 'within')
  const lagRatios = within.map((r) => r.prior.lagMs / r.today.lagMs)
  const callRatios = within.map((r) => r.prior.calls / r.today.calls)
  const lagOk = max(lagRatios) <= PRIOR_TARGET.lagRatio
  const callsOk = max(callRatios) <= PRIOR_TARGET.callsRatio
  const worstBound = model.bounds.reduce((a, b) => (b.ratio > a.ratio ? b : a))
  const leastSpare = model.bounds.reduce((a, b) => (b.spareMs < a.spareMs ? b : a))
  const boundOk = worstBound.ratio <= 1 && max(model.bounds.map((b) => b.longestMs)) <= CAP_MS
  const rows = [
    [
      'prior D, T within\nD ± 20 % (model)',
      within
        .map(
          (r, i) =>
            `D = ${r.dS} s: lag ${sec(r.prior.lagMs)} (${ratio(lagRatios[i] ?? NaN)}),\n` +
            `  ${r.prior.calls.toFixed(1)} calls (${ratio(callRatios[i] ?? NaN)})`
        )
        .join('\n'),
      within.map((r) => `today's at D = ${r.dS} s:\n  ${figuresText(r.today)}`).join('\n'),
      `lag <= ${PRIOR_TARGET.lagRatio}x today's\n` +
        `calls <= ${PRIOR_TARGET.callsRatio}x today's\n(the prior read counted)`,
      `${yes(lagOk)}: ${ratio(max(lagRatios))} at most\n${yes(callsOk)}: ${ratio(max(callRatios))} at most`
    ],
    [
      'prior D, every T\n(model)',
      [
        `worst lag ${pct(worstBound.ratio)} of target`,
        `(${worstBound.label}, T = ${sec(worstBound.atMs)});`,
        `least spare ${Math.round(leastSpare.spareMs)} ms (${leastSpare.label});`,
        'over every T and jitter draw,',
        'for each prior beside'
      ].join('\n'),
      model.bounds.map((b) => `${b.label}: ${pct(b.ratio)}`).join('\n'),
      'lag <= 0.5 s + 0.25 T\nwhatever the prior',
      `${yes(boundOk)}: ${pct(worstBound.ratio)}`
    ],
    [
      'no prior\n(model)',
      "the same polls as today's, poll for\npoll, at every T and draw tried\n(0, -1, NaN, Infinity too)",
      '-',
      "exactly today's",
      yes(model.noPriorIdentical)
    ]
  ]
  const perD = within
    .map(
      (r, i) =>
        `${sec(r.prior.lagMs)} against ${sec(r.today.lagMs)} (${ratio(lagRatios[i] ?? NaN)}) and ` +
        `${r.prior.calls.toFixed(1)} against ${r.today.calls.toFixed(1)} calls ` +
        `(${ratio(callRatios[i] ?? NaN)}) at D = ${r.dS} s`
    )
    .join('; ')
  const verdict = (ok: boolean): string => (ok ? '**met**' : '**missed**')
  return {
    rows,
    targets: [
      `With a prior, T within ±20 % of D (model), mean lag at most ${PRIOR_TARGET.lagRatio}x ` +
        `today's and calls, the prior read included, at most ${PRIOR_TARGET.callsRatio}x: lag ` +
        `${verdict(lagOk)}, calls ${verdict(callsOk)} (${perD}).`,
      `Lag <= 0.5 s + 0.25 T for every T up to ${MODEL_HORIZON_MS / 1000} s, every jitter draw ` +
        `and every prior tried (model, schedule alone): ${verdict(boundOk)}, at most ` +
        `${pct(worstBound.ratio)} (${worstBound.label}); the least spare time is ` +
        `${Math.round(leastSpare.spareMs)} ms.`,
      `With no prior, the same polls (so the same calls and lag) as today's: ` +
        `${verdict(model.noPriorIdentical)}.`
    ]
  }
}

/** Every case side by side: today's schedule, the prior-aware one, fixed pollers. */
function priorTable(model: PriorModel): string {
  const rows = model.rows.map((r) => [
    `D = ${r.dS} s`,
    PRIOR_CASES[r.priorCase],
    figuresText(r.today),
    figuresText(r.prior),
    figuresText(r.fixed2),
    figuresText(r.fixed5),
    `lag ${ratio(r.prior.lagMs / r.today.lagMs)}, calls ${ratio(r.prior.calls / r.today.calls)}`
  ])
  return [
    'With a prior D (model: the schedules as pure functions, 32 jitter sequences per T, T at ' +
      '41 points over D ± 20 % or at 0.1 D and 3 D; calls = POST + check GETs, + 1 for the ' +
      'read of the latest check when it gave a prior; no name lookup, no request time)',
    '',
    renderTable(
      [
        'prior',
        'checks',
        "today's schedule",
        'with the prior',
        'fixed 2 s',
        'fixed 5 s',
        "prior / today's"
      ],
      rows
    )
  ].join('\n')
}

/** The windows and gaps the chosen one was picked from. */
function priorCandidateTable(model: PriorModel): string {
  const rows = model.candidates.map((c) => {
    const lagOk = c.perD.every((d) => d.lagRatio <= PRIOR_TARGET.lagRatio)
    const callsOk = c.perD.every((d) => d.callsRatio <= PRIOR_TARGET.callsRatio)
    return [
      c.label,
      ...c.perD.map((d) => `${ratio(d.lagRatio)} / ${ratio(d.callsRatio)}`),
      ratio(c.longCallsRatio),
      ratio(c.longestCallsRatio),
      `${yes(lagOk)} / ${yes(callsOk)}`
    ]
  })
  return [
    "Candidate windows and gaps (model as above; each cell: lag / calls against today's for T " +
      `within D ± 20 %; targets <= ${PRIOR_TARGET.lagRatio}x / <= ${PRIOR_TARGET.callsRatio}x; ` +
      'every gap is also never above the plain one nor under 0.25 s)',
    '',
    renderTable(
      [
        'window, gap',
        ...PRIOR_D_S.map((d) => `D = ${d} s`),
        'calls at T = 3 D',
        `calls at D = ${LONGEST_PRIOR_MS / 1000} s`,
        'lag / calls ok'
      ],
      rows
    )
  ].join('\n')
}

/** Steps on a connector whose checks repeat their duration, with history and without. */
function priorRunRows(samples: PriorRunSample[]): Section {
  const rows: string[][] = []
  const gains: string[] = []
  let reads = 0
  for (const dS of PRIOR_RUN_D_S) {
    const of = (history: boolean) => samples.filter((s) => s.dS === dS && s.history === history)
    const withHistory = of(true)
    const without = of(false)
    const lag = (xs: PriorRunSample[]): number => mean(xs.map((s) => s.lagMs))
    // The schedule's own lag, to the poll that saw the verdict: the target's measure. The exit
    // after it costs both sides alike, and at small D it is a large share of the lag.
    const pollLag = (xs: PriorRunSample[]): number =>
      mean(xs.map((s) => s.lagMs - s.exitOverheadMs))
    const requests = (xs: PriorRunSample[]): number => mean(xs.map((s) => s.requests))
    const readsHere = withHistory.reduce((n, s) => n + s.readsBeforePost, 0)
    reads += readsHere
    const expected = {
      lagMs: mean(withHistory.map((s) => expectedWithPrior(dS, s.tS).lagMs)),
      calls: mean(withHistory.map((s) => expectedWithPrior(dS, s.tS).calls))
    }
    const other = median(samples.map((s) => s.other))
    const gain = pollLag(withHistory) / pollLag(without)
    const gainToExit = lag(withHistory) / lag(without)
    gains.push(
      `${sec(pollLag(withHistory))} against ${sec(pollLag(without))} (${ratio(gain)}; ` +
        `${ratio(gainToExit)} to the exit) at D = ${dS} s`
    )
    rows.push([
      `steps, D = ${dS} s,\nT in D ± 20 %\n(${withHistory.length} + ${without.length} runs)`,
      [
        `history: lag ${sec(pollLag(withHistory))} mean`,
        `  (${sec(lag(withHistory))} to the exit),`,
        `  ${requests(withHistory).toFixed(1)} requests,`,
        `  ${readsHere} reads before the POST`,
        `none: lag ${sec(pollLag(without))} mean`,
        `  (${sec(lag(without))} to the exit),`,
        `  ${requests(without).toFixed(1)} requests`
      ].join('\n'),
      [
        'model, with the prior:',
        `lag ${sec(expected.lagMs)},`,
        `${(expected.calls + other).toFixed(1)} requests`
      ].join('\n'),
      'lag with history\n<= 0.3x without\n(to the poll that\nsaw the verdict)',
      readsHere === 0
        ? 'not yet: no read of\nthe prior, so both\npoll alike'
        : `${yes(gain <= PRIOR_TARGET.lagRatio)}: ${ratio(gain)}`
    ])
  }
  return {
    rows,
    targets: [
      `Steps on a connector whose checks take about as long as its last (D = ` +
        `${PRIOR_RUN_D_S.join(', ')} s, T = D × ${PRIOR_RUN_T_FACTORS.join(', ')}), lag with ` +
        `that check before the step ` +
        `against without: ${gains.join(', ')}` +
        (reads === 0
          ? '; the bundle read no latest check before its POSTs, so both poll alike (the ' +
            'difference is jitter and load) until the engine passes the prior.'
          : '.')
    ]
  }
}

/** The same model for other schedules: the trade-off between lag and requests. */
function candidateTable(extra: number): string {
  const fixed2at30 = fixedRequests(30_000, 2000)
  const fixed5at90 = fixedRequests(90_000, 5000)
  const rows = candidates().map((c) => {
    const m = modelSchedule(c)
    const r30 = m.requestsAt(30_000)
    const r90 = m.requestsAt(90_000)
    const fmt = (r: { most: number; fewest: number }): string =>
      r.most === r.fewest ? String(r.most + extra) : `${r.fewest + extra}-${r.most + extra}`
    const lagOk = m.worstRatio.ratio <= 1 && m.worstLagMs <= CAP_MS
    const reqOk = r30.most + extra <= fixed2at30 && r90.most + extra <= 1.2 * fixed5at90
    return [
      c.label,
      `${pct(m.worstRatio.ratio)} (T = ${sec(m.worstRatio.atMs)})`,
      `${Math.round(m.tightest.spareMs)} ms`,
      sec(m.worstLagMs),
      fmt(r30),
      fmt(r90),
      `${yes(lagOk)} / ${yes(reqOk)}`
    ]
  })
  return [
    `Candidate schedules (model: every jitter draw, T every ${MODEL_STEP_MS} ms to ` +
      `${MODEL_HORIZON_MS / 1000} s, no exit time; requests = POST + GETs` +
      `${extra > 0 ? ` + ${extra} other` : ''}, fewest-most over the jitter)`,
    '',
    renderTable(
      [
        'schedule (cap 10 s)',
        'worst lag / target',
        'least spare',
        'longest lag',
        `req T=30 (<=${fixed2at30})`,
        `req T=90 (<=${(1.2 * fixed5at90).toFixed(1)})`,
        'lag / req ok'
      ],
      rows
    )
  ].join('\n')
}

function sizeTable(sizes: SizeReport): string {
  const packages = [...new Set([...sizes.plain.byPackage.keys(), ...sizes.statsByPackage.keys()])]
  packages.sort((a, b) => (sizes.plain.byPackage.get(b) ?? 0) - (sizes.plain.byPackage.get(a) ?? 0))
  const cell = (n: number | undefined): string => (n === undefined ? '-' : kib(n))
  const rows = packages.map((pkg) => [
    pkg,
    [...(sizes.importedBy.get(pkg) ?? [])].sort().join(', ') || '-',
    cell(sizes.statsByPackage.get(pkg)),
    cell(sizes.plain.byPackage.get(pkg)),
    cell(sizes.minified.byPackage.get(pkg))
  ])
  rows.push([
    'total index.js + chunks',
    '',
    kib([...sizes.statsByPackage.values()].reduce((a, b) => a + b, 0)),
    kib(sizes.plain.indexBytes + sizes.plain.chunkBytes),
    kib(sizes.minified.indexBytes + sizes.minified.chunkBytes)
  ])
  rows.push([
    'of which index.js',
    '',
    '',
    kib(sizes.plain.indexBytes),
    kib(sizes.minified.indexBytes)
  ])
  rows.push(['source maps', '', '', kib(sizes.plain.mapBytes), kib(sizes.minified.mapBytes)])
  return [
    'Bundle by package (ncc --stats-out for the source bytes; the source maps for what ends up ' +
      'in each bundle)',
    '',
    renderTable(
      ['package', 'imported by', 'ncc stats (source)', 'in bundle', 'in minified bundle'],
      rows
    )
  ].join('\n')
}

export function buildReport(results: Results): Report {
  const { lag, startup, size, many, sweep, prior, priorRuns } = results
  const model = lag === undefined ? undefined : lagModel(lag)
  const sections: Section[] = []
  if (lag !== undefined && model !== undefined) {
    sections.push(lagRows(lag, model.oursWithExit), modelRows(lag, model))
  }
  if (prior !== undefined) sections.push(priorRows(prior))
  if (priorRuns !== undefined) sections.push(priorRunRows(priorRuns))
  if (startup !== undefined) sections.push(startupRows(startup, results.cliLabel))
  if (results.reuse !== undefined) sections.push(reuseRows(results.reuse))
  if (size !== undefined) sections.push(bundleRows(size, results.bundleLabel, startup))
  if (lag !== undefined) sections.push(memoryRows(lag, startup))
  if (many !== undefined) sections.push(manyRows(many, startup))
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
