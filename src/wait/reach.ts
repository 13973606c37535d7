import type { Problem } from '../core/problem.js'

/** The longest the step keeps trying a host that has not answered once. */
export const UNREACHABLE_WINDOW_MS = 30_000

/**
 * Whether the API host has answered anything at all since the step began, shared by every
 * request of the step. A host that never answered (a typo in `api-url`, DNS, a firewall that drops
 * packets) will not start answering by itself, so the step gives up on it once a short window
 * from the start has passed; once the host has answered, a network error is a blip and stays
 * transient.
 */
export class HostReach {
  private answeredOnce = false
  private failures = 0
  private lastReason = ''

  constructor(
    private readonly host: string,
    private readonly windowMs = UNREACHABLE_WINDOW_MS,
    /** Clock time the step started at: the window counts from here. */
    private readonly startedAt = 0
  ) {}

  /**
   * Clock time past which the host is given up on: set only while it has never answered and a
   * request to it has failed without an answer (a request that merely ran out of time does not
   * count, nor does one still in flight).
   */
  giveUpAt(): number | undefined {
    return this.answeredOnce || this.failures === 0 ? undefined : this.startedAt + this.windowMs
  }

  answered(): void {
    this.answeredOnce = true
  }

  /** Records a request that got no answer at all; returns the problem once it is time to stop. */
  noAnswer(now: number, reason: string): Problem | undefined {
    this.failures += 1
    this.lastReason = reason
    const giveUpAt = this.giveUpAt()
    return giveUpAt !== undefined && now >= giveUpAt ? this.problem(now) : undefined
  }

  /** The problem when the host never answered and requests went unanswered, else undefined. */
  gaveUp(now: number): Problem | undefined {
    return this.giveUpAt() === undefined ? undefined : this.problem(now)
  }

  private problem(now: number): Problem {
    return {
      kind: 'unreachable',
      host: this.host,
      lastReason: this.lastReason,
      waitedMs: now - this.startedAt
    }
  }
}
