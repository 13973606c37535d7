import { retryGap } from './schedule.js'

/** After a 429, nothing is sent for at least this long, whatever Retry-After says. */
export const RATE_LIMIT_FLOOR_MS = 1000

/**
 * How requests are paced once the API has answered 429. Why these numbers (BENCHMARKS.md has the
 * figures behind a 1 r/s limiter):
 * - The pace the API just allowed is what it accepted in the second before the refused request
 *   was sent: one request a second when it let one of a burst through, 50 when it took 50.
 *   Requests then go out one at a time, a quarter slower than that.
 * - Each answer that is not a 429, to a request sent at the pace, makes the next gap 5 % shorter:
 *   against a limiter with no burst, the pace passes the limit after about five answers (the
 *   first time) and eight (later), so 429s stay near one request in seven to nine.
 * - A 429 at a pace already slowed makes it 1.5 times slower (or the new reading, if slower): a
 *   limiter whose burst misled the first reading is found in a few steps.
 * - Under 20 ms a gap no longer matters: pacing ends until the next 429.
 */
export const PACING = {
  windowMs: 1000,
  margin: 1.25,
  slowDown: 1.5,
  speedUp: 0.95,
  endBelowMs: 20,
  /** A request sent within this many gaps of the one before tested the pace. */
  atPaceWithin: 1.5
} as const

/**
 * Before the API has answered, at most 4 requests may be on their way at once, one more for
 * each answer that is not a 429 (so about twice as many each round trip), without a cap from
 * 64 on. A step that starts many requests at once would otherwise send them all before
 * the first answer could say that the API limits its rate: behind a limiter of one request a
 * second, all but one of them refused. It costs an unlimited API about four round trips.
 */
export const START_WINDOW = { first: 4, open: 64 } as const

/** A request as the gate saw it leave: its answer is reported back with it. */
export interface Sent {
  sentAt: number
  /** Whether it went out at the pace (soon after the one before), so its answer tests the pace. */
  atPace: boolean
}

/**
 * The step's share of the API's rate limit, shared by every check: rate limits apply to the API
 * key, not to one connector. A 429 holds back every request until the server's Retry-After (or an
 * exponential back-off when it gives none) has passed, and at least a second; after it requests
 * go out one at a time, at the pace the API was just seen to allow, faster again as they succeed.
 * Pure: every moment comes in as an argument.
 */
export class RateGate {
  private openAt = 0
  private closedAt = Number.NEGATIVE_INFINITY
  private strikes = 0
  /** The gap kept between requests; undefined while requests go out as they come. */
  private paceMs: number | undefined
  private lastSentAt = Number.NEGATIVE_INFINITY
  /** When accepted requests were sent, within the last window (for the pace after a 429). */
  private readonly accepted: number[] = []
  private inFlight = 0
  private window: number = START_WINDOW.first
  private waiting: (() => void)[] = []

  constructor(
    private readonly capMs: number,
    private readonly random: () => number
  ) {}

  /** Clock time before which no request may be sent: the back-off after a 429, and the pace. */
  notBefore(): number {
    const paced =
      this.paceMs === undefined ? Number.NEGATIVE_INFINITY : this.lastSentAt + this.paceMs
    return Math.max(this.openAt, paced)
  }

  /**
   * Clock time before which no request may be sent even as the last one before the deadline,
   * which may otherwise go out while the gate is still closed.
   */
  floor(): number {
    return this.closedAt + RATE_LIMIT_FLOOR_MS
  }

  /** The gap now kept between requests, if any. */
  pace(): number | undefined {
    return this.paceMs
  }

  /** Whether one more request may be on its way now (see START_WINDOW). */
  hasRoom(): boolean {
    return this.inFlight < this.window
  }

  /** Resolves once a request on its way has settled, however it ended. */
  whenSettled(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  /** A request goes out now: the next one waits for the pace. */
  sent(now: number): Sent {
    this.inFlight += 1
    const atPace =
      this.paceMs !== undefined && now - this.lastSentAt <= this.paceMs * PACING.atPaceWithin
    this.lastSentAt = Math.max(this.lastSentAt, now)
    return { sentAt: now, atPace }
  }

  /** A request sent has ended, answered or not; call it once for each, before its outcome. */
  settled(): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
    const waiting = this.waiting
    this.waiting = []
    for (const wake of waiting) wake()
  }

  /**
   * A 429 arrived at `now`. Only one to a request sent after the last 429 arrived says anything
   * new (those already on their way were refused for the same reason): it adds a strike and sets
   * the pace. Every 429 keeps the gate shut for the floor after it.
   */
  rateLimited(now: number, retryAfterMs: number | undefined, request: Sent): void {
    if (request.sentAt >= this.closedAt) {
      this.strikes += 1
      this.paceMs = this.slowerPace(request.sentAt)
    }
    this.closedAt = Math.max(this.closedAt, now)
    const wait = retryGap(Math.max(1, this.strikes), this.capMs, this.random(), retryAfterMs)
    this.openAt = Math.max(this.openAt, now + Math.max(RATE_LIMIT_FLOOR_MS, wait))
  }

  /**
   * An answer that was not a 429. One to a request sent after the last 429 arrived ends the
   * streak, so the next back-off starts short again, and when it went out at the pace it shortens
   * the pace: answers to requests already on their way then say nothing about the limit.
   */
  answered(request: Sent): void {
    const since = this.lastSentAt - PACING.windowMs
    // In place: this runs for every answer of the step.
    let kept = 0
    for (const at of this.accepted) if (at > since) this.accepted[kept++] = at
    this.accepted.length = kept
    this.accepted.push(request.sentAt)
    this.heardFrom()
    if (request.sentAt < this.closedAt) return
    this.strikes = 0
    if (this.paceMs === undefined || !request.atPace) return
    this.paceMs *= PACING.speedUp
    if (this.paceMs < PACING.endBelowMs) this.paceMs = undefined
  }

  /**
   * The API answered a request with something other than a 429 (a 5xx too: the limit let it
   * through), so one more may be on its way at once while the start window lasts.
   */
  heardFrom(): void {
    this.window = this.window + 1 >= START_WINDOW.open ? Infinity : this.window + 1
  }

  /** The pace after a 429 to a request sent at `sentAt`. */
  private slowerPace(sentAt: number): number {
    const recent = this.accepted.filter(
      (at) => at <= sentAt && at > sentAt - PACING.windowMs
    ).length
    const observed = (PACING.windowMs / Math.max(1, recent)) * PACING.margin
    return Math.max(observed, (this.paceMs ?? 0) * PACING.slowDown)
  }
}
