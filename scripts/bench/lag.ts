// Lag and requests: runs of the action against checks that turn final T seconds after the POST,
// beside the schedule's model (schedule-model.ts), and the peak memory of those runs.
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { withSimulator } from '../../__tests__/support/runner.js'
import {
  CAP_MS,
  defaultInputs,
  expectSuccess,
  log,
  max,
  mean,
  median,
  mib,
  pct,
  range,
  ratio,
  runAction,
  sec,
  verdict,
  yes,
  type Bench,
  type Section
} from './common.js'
import {
  FIXED_INTERVALS_S,
  MODEL_HORIZON_MS,
  candidates,
  fixedRequests,
  modelSchedule,
  requestsAgainstFixed2,
  targetLagMs,
  type ScheduleModel
} from './schedule-model.js'
import type { StartupReport } from './startup.js'

export const T_VALUES_S = [1, 4, 12, 30, 90]
const REPEATS = 3
/** Launch spacing of the long runs, so no two child processes are starting up at once. */
const LAUNCH_GAP_MS = 300

// ---------------------------------------------------------------------------------------------
// Lag and requests, measured

export interface LagSample {
  tS: number
  lagMs: number
  requests: number
  /**
   * Requests besides the POST and the polls after it: the read of the latest check before the
   * POST (the baseline) and the connector's name lookup. The model adds them to its count.
   */
  other: number
  /** From the arrival of the last request to the process exit: answer, report, exit. */
  exitOverheadMs: number
  /** Arrival of each check GET after the POST, ms after the POST's arrival. */
  getsAfterPostMs: number[]
  maxRssKiB: number | undefined
}

/** One step against a check that turns final T s after the POST, on a simulator of its own. */
function lagRun(bench: Bench, tS: number): Promise<LagSample> {
  return withSimulator(async (sim) => {
    const id = randomUUID()
    sim.addConnector(id, { kind: 'source', checkDurationMs: tS * 1000, ending: 'SUCCESS' })
    const run = await runAction(bench.work, bench.bundle, defaultInputs(sim, id), {
      measureRss: true,
      limitMs: (tS + 60) * 1000
    })
    expectSuccess(run, `T = ${tS} s`)
    const finalAt = sim.checks(id).at(-1)?.finalAtMs
    if (finalAt === undefined || finalAt === null) throw new Error(`T = ${tS} s: no final check`)
    const mine = sim.requests.filter((r) => r.path.includes(id))
    const isCheck = (p: string): boolean => p.endsWith('/connection-check')
    const postAt = mine.find((r) => r.method === 'POST')?.at ?? Number.NaN
    const checkGets = mine.filter((r) => r.method === 'GET' && isCheck(r.path))
    return {
      tS,
      // Both times are performance.now() of this process: the simulator runs in it.
      lagMs: run.exitedAt - finalAt,
      requests: mine.length,
      other: mine.length - 1 - checkGets.filter((r) => r.at >= postAt).length,
      exitOverheadMs: run.exitedAt - (mine.at(-1)?.at ?? Number.NaN),
      getsAfterPostMs: checkGets.filter((r) => r.at >= postAt).map((r) => r.at - postAt),
      maxRssKiB: run.maxRssKiB
    }
  })
}

/** Work that is timed but light enough to share the machine with sleeping lag runs. */
export interface QuietTask {
  name: string
  /** A generous guess; the task waits for the end of the lag runs if the window is shorter. */
  estimateMs: number
  run(): Promise<void>
}

/** Nothing runs this close to the moment the longest checks turn final. */
const QUIET_MARGIN_MS = 5_000

export async function measureLag(bench: Bench, quiet: QuietTask[]): Promise<LagSample[]> {
  // The long checks run side by side: they sleep between polls. Their launches are spread out,
  // and the short checks run one at a time after that, so no start-up overlaps a short run.
  const longest = max(T_VALUES_S)
  const long = T_VALUES_S.filter((t) => t >= 10).sort((a, b) => b - a)
  const short = T_VALUES_S.filter((t) => t < 10)
  const pending: Promise<LagSample>[] = []
  let firstLongestAt = Infinity
  for (let rep = 0; rep < REPEATS; rep += 1) {
    for (const t of long) {
      if (t === longest) firstLongestAt = Math.min(firstLongestAt, performance.now())
      const run = lagRun(bench, t)
      void run.catch(() => undefined) // rejections are seen by Promise.all below
      pending.push(run)
      await sleep(LAUNCH_GAP_MS)
    }
  }
  log(`${pending.length} long runs started (T = ${long.join(', ')} s); short runs one by one`)
  await sleep(1000)
  const samples: LagSample[] = []
  for (let rep = 0; rep < REPEATS; rep += 1) {
    for (const t of short) samples.push(await lagRun(bench, t))
  }
  // Once every check but the longest is over, the longest runs only sleep and poll now and then
  // until their checks turn final: timed work that spawns a few processes at a time fits in
  // between without touching what is measured of them (the poll after the final, the exit).
  const others = await Promise.all(pending.filter((_, i) => long[i % long.length] !== longest))
  const windowEnd = firstLongestAt + longest * 1000 - QUIET_MARGIN_MS
  const deferred: QuietTask[] = []
  for (const task of quiet) {
    if (windowEnd - performance.now() < task.estimateMs) {
      deferred.push(task)
      continue
    }
    log(`${task.name}, while the T = ${longest} s runs sleep`)
    await task.run()
  }
  const rest = await Promise.all(pending.filter((_, i) => long[i % long.length] === longest))
  for (const task of deferred) {
    log(`${task.name} (after the lag runs: the window was too short)`)
    await task.run()
  }
  return [...samples, ...others, ...rest]
}

// ---------------------------------------------------------------------------------------------
// Rows

/** The schedule model with what the lag runs measured around it. */
export interface LagModel {
  /** Longest time from the last request to the exit. */
  overheadMs: number
  /** Requests that are neither the POST nor a poll after it (see LagSample.other), per run. */
  extra: number
  ours: ScheduleModel
  oursWithExit: ScheduleModel
}

export function lagModel(lag: LagSample[]): LagModel {
  const overheadMs = max(lag.map((s) => s.exitOverheadMs))
  const [oursCandidate] = candidates()
  return {
    overheadMs,
    extra: median(lag.map((s) => s.other)),
    ours: modelSchedule(oursCandidate),
    oursWithExit: modelSchedule(oursCandidate, overheadMs)
  }
}

function measuredRows(lag: LagSample[], ours: ScheduleModel): Section {
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
      met.push(`req ${yes(max(requests) <= 1.2 * fixed5)}: ${ratio(max(requests) / fixed5)}`)
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
      `${verdict(everyTOk)}, at most ${pct(everyT.ratio)} of 0.5 s + 0.25 T ` +
      `(${sec(everyT.lagMs)} at T = ${sec(everyT.atMs)}); the least spare time is ` +
      `${Math.round(spare.spareMs)} ms, at T = ${sec(spare.atMs)}. The schedule alone leaves ` +
      `${Math.round(ours.tightest.spareMs)} ms (at T = ${sec(ours.tightest.atMs)}) for the ` +
      'request and the exit, so a busy machine decides this one.',
    `Never more than the cap: ${verdict(capOk)}, the longest possible lag is ` +
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
      `${yes(at90 <= 1.2 * fixed5at90)}: ${ratio(at90 / fixed5at90)} of 5 s`
  ])
  targets.push(
    `Requests at most a fixed 2 s poller's for T >= 30 s: ` +
      verdict(vs2.ratio <= 1) +
      `, at most ${pct(vs2.ratio)} of them for any T from 30 to ${MODEL_HORIZON_MS / 1000} s and ` +
      `any jitter (${at30} of ${fixed2at30} at T = 30 s; measured ${measured(30)}).`,
    `Requests within 1.2x a fixed 5 s poller's at T = 90 s: ` +
      `${verdict(at90 <= 1.2 * fixed5at90)}, at most ${at90} under any jitter, ` +
      `${ratio(at90 / fixed5at90)} its ${fixed5at90} ` +
      `(limit ${(1.2 * fixed5at90).toFixed(1)}); ` +
      `measured ${measured(90)}.`
  )
  return { rows, targets }
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

/** The lag part's rows: each T measured, the model over every T, and peak memory. */
export function lagRows(
  lag: LagSample[],
  model: LagModel,
  startup: StartupReport | undefined
): Section[] {
  return [measuredRows(lag, model.oursWithExit), modelRows(lag, model), memoryRows(lag, startup)]
}
