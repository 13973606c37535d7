// The prior part's rows and tables: the targets at T near D, the bound at every T, no prior;
// every case beside fixed pollers; the candidate windows and gaps.
import { CAP_MS, captioned, max, pct, ratio, sec, verdict, yes, type Section } from './common.js'
import {
  LONGEST_PRIOR_MS,
  PRIOR_CASES,
  PRIOR_D_S,
  PRIOR_TARGET,
  type Figures,
  type PriorModel
} from './prior.js'
import { MODEL_HORIZON_MS } from './schedule-model.js'

const figuresText = (f: Figures): string => `lag ${sec(f.lagMs)}, ${f.calls.toFixed(1)} calls`

/** The prior-aware schedule, computed: targets at T near D, the bound at every T, no prior. */
export function priorRows(model: PriorModel): Section {
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
export function priorTable(model: PriorModel): string {
  const rows = model.rows.map((r) => [
    `D = ${r.dS} s`,
    PRIOR_CASES[r.priorCase],
    figuresText(r.today),
    figuresText(r.prior),
    figuresText(r.fixed2),
    figuresText(r.fixed5),
    `lag ${ratio(r.prior.lagMs / r.today.lagMs)}, calls ${ratio(r.prior.calls / r.today.calls)}`
  ])
  return captioned(
    'With a prior D (model: the schedules as pure functions, 32 jitter sequences per T, T at ' +
      '41 points over D ± 20 % or at 0.1 D and 3 D; calls = POST + check GETs, + 1 for the ' +
      'read of the latest check when it gave a prior; no name lookup, no request time)',
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
}

/** The windows and gaps the chosen one was picked from. */
export function priorCandidateTable(model: PriorModel): string {
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
  return captioned(
    "Candidate windows and gaps (model as above; each cell: lag / calls against today's for T " +
      `within D ± 20 %; targets <= ${PRIOR_TARGET.lagRatio}x / <= ${PRIOR_TARGET.callsRatio}x; ` +
      'every gap is also never above the plain one nor under 0.25 s)',
    [
      'window, gap',
      ...PRIOR_D_S.map((d) => `D = ${d} s`),
      'calls at T = 3 D',
      `calls at D = ${LONGEST_PRIOR_MS / 1000} s`,
      'lag / calls ok'
    ],
    rows
  )
}
