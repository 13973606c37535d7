import { describe, expect, it } from '@jest/globals'
import {
  PACING,
  RATE_LIMIT_FLOOR_MS,
  RateGate,
  START_WINDOW,
  type Sent
} from '../../src/wait/rate-gate.js'

describe('RateGate', () => {
  it('closes for the Retry-After, and backs off when there is none', () => {
    const gate = new RateGate(10_000, () => 0)
    expect(gate.notBefore()).toBe(0)
    gate.rateLimited(1000, 3000, gate.sent(990))
    expect(gate.notBefore()).toBe(4000)
    gate.rateLimited(4100, undefined, gate.sent(4000))
    // Second strike: 1 s nominal, 0.98 s at the top of the jitter band, raised to the floor;
    // but the pace, 1.5 times slower than the first, comes later still.
    expect(gate.floor()).toBe(4100 + 1000)
    expect(gate.pace()).toBeCloseTo(1250 * 1.5, 5)
    expect(gate.notBefore()).toBeCloseTo(4000 + 1875, 5)
  })

  it('holds for at least a second after any 429, even one that says to come back at once', () => {
    const gate = new RateGate(1000, () => 0)
    expect(gate.floor()).toBe(Number.NEGATIVE_INFINITY)
    const first = gate.sent(1000)
    gate.rateLimited(1000, 0, first)
    expect(gate.notBefore()).toBe(2250) // the pace (1.25 s) is the later of the two
    expect(gate.floor()).toBe(2000)
    gate.rateLimited(1500, 60_000, gate.sent(1400))
    // Retry-After keeps the gate closed; the floor only counts from the latest 429.
    expect(gate.notBefore()).toBe(61_500)
    expect(gate.floor()).toBe(2500)
  })

  it('ends a streak only on an answer to a request sent after the last 429', () => {
    const gate = new RateGate(100_000, () => 0)
    gate.rateLimited(1000, undefined, gate.sent(990))
    gate.rateLimited(2500, undefined, gate.sent(2490)) // second strike
    gate.answered(gate.sent(1200)) // sent before the second 429 arrived: says nothing
    gate.rateLimited(5000, undefined, gate.sent(4990))
    expect(gate.floor()).toBe(6000)
    // Third strike: 2 s nominal (the pace is 1.25 s * 1.5 * 1.5 = 2.81 s from 4990).
    expect(gate.notBefore()).toBeCloseTo(Math.max(5000 + 1960, 4990 + 2812.5), 5)
    gate.answered(gate.sent(7900))
    gate.rateLimited(20_000, undefined, gate.sent(19_990))
    // A new streak starts short: the floor, from the 429.
    expect(gate.notBefore()).toBeGreaterThanOrEqual(21_000)
  })

  it('counts a burst refused together as one 429: one strike, one pace', () => {
    const gate = new RateGate(10_000, () => 0)
    const burst = Array.from({ length: 10 }, () => gate.sent(0))
    // One gets through; nine 429s arrive from 2 ms on, all for requests sent before the first.
    burst.slice(1).forEach((request, i) => {
      gate.rateLimited(2 + i, undefined, request)
    })
    gate.answered(burst[0] as Sent)
    // One strike: 0.49 s, raised to the floor after the last 429 (at 10 ms); the pace is the
    // second the limiter allowed one request in, a quarter slower.
    expect(gate.floor()).toBe(10 + RATE_LIMIT_FLOOR_MS)
    expect(gate.pace()).toBe(1250)
    expect(gate.notBefore()).toBe(1250)
  })

  it('paces at what the API accepted in the second before the 429', () => {
    const gate = new RateGate(10_000, () => 0)
    // 50 requests a second are accepted, then one is refused.
    for (let i = 0; i < 50; i += 1) gate.answered(gate.sent(1001 + i * 20))
    gate.rateLimited(2010, undefined, gate.sent(2000))
    expect(gate.pace()).toBeCloseTo((1000 / 50) * PACING.margin, 5)
    // The floor still holds the first request back for a second.
    expect(gate.notBefore()).toBe(3010)
  })

  it('lets waiting requests go one at a time after a 429, each a pace after the last', () => {
    const gate = new RateGate(10_000, () => 0)
    gate.rateLimited(5, undefined, gate.sent(0))
    const pace = gate.pace() ?? 0
    const sends: number[] = []
    // Ten requests all waiting: each goes when the gate says, and the next must wait again.
    for (let i = 0; i < 10; i += 1) {
      const at = gate.notBefore()
      expect(gate.notBefore()).toBe(at) // looking does not move it
      sends.push(at)
      gate.sent(at)
      expect(gate.notBefore()).toBeGreaterThan(at)
    }
    expect(sends[0]).toBe(Math.max(5 + RATE_LIMIT_FLOOR_MS, pace))
    for (let i = 1; i < sends.length; i += 1) {
      expect((sends[i] ?? 0) - (sends[i - 1] ?? 0)).toBeCloseTo(pace, 5)
    }
  })

  it('speeds up as answers at the pace succeed, not on answers that came slower', () => {
    const gate = new RateGate(10_000, () => 0)
    gate.rateLimited(5, undefined, gate.sent(0))
    let at = gate.notBefore()
    const paces = [gate.pace()]
    for (let i = 0; i < 3; i += 1) {
      gate.answered(gate.sent(at))
      paces.push(gate.pace())
      at = gate.notBefore()
    }
    paces.forEach((pace, i) => {
      expect(pace).toBeCloseTo(1250 * 0.95 ** i, 5)
    })
    // A request sent long after the one before did not test the pace: no faster.
    gate.answered(gate.sent(at + 10_000))
    expect(gate.pace()).toBe(paces[3])
  })

  it('stops pacing once the gap is too short to matter, until the next 429', () => {
    const gate = new RateGate(10_000, () => 0)
    for (let i = 0; i < 40; i += 1) gate.answered(gate.sent(1 + i * 25))
    gate.rateLimited(1000, undefined, gate.sent(1000))
    expect(gate.pace()).toBeCloseTo(25 * PACING.margin, 5)
    let at = gate.notBefore()
    let answers = 0
    while (gate.pace() !== undefined) {
      gate.answered(gate.sent(at))
      at = gate.notBefore()
      answers += 1
    }
    // 31.25 ms * 0.95^n < 20 ms from n = 9; the first answer, to the request held back by the
    // floor, came a second after the one before and did not test the pace.
    expect(answers).toBe(10)
    // Only the back-off after the 429 is left, long past: requests go out as they come.
    expect(gate.notBefore()).toBe(2000)
  })

  it('widens the start window on each answer that is not a 429, and opens it from 64', () => {
    const gate = new RateGate(10_000, () => 0)
    const out = Array.from({ length: START_WINDOW.first }, () => gate.sent(0))
    expect(gate.hasRoom()).toBe(false)
    gate.settled()
    gate.rateLimited(5, undefined, out[0] as Sent) // a 429 frees its place, no more
    gate.sent(6)
    expect(gate.hasRoom()).toBe(false)
    gate.settled()
    gate.heardFrom() // a 503: the limit let it through
    gate.sent(7)
    expect(gate.hasRoom()).toBe(true)
    for (let i = START_WINDOW.first + 1; i < START_WINDOW.open; i += 1) gate.heardFrom()
    for (let i = 0; i < 1000; i += 1) gate.sent(8)
    expect(gate.hasRoom()).toBe(true)
  })

  it('slows down 1.5 times on a 429 at a pace already slowed', () => {
    const gate = new RateGate(10_000, () => 0)
    gate.rateLimited(5, undefined, gate.sent(0)) // 1.25 s
    const at = gate.notBefore()
    gate.rateLimited(at + 5, undefined, gate.sent(at))
    expect(gate.pace()).toBeCloseTo(1875, 5)
  })
})

/**
 * nginx's limit_req with burst 0 at `ratePerS`: a request passes only 1 / rate after the last one
 * that passed (refused ones do not count).
 */
function nginxLimiter(ratePerS: number): (at: number) => boolean {
  let lastPassed = Number.NEGATIVE_INFINITY
  return (at) => {
    if (at - lastPassed < 1000 / ratePerS) return false
    lastPassed = at
    return true
  }
}

describe('RateGate behind a 1 r/s limiter with no burst (injected times)', () => {
  it('keeps 429s under a third and accepted requests above 0.6 a second', () => {
    const gate = new RateGate(10_000, () => 0.5)
    const passes = nginxLimiter(1)
    const answerMs = 5
    let refused = 0
    let accepted = 0
    let lastRefusedAt = Number.NEGATIVE_INFINITY
    // Ten requests at once, before any answer is back.
    const burst = Array.from({ length: 10 }, () => gate.sent(0))
    for (const [i, request] of burst.entries()) {
      if (passes(request.sentAt)) {
        accepted += 1
        gate.answered(request)
      } else {
        refused += 1
        lastRefusedAt = answerMs + i
        gate.rateLimited(lastRefusedAt, undefined, request)
      }
    }
    // Then requests always waiting, for two minutes: each goes when the gate lets it.
    const endAt = 120_000
    for (;;) {
      const at = gate.notBefore()
      if (at > endAt) break
      expect(at - lastRefusedAt).toBeGreaterThanOrEqual(RATE_LIMIT_FLOOR_MS)
      const request = gate.sent(at)
      if (passes(at)) {
        accepted += 1
        gate.answered(request)
      } else {
        refused += 1
        lastRefusedAt = at + answerMs
        gate.rateLimited(lastRefusedAt, undefined, request)
      }
    }
    expect(refused / (refused + accepted)).toBeLessThanOrEqual(1 / 3)
    expect(accepted / (endAt / 1000)).toBeGreaterThanOrEqual(0.6)
  })
})
