import type { Outcome } from '../core/outcome.js'
import type { Clock, ConnectorReporter, Plan } from '../engine/contract.js'
import { countsInWords } from './counts.js'

/**
 * The heartbeat of a log that is read later or through a pipe: while checks are pending and
 * nothing else was printed for a while, one line says what is decided, what is still awaited and
 * how long the wait may last, so that a quiet step does not look hung. A live terminal shows its
 * progress instead, and needs none.
 */

/** Silence, while checks are pending, after which a line says the step is still waiting. */
export const HEARTBEAT_SILENCE_MS = 20_000

/** Shortest wait between two looks, so that a clock that does not move cannot make a busy loop. */
const MIN_WAKE_MS = 1_000

export interface Waiting {
  /** On the step's clock, as are the two times below. */
  now: number
  /** When the front end last printed a line (the heartbeat's own included). */
  lastLineAt: number
  /** Connectors with no verdict yet, queued ones included. */
  pending: number
  /** The outcomes of the connectors decided so far. */
  decided: readonly Outcome[]
  deadline: number
  timeoutMs: number
  /** How the reader names the timeout: "timeout-seconds" in a workflow, "--timeout-seconds". */
  setting: string
}

/**
 * The line to print now, or undefined: "Still waiting on 5 of 37 connectors (10 failed, 22 passed
 * so far); 4 min 40 s left before the deadline (timeout-seconds 300)."
 */
export function heartbeatLine(waiting: Waiting): string | undefined {
  const { now, lastLineAt, pending, decided } = waiting
  if (pending <= 0 || now - lastLineAt < HEARTBEAT_SILENCE_MS) return undefined
  const total = pending + decided.length
  const what =
    total === 1
      ? 'the connection check'
      : decided.length === 0
        ? `all ${total} connectors`
        : `${pending} of ${total} connectors (${countsInWords(decided)} so far)`
  // The input as it is written: 300, or 2.5.
  const setting = `${waiting.setting} ${Math.round(waiting.timeoutMs) / 1000}`
  const left = waiting.deadline - now
  const when =
    left > 0
      ? `${timeLeft(left)} left before the deadline (${setting})`
      : `the deadline (${setting}) has passed`
  return `Still waiting on ${what}; ${when}.`
}

/** "45 s", "4 min 40 s", "1 h 5 min": whole seconds, rounded up so that time left never reads 0. */
export function timeLeft(ms: number): string {
  const all = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(all / 3600)
  const minutes = Math.floor((all % 3600) / 60)
  const secs = all % 60
  if (hours > 0) return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`
  if (minutes > 0) return secs === 0 ? `${minutes} min` : `${minutes} min ${secs} s`
  return `${secs} s`
}

/**
 * Prints heartbeatLine() through `say` while the checks run: from `start` (the engine's
 * `checking`) to `stop` (the step's end) or the last verdict. The front end calls `printed` for
 * every line it writes, and reports each connector through `following`, which counts verdicts.
 *
 * Time is the step's clock. Wake-ups are an unref'd timer, so the heartbeat never keeps the
 * process alive, and not the clock's sleep: a test's clock moves on each sleep, and a heartbeat
 * that slept on it would spend the step's time. Each request the engine makes is also a moment to
 * look, so that a step whose clock moves faster than the timers (a test's) gets its lines too.
 */
export class Heartbeat {
  private waiting: { total: number; deadline: number; timeoutMs: number } | undefined
  private readonly decided: Outcome[] = []
  private lastLineAt = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly clock: Clock,
    /** How the reader names the timeout: "timeout-seconds", "--timeout-seconds". */
    private readonly setting: string,
    private readonly say: (line: string) => void
  ) {}

  /** The checks begin. */
  start({ connectors, deadline, timeoutMs }: Plan): void {
    this.stop()
    this.waiting = { total: connectors.length, deadline, timeoutMs }
    this.decided.length = 0
    this.printed()
    this.wake()
  }

  /** The front end wrote a line. */
  printed(): void {
    this.lastLineAt = this.clock.now()
  }

  /** Prints the line if one is due. */
  check(): void {
    const { waiting } = this
    if (waiting === undefined) return
    const now = this.clock.now()
    const line = heartbeatLine({
      now,
      lastLineAt: this.lastLineAt,
      pending: waiting.total - this.decided.length,
      decided: this.decided,
      deadline: waiting.deadline,
      timeoutMs: waiting.timeoutMs,
      setting: this.setting
    })
    if (line === undefined) return
    this.say(line)
    this.lastLineAt = now
  }

  /** No line from now on. */
  stop(): void {
    this.waiting = undefined
    clearTimeout(this.timer)
    this.timer = undefined
  }

  /**
   * `reporter`, its verdict counted as it is reported. Every event is passed on as it is; a
   * request, which ends each wait of the engine, is also a moment to look.
   */
  following(reporter: ConnectorReporter): ConnectorReporter {
    return {
      request: (entry) => {
        reporter.request(entry)
        this.check()
      },
      named: (names) => {
        reporter.named(names)
      },
      notReused: (why) => {
        reporter.notReused(why)
      },
      rechecking: (failed, pauseMs, n, max) => {
        reporter.rechecking(failed, pauseMs, n, max)
      },
      started: (check) => {
        reporter.started(check)
      },
      joined: (check, refusal) => {
        reporter.joined(check, refusal)
      },
      finalOnArrival: (check) => {
        reporter.finalOnArrival(check)
      },
      statusChanged: (check, previousStatus) => {
        reporter.statusChanged(check, previousStatus)
      },
      superseded: (previous, newer) => {
        reporter.superseded(previous, newer)
      },
      unknownStatus: (check) => {
        reporter.unknownStatus(check)
      },
      ignored: (answer, relation) => {
        reporter.ignored(answer, relation)
      },
      retrying: (problem, delayMs, failuresInARow) => {
        reporter.retrying(problem, delayMs, failuresInARow)
      },
      finished: (result) => {
        reporter.finished(result)
        this.decide(result.verdict.outcome)
      }
    }
  }

  private decide(outcome: Outcome): void {
    const { waiting } = this
    if (waiting === undefined) return
    this.decided.push(outcome)
    // Nothing left to wait for: the timer can go now rather than when the step's end is reported.
    if (this.decided.length >= waiting.total) this.stop()
  }

  private wake(): void {
    if (this.waiting === undefined) return
    const due = this.lastLineAt + HEARTBEAT_SILENCE_MS - this.clock.now()
    this.timer = setTimeout(
      () => {
        this.check()
        this.wake()
      },
      Math.max(MIN_WAKE_MS, due)
    )
    this.timer.unref()
  }
}
