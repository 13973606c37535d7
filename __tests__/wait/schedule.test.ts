import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  EXIT_RESERVE_MS,
  lastPollLead,
  nextPollAt,
  POLL_SCHEDULE,
  pollGap,
  PRIOR_WINDOW,
  retryGap,
  usablePrior
} from '../../src/wait/schedule.js'
import { seededRandom } from '../support/fake-clock.js'

const CAP = 10_000
const LONGEST = 0 // random = 0 gives the longest gap (jitter only shortens)
const SHORTEST = 0.999999

/** Send times (ms after the POST) of the polls of a check that turns final at T ms. */
function pollsUntil(
  finalAtMs: number,
  capMs: number,
  random: () => number,
  priorMs?: number
): number[] {
  const times: number[] = []
  let t = 0
  while (t < finalAtMs) {
    t += pollGap(t, capMs, random(), priorMs)
    times.push(t)
  }
  return times
}

const gapsOf = (times: number[]): number[] => times.map((t, i) => t - (times[i - 1] ?? 0))

describe('poll schedule shape (pinned: change these numbers only on purpose)', () => {
  it('keeps its constants', () => {
    expect(POLL_SCHEDULE).toEqual({
      firstGapMs: 420,
      growth: 0.255,
      jitterLow: 0.96,
      jitterHigh: 0.98
    })
  })

  it('polls first 0.40 to 0.41 s after the POST, well within a second', () => {
    expect(pollGap(0, CAP, LONGEST)).toBeCloseTo(411.6, 5)
    expect(pollGap(0, CAP, SHORTEST)).toBeCloseTo(403.2, 1)
  })

  it('grows by about a quarter of the elapsed time', () => {
    expect(pollGap(4000, CAP, LONGEST)).toBeCloseTo((420 + 1020) * 0.98, 5)
    expect(pollGap(20_000, CAP, LONGEST)).toBeCloseTo((420 + 5100) * 0.98, 5)
  })

  it('never exceeds the cap and jitters within 96-98 % of it', () => {
    for (const s of [38_000, 60_000, 3_600_000]) {
      expect(pollGap(s, CAP, LONGEST)).toBeCloseTo(9800, 5)
      expect(pollGap(s, CAP, SHORTEST)).toBeCloseTo(9600, 0)
    }
    expect(pollGap(1_000_000, 2000, LONGEST)).toBeCloseTo(1960, 5)
  })

  it('draws jitter only inside its bounds', () => {
    const random = seededRandom(7)
    const outside: number[] = []
    for (let i = 0; i < 10_000; i += 1) {
      const s = random() * 100_000
      const nominal = Math.min(CAP, 420 + 0.255 * s)
      const gap = pollGap(s, CAP, random())
      if (gap < nominal * 0.96 - 1e-9 || gap > nominal * 0.98 + 1e-9) outside.push(s)
    }
    expect(outside).toEqual([])
  })
})

describe('poll schedule targets', () => {
  it('notices a result within 0.5 s + 0.25 T (with 80 ms spare) and never later than the cap', () => {
    // A check final at T just after a poll at s is seen one gap later; the bound must hold
    // for every s < T and every jitter draw, so check the gap against the bound at s.
    let worstSpare = Infinity
    for (let s = 0; s <= 600_000; s += 25) {
      for (const r of [LONGEST, 0.5, SHORTEST]) {
        const gap = pollGap(s, CAP, r)
        worstSpare = Math.min(worstSpare, Math.min(500 + 0.25 * s, CAP) - gap)
      }
    }
    expect(worstSpare).toBeGreaterThanOrEqual(80)
  })

  it('the simulated lag at every T stays inside the target', () => {
    const random = seededRandom(11)
    const late: number[] = []
    for (let T = 10; T <= 300_000; T += 37) {
      const lag = (pollsUntil(T, CAP, random).at(-1) ?? 0) - T
      if (lag > Math.min(CAP, 500 + 0.25 * T)) late.push(T)
    }
    expect(late).toEqual([])
  })

  it('makes no more requests than a fixed 2 s poller for every T >= 30 s, name lookup included', () => {
    const worse: number[] = []
    for (let T = 30_000; T <= 600_000; T += 50) {
      // Ours: the POST, the connector's name lookup and the polls; theirs: the POST and polls.
      const ours = 2 + pollsUntil(T, CAP, () => SHORTEST).length
      if (ours > 1 + Math.ceil(T / 2000)) worse.push(T)
    }
    expect(worse).toEqual([])
  })

  it('stays within 1.2x a fixed 5 s poller at T = 90 s, with the name lookup counted', () => {
    const ours = 2 + pollsUntil(90_000, CAP, () => SHORTEST).length
    expect(ours).toBeLessThanOrEqual(1.2 * (1 + 90 / 5))
  })
})

describe('retry back-off', () => {
  it('doubles from 0.5 s up to the cap, with the same downward jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 40].map((n) => retryGap(n, CAP, LONGEST))).toEqual([
      490, 980, 1960, 3920, 7840, 9800, 9800
    ])
    expect(retryGap(1, CAP, SHORTEST)).toBeCloseTo(480, 1)
  })

  it('honours Retry-After, even past the cap, but never retries sooner than the back-off', () => {
    expect(retryGap(1, CAP, LONGEST, 2000)).toBe(2000)
    expect(retryGap(3, CAP, LONGEST, 60_000)).toBe(60_000)
    // Retry-After: 0 (or a date already past) again and again must not become a busy loop.
    expect([1, 2, 3].map((n) => retryGap(n, CAP, LONGEST, 0))).toEqual([490, 980, 1960])
    expect(retryGap(4, CAP, LONGEST, 2000)).toBe(3920)
  })
})

describe('the last poll lands on the deadline', () => {
  const deadline = 30_000
  const slowestAnswerMs = 40
  const lastSlot = deadline - lastPollLead(slowestAnswerMs)

  it('leaves time for twice the slowest answer (0.1 to 1 s) and the exit', () => {
    expect(lastPollLead(3)).toBe(EXIT_RESERVE_MS + 100)
    expect(lastPollLead(150)).toBe(EXIT_RESERVE_MS + 300)
    expect(lastPollLead(5000)).toBe(EXIT_RESERVE_MS + 1000)
  })

  it('keeps a poll that fits', () => {
    expect(nextPollAt({ lastPollAt: 10_000, desiredAt: 12_000, deadline, slowestAnswerMs })).toBe(
      12_000
    )
  })

  it('moves a poll that would land past the deadline to the last slot', () => {
    expect(nextPollAt({ lastPollAt: 25_000, desiredAt: 34_000, deadline, slowestAnswerMs })).toBe(
      lastSlot
    )
  })

  it('stops once the last slot has been used', () => {
    expect(
      nextPollAt({ lastPollAt: lastSlot, desiredAt: 39_000, deadline, slowestAnswerMs })
    ).toBeUndefined()
  })
})

describe('the window around a prior', () => {
  const D = 30_000
  const start = PRIOR_WINDOW.startShare * D
  const end = PRIOR_WINDOW.endShare * D

  it('keeps its constants', () => {
    expect(PRIOR_WINDOW).toEqual({
      startShare: 0.8,
      endShare: 1.25,
      gapShareOfRegular: 0.22,
      gapShareOfPrior: 0.03,
      minGapMs: 250
    })
  })

  it('polls as without a prior until the window, then densely from one window gap past its start', () => {
    const plain = pollsUntil(end, CAP, seededRandom(5))
    const aimed = pollsUntil(end, CAP, seededRandom(5), D)
    const before = plain.filter((t) => t < start).length
    // The same draws give the same polls up to the window.
    expect(aimed.slice(0, before)).toEqual(plain.slice(0, before))
    const first = aimed[before] ?? 0
    expect(first).toBeGreaterThan(start)
    expect(first).toBeLessThanOrEqual(start + 0.22 * CAP)
    const inside = aimed.filter((t) => t >= first && t < end)
    // At 24-37.5 s the gap is 22 % of 6.5-10 s, or 3 % of D (0.9 s), whichever is longer.
    for (const gap of gapsOf(inside).slice(1)) {
      expect(gap).toBeGreaterThanOrEqual(0.96 * 0.03 * D - 1e-9)
      expect(gap).toBeLessThanOrEqual(0.98 * 0.22 * CAP + 1e-9)
    }
    expect(inside.length).toBeGreaterThanOrEqual(7)
    expect(plain.filter((t) => t >= start && t < end).length).toBeLessThanOrEqual(3)
  })

  it('goes back to the plain gaps from the end of the window on', () => {
    const random = seededRandom(9)
    for (let i = 0; i < 2000; i += 1) {
      const s = end + random() * 10 * D
      const r = random()
      expect(pollGap(s, CAP, r, D)).toBe(pollGap(s, CAP, r))
    }
    // Just before the end, still dense.
    expect(pollGap(end - 1, CAP, LONGEST, D)).toBeLessThan(pollGap(end - 1, CAP, LONGEST))
  })

  it('makes every gap at most the plain gap at the same moment, for any prior', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 700_000, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.oneof(fc.double({ noNaN: false }), fc.double({ min: 1, max: 400_000, noNaN: true })),
        fc.constantFrom(1000, 2000, 10_000, 60_000),
        (s, r, prior, cap) => {
          const gap = pollGap(s, cap, r, prior)
          expect(gap).toBeLessThanOrEqual(pollGap(s, cap, r))
          expect(gap).toBeGreaterThanOrEqual(Math.min(PRIOR_WINDOW.minGapMs, pollGap(s, cap, r)))
        }
      ),
      { seed: 15, numRuns: 5000 }
    )
  })
})

describe('without a usable prior the schedule is exactly the plain one', () => {
  const absurd = [
    undefined,
    0,
    -0,
    -1,
    -30_000,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY
  ]

  it.each(absurd.map((p) => ({ name: Object.is(p, -0) ? '-0' : String(p), p })))(
    'prior $name: the same gap for every draw',
    ({ p }) => {
      expect(usablePrior(p)).toBe(false)
      const random = seededRandom(21)
      for (let i = 0; i < 2000; i += 1) {
        const s = random() * 400_000
        const r = random()
        // The plain schedule's expression as it was, operation for operation.
        const plain = Math.min(CAP, 420 + 0.255 * Math.max(0, s)) * (0.98 - (0.98 - 0.96) * r)
        expect(pollGap(s, CAP, r, p)).toBe(plain)
        expect(pollGap(s, CAP, r)).toBe(plain)
      }
    }
  )

  it('makes the same polls and the same lag at every T', () => {
    for (let T = 10; T <= 200_000; T += 997) {
      expect(pollsUntil(T, CAP, seededRandom(T), Number.NaN)).toEqual(
        pollsUntil(T, CAP, seededRandom(T))
      )
    }
  })
})

describe('priors no check should have', () => {
  it('a tiny one (under 0.25 s) brings the first poll forward a little, and no nearer than 0.25 s', () => {
    const plain = pollsUntil(20_000, CAP, () => LONGEST)
    for (const prior of [1, 50, 100, 200, 249]) {
      const times = pollsUntil(20_000, CAP, () => LONGEST, prior)
      expect(times[0]).toBeGreaterThanOrEqual(PRIOR_WINDOW.minGapMs)
      expect(times[0]).toBeLessThanOrEqual(plain[0] ?? 0)
      expect(Math.min(...gapsOf(times))).toBeGreaterThanOrEqual(PRIOR_WINDOW.minGapMs)
      // One extra poll at most, and then the plain growth.
      expect(times.length).toBeLessThanOrEqual(plain.length + 1)
    }
  })

  it('never polls less than 0.25 s apart, whatever the prior and the draws', () => {
    for (const prior of [1, 300, 1000, 5000]) {
      const gaps = gapsOf(pollsUntil(3 * prior + 5000, CAP, () => SHORTEST, prior))
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(PRIOR_WINDOW.minGapMs - 1e-9)
    }
  })

  it('a huge one (past any deadline) changes nothing before its window', () => {
    for (const prior of [3_600_000, 1e12, Number.MAX_VALUE]) {
      expect(pollsUntil(600_000, CAP, seededRandom(4), prior)).toEqual(
        pollsUntil(600_000, CAP, seededRandom(4))
      )
    }
  })
})

describe('the lag bound, whatever the prior (property)', () => {
  it('sees a check that turns final at T within 0.5 s + 0.25 T and the cap, for every T and D', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600_000 }),
        fc.oneof(
          fc.integer({ min: 1, max: 600_000 }),
          fc.double({ noNaN: false }),
          fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e12)
        ),
        fc.integer(),
        (T, prior, seed) => {
          const polls = pollsUntil(T, CAP, seededRandom(seed), prior)
          const lag = (polls.at(-1) ?? 0) - T
          expect(lag).toBeLessThanOrEqual(Math.min(CAP, 500 + 0.25 * T))
        }
      ),
      { seed: 1515, numRuns: 3000 }
    )
  })
})
