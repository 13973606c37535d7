// Lag and requests: the poll schedule as a model (every jitter draw, every T), and runs of the
// action against checks that turn final T seconds after the POST.
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { withSimulator } from '../../__tests__/support/runner.js'
import { POLL_SCHEDULE, pollGap } from '../../src/wait/schedule.js'
import { CAP_MS, defaultInputs, expectSuccess, log, max, runAction, type Bench } from './common.js'

export const T_VALUES_S = [1, 4, 12, 30, 90]
const REPEATS = 3
export const FIXED_INTERVALS_S = [2, 5, 10]
/** Launch spacing of the long runs, so no two child processes are starting up at once. */
const LAUNCH_GAP_MS = 300
export const MODEL_HORIZON_MS = 600_000
export const MODEL_STEP_MS = 10

/** Target lag for a check that turns final T ms after the POST: 0.5 s + 0.25 T, at most the cap. */
export const targetLagMs = (tMs: number): number => Math.min(500 + 0.25 * tMs, CAP_MS)
export const fixedRequests = (tMs: number, intervalMs: number): number =>
  1 + Math.ceil(tMs / intervalMs)

// ---------------------------------------------------------------------------------------------
// The poll schedule, analytically

export interface Candidate {
  label: string
  /** Gap after the k-th request (k = 0 is the POST) sent `sinceMs` after the POST. */
  gap(k: number, sinceMs: number, jitter: 'longest' | 'shortest'): number
}

function geometric(label: string, firstMs: number, growth: number, jLow: number, jHigh: number) {
  return {
    label,
    gap: (_k: number, sinceMs: number, jitter: 'longest' | 'shortest') =>
      Math.min(CAP_MS, firstMs + growth * sinceMs) * (jitter === 'longest' ? jHigh : jLow)
  } satisfies Candidate
}

/** Ours first, then the alternatives the candidate table compares it with. */
export function candidates(): [Candidate, ...Candidate[]] {
  const { firstGapMs, growth, jitterLow, jitterHigh } = POLL_SCHEDULE
  const fixed = (seconds: number): Candidate => ({
    label: `fixed ${seconds} s`,
    gap: () => seconds * 1000
  })
  return [
    {
      // The real function, so the table follows src/wait/schedule.ts as it changes.
      label: `ours: ${firstGapMs} ms + ${growth} t, j ${jitterLow}-${jitterHigh}`,
      gap: (_k, sinceMs, jitter) => pollGap(sinceMs, CAP_MS, jitter === 'longest' ? 0 : 1)
    },
    // The band used before commit 44ebb3e, and no band at all.
    geometric('same, j 0.90-0.96', firstGapMs, growth, 0.9, 0.96),
    geometric('same, no jitter', firstGapMs, growth, 1, 1),
    geometric('gentler: growth 0.20', firstGapMs, 0.2, jitterLow, jitterHigh),
    geometric('steeper: growth 0.30', firstGapMs, 0.3, jitterLow, jitterHigh),
    {
      label: 'doubling 0.5, 1, 2 .. 10 s',
      gap: (k, _s, jitter) =>
        Math.min(CAP_MS, 500 * 2 ** k) * (jitter === 'longest' ? jitterHigh : jitterLow)
    },
    fixed(2),
    fixed(5),
    fixed(10)
  ]
}

/**
 * Send times of the requests under the shortest and the longest jitter. Each next time is
 * increasing in the previous one and in the jitter, so the k-th request of any draw lies in
 * [shortest[k], longest[k]] and every time in between is reachable.
 */
function requestTimes(candidate: Candidate, jitter: 'longest' | 'shortest'): number[] {
  const times = [0]
  for (let k = 0; (times[k] ?? 0) < MODEL_HORIZON_MS + 2 * CAP_MS; k += 1) {
    const at = times[k] ?? 0
    times.push(at + candidate.gap(k, at, jitter))
  }
  return times
}

export interface ScheduleModel {
  label: string
  /** Worst lag over every jitter draw, for T every MODEL_STEP_MS up to the horizon. */
  worstLagAt(tMs: number): number
  /** Most and fewest requests (POST + GETs) to see a check that turns final at tMs. */
  requestsAt(tMs: number): { most: number; fewest: number }
  worstRatio: { ratio: number; atMs: number; lagMs: number }
  /** Smallest spare time, target minus worst lag, over every T. */
  tightest: { spareMs: number; atMs: number }
  worstLagMs: number
  /** Send times (ms after the POST) under the longest jitter: the latest each GET can come. */
  latest: number[]
}

export function modelSchedule(candidate: Candidate, overheadMs = 0): ScheduleModel {
  const early = requestTimes(candidate, 'shortest')
  const late = requestTimes(candidate, 'longest')
  const worstLagAt = (tMs: number): number => {
    // The request seen last before T was sent at u <= T (u as late as its range allows); the
    // next one comes a longest gap later. The POST itself (k = 0) only sees T = 0.
    let worst = 0
    for (let k = 0; k < early.length && (early[k] ?? Infinity) < tMs; k += 1) {
      const u = Math.min(late[k] ?? 0, tMs)
      worst = Math.max(worst, u + candidate.gap(k, u, 'longest') - tMs)
    }
    return worst
  }
  const count = (times: number[], tMs: number): number => {
    let k = 1
    while ((times[k] ?? Infinity) < tMs) k += 1
    return k + 1
  }
  let worstRatio = { ratio: 0, atMs: 0, lagMs: 0 }
  let worstLagMs = 0
  let tightest = { spareMs: Infinity, atMs: 0 }
  for (let t = MODEL_STEP_MS; t <= MODEL_HORIZON_MS; t += MODEL_STEP_MS) {
    const lag = worstLagAt(t) + overheadMs
    worstLagMs = Math.max(worstLagMs, lag)
    const ratio = lag / targetLagMs(t)
    if (ratio > worstRatio.ratio) worstRatio = { ratio, atMs: t, lagMs: lag }
    const spareMs = targetLagMs(t) - lag
    if (spareMs < tightest.spareMs) tightest = { spareMs, atMs: t }
  }
  return {
    label: candidate.label,
    worstLagAt: (t) => worstLagAt(t) + overheadMs,
    requestsAt: (t) => ({ most: count(early, t), fewest: count(late, t) }),
    worstRatio,
    tightest,
    worstLagMs,
    latest: late
  }
}

/** Worst ratio of our requests to a fixed 2 s poller's, over T from 30 s to the horizon. */
export function requestsAgainstFixed2(
  model: ScheduleModel,
  extra: number
): { ratio: number; atMs: number } {
  let worst = { ratio: 0, atMs: 0 }
  for (let t = 30_000; t <= MODEL_HORIZON_MS; t += MODEL_STEP_MS) {
    const ratio = (model.requestsAt(t).most + extra) / fixedRequests(t, 2000)
    if (ratio > worst.ratio) worst = { ratio, atMs: t }
  }
  return worst
}

// ---------------------------------------------------------------------------------------------
// Lag and requests, measured

export interface LagSample {
  tS: number
  lagMs: number
  requests: number
  /** Requests not to the check's path (the connector's name lookup). */
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
      other: mine.filter((r) => !isCheck(r.path)).length,
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
