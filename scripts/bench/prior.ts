// The poll schedule with a prior D (how long the connector's last check took): a computed
// simulation of today's schedule, the prior-aware one and fixed pollers side by side, and the
// candidate windows and gaps. The sweep rows show the bundle realising it: their ideal makespan
// counts each check's lag as this model gives it with the prior.
import { seededRandom } from '../../__tests__/support/fake-clock.js'
import { POLL_SCHEDULE, PRIOR_WINDOW, pollGap, usablePrior } from '../../src/wait/schedule.js'
import { CAP_MS, mean } from './common.js'
import { modelSchedule } from './schedule-model.js'

export const PRIOR_D_S = [5, 12, 30, 90]
/** T spread evenly over D ± 20 %, each with this many jitter sequences. */
const WITHIN_POINTS = 41
const SEEDS = 32
export const PRIOR_TARGET = { lagRatio: 0.3, callsRatio: 1.5 } as const
/** The longest prior a step with the default timeout-seconds takes. */
export const LONGEST_PRIOR_MS = 300_000

// ---------------------------------------------------------------------------------------------
// The schedules, computed

/** The gap after a poll sent `sinceMs` after the POST, for a draw in [0, 1) and a prior. */
type GapRule = (sinceMs: number, random: number, priorMs: number | undefined) => number

const ours: GapRule = (sinceMs, random, priorMs) => pollGap(sinceMs, CAP_MS, random, priorMs)
const today: GapRule = (sinceMs, random) => pollGap(sinceMs, CAP_MS, random)
const fixed =
  (intervalMs: number): GapRule =>
  () =>
    intervalMs

interface Followed {
  lagMs: number
  /** Check GETs, up to the one that sees the final status. */
  gets: number
  times: number[]
}

/** The polls of a check that turns final tMs after the POST (a poll at tMs sees it). */
function follow(
  rule: GapRule,
  tMs: number,
  priorMs: number | undefined,
  random: () => number
): Followed {
  const times: number[] = []
  let at = 0
  while (at < tMs) {
    at += rule(at, random(), priorMs)
    times.push(at)
  }
  return { lagMs: at - tMs, gets: times.length, times }
}

export interface Figures {
  lagMs: number
  /** The POST and the check GETs, and the read of the prior when there is one. */
  calls: number
}

export type PriorCase = 'within' | 'short' | 'long' | 'none'
export const PRIOR_CASES: Record<PriorCase, string> = {
  within: 'T within D ± 20 %',
  short: 'T = 0.1 D',
  long: 'T = 3 D',
  none: 'no prior (T in D ± 20 %)'
}

function checkTimes(priorCase: PriorCase, dMs: number): number[] {
  if (priorCase === 'short') return [0.1 * dMs]
  if (priorCase === 'long') return [3 * dMs]
  return Array.from(
    { length: WITHIN_POINTS },
    (_, i) => dMs * (0.8 + (0.4 * i) / (WITHIN_POINTS - 1))
  )
}

/** Mean lag and calls of a rule over the case's T and the same jitter sequences for every rule. */
function figures(rule: GapRule, priorCase: PriorCase, dMs: number, withPrior: boolean): Figures {
  const priorMs = withPrior && priorCase !== 'none' ? dMs : undefined
  const read = priorMs === undefined ? 0 : 1
  const lags: number[] = []
  const calls: number[] = []
  for (const [i, tMs] of checkTimes(priorCase, dMs).entries()) {
    for (let seed = 1; seed <= SEEDS; seed += 1) {
      const run = follow(rule, tMs, priorMs, seededRandom(seed * 7919 + i))
      lags.push(run.lagMs)
      calls.push(1 + run.gets + read)
    }
  }
  return { lagMs: mean(lags), calls: mean(calls) }
}

/** With no prior, the same polls as today's for every T and draw: compared poll by poll. */
function samePollsWithoutPrior(): boolean {
  for (let tMs = 10; tMs <= 300_000; tMs += 331) {
    for (let seed = 1; seed <= 4; seed += 1) {
      for (const none of [undefined, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        const a = follow(today, tMs, undefined, seededRandom(seed + tMs)).times
        const b = follow(ours, tMs, none, seededRandom(seed + tMs)).times
        if (a.length !== b.length || a.some((t, k) => t !== b[k])) return false
      }
    }
  }
  return true
}

export interface PriorRow {
  dS: number
  priorCase: PriorCase
  today: Figures
  prior: Figures
  fixed2: Figures
  fixed5: Figures
}

export interface PriorBound {
  label: string
  /** Worst lag over every T to the horizon and every jitter draw, as a share of the target. */
  ratio: number
  atMs: number
  spareMs: number
  longestMs: number
}

export interface CandidateWindow {
  label: string
  chosen: boolean
  perD: { dS: number; lagRatio: number; callsRatio: number }[]
  /** Calls at T = 3 D against today's, the most over D: what a wrong prior costs. */
  longCallsRatio: number
  /** Calls for T within D ± 20 % at D = 300 s (the default timeout) against today's. */
  longestCallsRatio: number
}

export interface PriorModel {
  rows: PriorRow[]
  noPriorIdentical: boolean
  bounds: PriorBound[]
  candidates: CandidateWindow[]
}

interface WindowParams {
  startShare: number
  endShare: number
  gapShareOfRegular: number
  gapShareOfPrior: number
  minGapMs: number
  /** The first window poll one window gap after the start (chosen), or at the start. */
  shiftedStart: boolean
}

/** pollGap with other window numbers: the candidates the chosen ones are compared with. */
function windowed(params: WindowParams): GapRule {
  const { firstGapMs, growth, jitterLow, jitterHigh } = POLL_SCHEDULE
  return (sinceMs, random, priorMs) => {
    const regular = Math.min(CAP_MS, firstGapMs + growth * Math.max(0, sinceMs))
    let window = Infinity
    if (usablePrior(priorMs) && sinceMs < params.endShare * priorMs) {
      const dense = Math.max(
        params.gapShareOfRegular * regular,
        params.gapShareOfPrior * priorMs,
        params.minGapMs / jitterLow
      )
      window = params.shiftedStart
        ? dense + Math.max(0, params.startShare * priorMs - sinceMs)
        : Math.max(params.startShare * priorMs - sinceMs, dense)
    }
    return Math.min(regular, window) * (jitterHigh - (jitterHigh - jitterLow) * random)
  }
}

const pctOf = (share: number): string => `${Math.round(share * 100)} %`

function candidateRules(): { label: string; chosen: boolean; rule: GapRule }[] {
  const w = PRIOR_WINDOW
  const span = (start: number, end: number): string => `${start}-${end} D`
  const list: { label: string; chosen: boolean; rule: GapRule }[] = [
    {
      label:
        `${span(w.startShare, w.endShare)}, ${pctOf(w.gapShareOfRegular)} of the gap, ` +
        `>= ${pctOf(w.gapShareOfPrior)} D (chosen)`,
      chosen: true,
      rule: ours
    }
  ]
  const base = { ...PRIOR_WINDOW, shiftedStart: true }
  for (const [start, end] of [
    [0.8, 1.25],
    [0.7, 1.4],
    [0.9, 1.1]
  ] as const) {
    for (const share of [0.03, 0.05, 0.08]) {
      list.push({
        label: `${span(start, end)}, ${pctOf(share)} of D`,
        chosen: false,
        rule: windowed({
          ...base,
          startShare: start,
          endShare: end,
          gapShareOfRegular: 0,
          gapShareOfPrior: share
        })
      })
    }
  }
  const variants: [string, Partial<WindowParams>][] = [
    [
      '0.8-1.25 D, 5 % of D, first poll at 0.8 D',
      { gapShareOfRegular: 0, gapShareOfPrior: 0.05, shiftedStart: false }
    ],
    ['0.8-1.25 D, 22 % of the gap, >= 3 % D, first poll at 0.8 D', { shiftedStart: false }],
    ['0.8-1.25 D, 22 % of the gap, no share of D', { gapShareOfPrior: 0 }],
    ['0.8-1.25 D, 20 % of the gap, >= 3 % D', { gapShareOfRegular: 0.2 }],
    ['0.8-1.25 D, 25 % of the gap, >= 3 % D', { gapShareOfRegular: 0.25 }],
    ['0.75-1.25 D, 22 % of the gap, >= 3 % D', { startShare: 0.75 }],
    ['0.7-1.4 D, 22 % of the gap, >= 3 % D', { startShare: 0.7, endShare: 1.4 }],
    ['0.9-1.1 D, 22 % of the gap, >= 3 % D', { startShare: 0.9, endShare: 1.1 }]
  ]
  for (const [label, change] of variants) {
    list.push({ label, chosen: false, rule: windowed({ ...base, ...change }) })
  }
  return list
}

function boundOf(label: string, priorMs: number | undefined): PriorBound {
  const model = modelSchedule({
    label,
    gap: (_k, sinceMs, jitter) => pollGap(sinceMs, CAP_MS, jitter === 'longest' ? 0 : 1, priorMs)
  })
  return {
    label,
    ratio: model.worstRatio.ratio,
    atMs: model.worstRatio.atMs,
    spareMs: model.tightest.spareMs,
    longestMs: model.worstLagMs
  }
}

export function modelPrior(): PriorModel {
  const rows: PriorRow[] = []
  for (const dS of PRIOR_D_S) {
    const dMs = dS * 1000
    for (const priorCase of Object.keys(PRIOR_CASES) as PriorCase[]) {
      rows.push({
        dS,
        priorCase,
        today: figures(today, priorCase, dMs, false),
        prior: figures(ours, priorCase, dMs, true),
        fixed2: figures(fixed(2000), priorCase, dMs, false),
        fixed5: figures(fixed(5000), priorCase, dMs, false)
      })
    }
  }
  const candidates = candidateRules().map(({ label, chosen, rule }): CandidateWindow => {
    const perD = PRIOR_D_S.map((dS) => {
      const base = figures(today, 'within', dS * 1000, false)
      const withPrior = figures(rule, 'within', dS * 1000, true)
      return {
        dS,
        lagRatio: withPrior.lagMs / base.lagMs,
        callsRatio: withPrior.calls / base.calls
      }
    })
    const longCallsRatio = Math.max(
      ...PRIOR_D_S.map(
        (dS) =>
          figures(rule, 'long', dS * 1000, true).calls /
          figures(today, 'long', dS * 1000, false).calls
      )
    )
    const longestCallsRatio =
      figures(rule, 'within', LONGEST_PRIOR_MS, true).calls /
      figures(today, 'within', LONGEST_PRIOR_MS, false).calls
    return { label, chosen, perD, longCallsRatio, longestCallsRatio }
  })
  const bounds = [
    boundOf('no prior', undefined),
    ...PRIOR_D_S.map((dS) => boundOf(`D = ${dS} s`, dS * 1000)),
    boundOf('D = 0.1 s', 100),
    boundOf('D = 300 s', LONGEST_PRIOR_MS),
    boundOf('D = 1 day', 86_400_000)
  ]
  return { rows, noPriorIdentical: samePollsWithoutPrior(), bounds, candidates }
}

/**
 * What the model expects of a step whose check takes T, with the prior D (none: undefined):
 * mean lag and calls (the read of the latest check, the POST and the GETs) over the jitter
 * sequences, and the most calls any draw needs (every gap its shortest).
 */
export function expectedWithPrior(
  dS: number | undefined,
  tS: number
): Figures & { mostCalls: number } {
  const priorMs = dS === undefined ? undefined : dS * 1000
  const lags: number[] = []
  const calls: number[] = []
  for (let seed = 1; seed <= SEEDS; seed += 1) {
    const run = follow(ours, tS * 1000, priorMs, seededRandom(seed))
    lags.push(run.lagMs)
    calls.push(1 + run.gets + 1)
  }
  const shortest = follow(ours, tS * 1000, priorMs, () => 1)
  return { lagMs: mean(lags), calls: mean(calls), mostCalls: 1 + shortest.gets + 1 }
}
