import type { Problem } from '../problems.js'

/** The longest the step keeps trying a host that has not answered once. */
export const UNREACHABLE_WINDOW_MS = 30_000

/**
 * Whether the API host has answered anything at all since the step began, shared by every
 * request of the step. A host that never answered (a typo in `api-url`, DNS, a firewall that drops
 * packets) will not start answering by itself, so after a short window the step gives up; once
 * the host has answered, a network error is a blip and stays transient.
 */
export class HostReach {
  private answeredOnce = false
  private firstFailureAt: number | undefined
  private lastReason = ''

  constructor(
    private readonly host: string,
    private readonly windowMs = UNREACHABLE_WINDOW_MS
  ) {}

  answered(): void {
    this.answeredOnce = true
  }

  /** Records a request that got no answer at all; returns the problem once it is time to stop. */
  noAnswer(now: number, reason: string): Problem | undefined {
    this.lastReason = reason
    this.firstFailureAt ??= now
    return now - this.firstFailureAt >= this.windowMs ? this.problem(now) : undefined
  }

  /** At the deadline: the problem when the host never answered, else undefined (a timeout). */
  atDeadline(now: number): Problem | undefined {
    return this.firstFailureAt === undefined ? undefined : this.problem(now)
  }

  private problem(now: number): Problem | undefined {
    if (this.answeredOnce || this.firstFailureAt === undefined) return undefined
    return {
      kind: 'unreachable',
      host: this.host,
      lastReason: this.lastReason,
      waitedMs: now - this.firstFailureAt
    }
  }
}
