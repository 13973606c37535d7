import type { CallOptions } from '../api/client.js'
import type { Answer } from '../core/answer.js'
import type { Problem, TransientProblem } from '../core/problem.js'
import type { Clock } from './clock.js'
import type { RateGate, Sent } from './rate-gate.js'
import type { HostReach } from './reach.js'
import { EXIT_RESERVE_MS, nextPollAt, REQUEST_TIMEOUT_CAP_MS, retryGap } from './schedule.js'

export interface PacerOptions {
  clock: Clock
  random: () => number
  signal: AbortSignal
  /** Clock time by which the whole step must have ended. */
  deadline: number
  pollIntervalMs: number
  /** The step-wide back-off after a 429, shared by every check. */
  gate: RateGate
  /** Whether the API host has answered at all, shared by every check. */
  reach: HostReach
}

export type RetryEvent = (
  problem: TransientProblem,
  delayMs: number,
  failuresInARow: number
) => void

/** Until an answer has been timed, one is assumed to take this long. */
const ASSUMED_ANSWER_MS = 200

/**
 * Sends one thread of requests within the step's deadline: it gives each request the time left,
 * holds back while the shared rate-limit gate is closed or its pace says wait, times answers so
 * the last request can be aimed just before the deadline, and remembers the last transient
 * error for the timeout message. Requests for one connector (or the workflow) go through one pacer.
 */
export class Pacer {
  private lastTransient: string | undefined
  /** The last error that came with an answer (a status line), and when. */
  private lastAnswer: { reason: string; at: number } | undefined
  private slowestAnswerMs: number | undefined
  /** The gate's slot taken by waitForSlot for the request that send() sends next. */
  private claimed: Sent | undefined

  constructor(private readonly options: PacerOptions) {}

  /** A function, not a property read: TypeScript would narrow `signal.aborted` across awaits. */
  aborted(): boolean {
    return this.options.signal.aborted
  }

  cancelled(): Problem {
    const reason: unknown = this.options.signal.reason
    return { kind: 'cancelled', signal: typeof reason === 'string' ? reason : undefined }
  }

  /** The deadline passed: a timeout, unless the host never answered at all. */
  timedOut(): Problem {
    const { lastAnswer } = this
    return (
      this.neverAnswered() ?? {
        kind: 'timeout',
        lastTransient: this.lastTransient,
        ...(lastAnswer === undefined
          ? {}
          : {
              lastAnswer: {
                reason: lastAnswer.reason,
                beforeDeadlineMs: Math.max(0, this.options.deadline - lastAnswer.at)
              }
            })
      }
    )
  }

  /** Why to stop when the host has not answered once since the step began, else undefined. */
  neverAnswered(): Problem | undefined {
    return this.options.reach.gaveUp(this.options.clock.now())
  }

  /** Records a transient failure that the caller decided on (e.g. an early 404). */
  noteTransient(problem: TransientProblem): void {
    this.lastTransient = problem.reason
  }

  /**
   * When to send a request wanted at `desiredAt`: no earlier than the shared gate allows, and
   * pulled in to the deadline's last slot. Undefined when that slot was already used.
   */
  slot(lastSentAt: number, desiredAt: number): number | undefined {
    const { gate } = this.options
    const at = nextPollAt({
      lastPollAt: lastSentAt,
      desiredAt: Math.max(desiredAt, gate.notBefore()),
      deadline: this.options.deadline,
      slowestAnswerMs: this.slowestAnswerMs ?? ASSUMED_ANSWER_MS
    })
    // The last slot may come before the gate opens, but never within the floor after a 429.
    return at !== undefined && at >= gate.floor() ? at : undefined
  }

  /**
   * Waits for the slot of a request wanted at `desiredAt`; false when no slot is left before the
   * deadline. The shared gate can close while this waits (another check got a 429), so it is
   * looked at again on waking: the request then waits for the gate, unless this was the last slot.
   */
  async waitForSlot(lastSentAt: number, desiredAt: number): Promise<boolean> {
    const { clock, signal, gate } = this.options
    let at = this.slot(lastSentAt, desiredAt)
    while (at !== undefined) {
      await clock.sleep(at - clock.now(), signal)
      if (this.aborted()) return true
      if (!gate.hasRoom()) {
        await this.settling()
        at = this.slot(lastSentAt, Math.max(desiredAt, clock.now()))
        continue
      }
      if (gate.notBefore() <= clock.now()) return this.claim()
      const later = this.slot(lastSentAt, gate.notBefore())
      // No later slot: this one was the deadline's last, taken unless a 429 came just now.
      if (later === undefined) return clock.now() >= gate.floor() && this.claim()
      if (later <= clock.now()) return this.claim()
      at = later
    }
    return false
  }

  /**
   * Takes the slot for the request about to be sent, as the wait ends: the check and the taking
   * happen at once, so no other request can see the same slot free in between (several waits
   * can end in one turn of the event loop, before any of their requests is sent).
   */
  private claim(): true {
    const { gate, clock } = this.options
    if (this.claimed !== undefined) gate.settled()
    this.claimed = gate.sent(clock.now())
    return true
  }

  /** Waits until a request on its way settles, or the signal fires. */
  private async settling(): Promise<void> {
    const { signal, gate } = this.options
    if (signal.aborted) return
    let onAbort = (): void => undefined
    const aborted = new Promise<void>((resolve) => {
      onAbort = () => {
        resolve()
      }
      signal.addEventListener('abort', onAbort, { once: true })
    })
    await Promise.race([gate.whenSettled(), aborted])
    signal.removeEventListener('abort', onAbort)
  }

  /** Sends one request now, or says why it cannot (cancelled, or no time left). Never throws. */
  async send<T>(call: (options: CallOptions) => Promise<Answer<T>>): Promise<Answer<T>> {
    const { clock, signal, deadline, gate, reach } = this.options
    const claimed = this.claimed
    this.claimed = undefined
    const sentAt = clock.now()
    const left = deadline - EXIT_RESERVE_MS - sentAt
    // A host that never answered gets no more time than its window has left.
    const giveUpAt = reach.giveUpAt()
    const windowLeft = giveUpAt === undefined ? left : giveUpAt - sentAt
    if (this.aborted() || left <= 0 || windowLeft <= 0) {
      if (claimed !== undefined) gate.settled()
      return { ok: false, problem: this.aborted() ? this.cancelled() : this.timedOut() }
    }
    const timeoutMs = Math.min(left, REQUEST_TIMEOUT_CAP_MS, windowLeft)
    const request = claimed ?? gate.sent(sentAt)
    let result: Answer<T>
    try {
      result = await call({ timeoutMs, signal })
    } finally {
      gate.settled()
    }
    this.slowestAnswerMs = Math.max(this.slowestAnswerMs ?? 0, clock.now() - sentAt)
    if (result.ok) {
      reach.answered()
      gate.answered(request)
      // The last error is reported on a timeout only if nothing has answered since.
      this.lastTransient = undefined
      this.lastAnswer = undefined
      return result
    }
    const { problem } = result
    if (problem.kind === 'cancelled') return { ok: false, problem: this.cancelled() }
    if (problem.kind === 'transient' && problem.noAnswer === true) {
      this.lastTransient = problem.reason
      const unreachable = reach.noAnswer(clock.now(), problem.reason)
      return unreachable === undefined ? result : { ok: false, problem: unreachable }
    }
    if (problem.kind === 'tls' || problem.kind === 'proxy-refused') return result
    if (problem.kind === 'transient' && problem.timedOut === true) {
      this.lastTransient = problem.reason
      return result
    }
    reach.answered()
    if (problem.kind === 'transient') {
      this.lastTransient = problem.reason
      if (problem.status !== undefined)
        this.lastAnswer = { reason: problem.reason, at: clock.now() }
      if (problem.status === 429) gate.rateLimited(clock.now(), problem.retryAfterMs, request)
      else gate.heardFrom()
    } else {
      gate.answered(request)
    }
    return result
  }

  /** Sends one request once the shared gate is open (or at the deadline's last slot). */
  async sendWhenAllowed<T>(call: (options: CallOptions) => Promise<Answer<T>>): Promise<Answer<T>> {
    if (!(await this.waitForSlot(Number.NEGATIVE_INFINITY, this.options.clock.now()))) {
      return { ok: false, problem: this.aborted() ? this.cancelled() : this.timedOut() }
    }
    return this.send(call)
  }

  /**
   * Sends until the answer is not transient, backing off in between: for calls that must
   * succeed before anything else can happen (starting a check, reading a workflow).
   */
  async retry<T>(
    call: (options: CallOptions) => Promise<Answer<T>>,
    onRetry: RetryEvent,
    retryable: (problem: TransientProblem) => boolean = () => true
  ): Promise<Answer<T> & { sentAt: number }> {
    const { clock } = this.options
    // A slot already taken (by backOff just before) is this request's: no second wait.
    const ready = this.claimed !== undefined
    if (!ready && !(await this.waitForSlot(Number.NEGATIVE_INFINITY, clock.now()))) {
      const problem = this.aborted() ? this.cancelled() : this.timedOut()
      return { ok: false, problem, sentAt: clock.now() }
    }
    for (let failures = 1; ; failures += 1) {
      const sentAt = clock.now()
      const result = await this.send(call)
      if (result.ok || result.problem.kind !== 'transient' || !retryable(result.problem)) {
        return { ...result, sentAt }
      }
      if (!(await this.backOff(sentAt, failures, result.problem, onRetry))) {
        return { ok: false, problem: this.timedOut(), sentAt }
      }
    }
  }

  /**
   * A request's own wait after the n-th failure in a row. None for a 429: waiting is the shared
   * gate's (its floor, Retry-After and pace), and a back-off of each request's own on top would
   * leave the pace's turns unused while the limit allows them.
   */
  retryGap(failures: number, problem: TransientProblem): number {
    if (problem.status === 429) return 0
    const { random, pollIntervalMs } = this.options
    return retryGap(failures, pollIntervalMs, random(), problem.retryAfterMs)
  }

  /**
   * Waits out the back-off after the n-th failure in a row of a request sent at `sentAt`; false
   * when no slot is left before the deadline.
   */
  async backOff(
    sentAt: number,
    failures: number,
    problem: TransientProblem,
    onRetry: RetryEvent
  ): Promise<boolean> {
    const { clock, reach } = this.options
    const desiredAt = clock.now() + this.retryGap(failures, problem)
    // A host that never answered is given up on when the next try would come after its window.
    const giveUpAt = reach.giveUpAt()
    if (problem.noAnswer === true && giveUpAt !== undefined && desiredAt >= giveUpAt) return false
    const at = this.slot(sentAt, desiredAt)
    if (at === undefined) return false
    onRetry(problem, at - clock.now(), failures)
    return this.waitForSlot(sentAt, desiredAt)
  }
}
