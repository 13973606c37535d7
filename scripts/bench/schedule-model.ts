// The poll schedule as a model: every jitter draw, every T up to the horizon, for our schedule
// and the candidates it was chosen from (the lag rows and the candidate table), and the lag and
// request targets it is held to.
import { POLL_SCHEDULE, pollGap } from '../../src/wait/schedule.js'
import { CAP_MS, captioned, pct, sec, yes } from './common.js'

export const FIXED_INTERVALS_S = [2, 5, 10]
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

/** The same model for other schedules: the trade-off between lag and requests. */
export function candidateTable(extra: number): string {
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
  return captioned(
    `Candidate schedules (model: every jitter draw, T every ${MODEL_STEP_MS} ms to ` +
      `${MODEL_HORIZON_MS / 1000} s, no exit time; requests = POST + GETs` +
      `${extra > 0 ? ` + ${extra} other` : ''}, fewest-most over the jitter)`,
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
}
