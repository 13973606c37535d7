import { retryGap } from './schedule.js'

/** After a 429, nothing is sent for at least this long, whatever Retry-After says. */
export const RATE_LIMIT_FLOOR_MS = 1000

/**
 * A back-off shared by every check of the step. Rate limits apply to the API key, not to one
 * connector, so one 429 holds back every request until the server's Retry-After (or an
 * exponential back-off when it gives none) has passed.
 */
export class RateGate {
  private openAt = 0
  private closedAt = Number.NEGATIVE_INFINITY
  private strikes = 0

  constructor(
    private readonly capMs: number,
    private readonly random: () => number
  ) {}

  /** Clock time before which no request may be sent. */
  notBefore(): number {
    return this.openAt
  }

  /**
   * Clock time before which no request may be sent even as the last one before the deadline,
   * which may otherwise go out while the gate is still closed.
   */
  floor(): number {
    return this.closedAt + RATE_LIMIT_FLOOR_MS
  }

  rateLimited(now: number, retryAfterMs: number | undefined): void {
    this.strikes += 1
    this.closedAt = now
    const wait = retryGap(this.strikes, this.capMs, this.random(), retryAfterMs)
    this.openAt = Math.max(this.openAt, now + Math.max(RATE_LIMIT_FLOOR_MS, wait))
  }

  /**
   * An answer that was not a 429 ends the streak, so the next one starts short again; but only
   * for a request sent after the last 429 arrived: answers to requests already on their way
   * then say nothing about whether the limit has passed.
   */
  answered(sentAt: number): void {
    if (sentAt >= this.closedAt) this.strikes = 0
  }
}
