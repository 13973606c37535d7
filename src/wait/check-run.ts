import type { ConnectionCheckApi } from '../api/client.js'
import type { ConnectionCheck } from '../api/schemas.js'
import type { Connector } from '../connector.js'
import type { Problem, TransientProblem } from '../problems.js'
import type { Clock } from './clock.js'
import { isFinal, isKnownStatus, relationTo } from './ownership.js'
import {
  EXIT_RESERVE_MS,
  GET_NOT_FOUND_GRACE_MS,
  nextPollAt,
  pollGap,
  REQUEST_TIMEOUT_CAP_MS,
  retryGap
} from './schedule.js'

/** Things worth telling the user while a check runs; reporting decides how loud each is. */
export interface CheckEvents {
  started(check: ConnectionCheck): void
  statusChanged(check: ConnectionCheck, previousStatus: string): void
  superseded(previous: ConnectionCheck, newer: ConnectionCheck): void
  unknownStatus(check: ConnectionCheck): void
  ignored(answer: ConnectionCheck, relation: 'older' | 'unordered'): void
  retrying(problem: TransientProblem, delayMs: number, failuresInARow: number): void
}

export interface CheckRunOptions {
  api: ConnectionCheckApi
  clock: Clock
  random: () => number
  signal: AbortSignal
  /** Clock time by which the whole step must have ended. */
  deadline: number
  pollIntervalMs: number
  events: CheckEvents
}

/** How one connector's check went. */
export interface CheckRun {
  connector: Connector
  /** The check this step created (the POST's answer); undefined when none was created. */
  created: ConnectionCheck | undefined
  /** The check that decides the verdict: ours as last seen, or a newer one that replaced it. */
  followed: ConnectionCheck | undefined
  /** Why the run ended without a final status; undefined when `followed` is final. */
  problem: Problem | undefined
  /** The last answer that was not ours (older, or unordered), if the API kept showing one. */
  lastIgnored: ConnectionCheck | undefined
  durationMs: number
}

/**
 * Starts a connection check and follows it until it is final, the deadline passes, the signal
 * fires, or the API answers with something that retrying cannot fix.
 */
export async function runCheck(connector: Connector, options: CheckRunOptions): Promise<CheckRun> {
  const { api, clock, random, signal, deadline, pollIntervalMs, events } = options
  const startedAt = clock.now()
  let created: ConnectionCheck | undefined
  let followed: ConnectionCheck | undefined
  let lastIgnored: ConnectionCheck | undefined
  let lastTransient: string | undefined

  const finish = (problem?: Problem): CheckRun => ({
    connector,
    created,
    followed,
    problem,
    lastIgnored,
    durationMs: clock.now() - startedAt
  })
  /** Time a request may take, or undefined when the step must stop now. */
  const budget = (): number | undefined => {
    const left = deadline - EXIT_RESERVE_MS - clock.now()
    return left > 0 ? Math.min(left, REQUEST_TIMEOUT_CAP_MS) : undefined
  }
  // A function, not a property read: TypeScript would narrow `signal.aborted` across awaits.
  const aborted = (): boolean => signal.aborted
  const cancelled = (): Problem => ({
    kind: 'cancelled',
    signal: typeof signal.reason === 'string' ? signal.reason : undefined
  })
  const timedOut = (): Problem => ({ kind: 'timeout', lastTransient })
  // The slowest answer so far sets how early the last poll must go out (see lastPollLead).
  // Until an answer was timed, assume 200 ms.
  let slowestAnswerMs: number | undefined
  const timed = async <T>(call: () => Promise<T>): Promise<T> => {
    const sentAt = clock.now()
    const result = await call()
    slowestAnswerMs = Math.max(slowestAnswerMs ?? 0, clock.now() - sentAt)
    return result
  }

  // Start the check. A failed POST may still have created a check on the server; retrying is
  // safe because the last check created is the connector's latest, and that one is ours.
  let postSentAt = clock.now()
  let failuresInARow = 0
  for (;;) {
    if (aborted()) return finish(cancelled())
    const timeoutMs = budget()
    if (timeoutMs === undefined) return finish(timedOut())
    postSentAt = clock.now()
    const result = await timed(() => api.startCheck(connector, { timeoutMs, signal }))
    if (result.ok) {
      created = followed = result.check
      break
    }
    if (result.problem.kind === 'cancelled') return finish(cancelled())
    if (result.problem.kind !== 'transient') return finish(result.problem)
    failuresInARow += 1
    lastTransient = result.problem.reason
    const delay = retryGap(failuresInARow, pollIntervalMs, random(), result.problem.retryAfterMs)
    const at = nextPollAt({
      lastPollAt: postSentAt,
      desiredAt: clock.now() + delay,
      deadline,
      slowestAnswerMs: slowestAnswerMs ?? 200
    })
    if (at === undefined) return finish(timedOut())
    events.retrying(result.problem, at - clock.now(), failuresInARow)
    await clock.sleep(at - clock.now(), signal)
  }

  events.started(created)
  if (isFinal(created.status)) return finish()
  if (!isKnownStatus(created.status)) events.unknownStatus(created)
  const warnedStatuses = new Set<string>([created.status])

  // Follow it. Gaps count from when each poll was sent, so slow answers do not stretch them.
  let lastPollAt = postSentAt
  let desiredAt = postSentAt + pollGap(0, pollIntervalMs, random())
  failuresInARow = 0
  for (;;) {
    const at = nextPollAt({
      lastPollAt,
      desiredAt,
      deadline,
      slowestAnswerMs: slowestAnswerMs ?? 200
    })
    if (at === undefined) return finish(timedOut())
    await clock.sleep(at - clock.now(), signal)
    if (aborted()) return finish(cancelled())
    const timeoutMs = budget()
    if (timeoutMs === undefined) return finish(timedOut())
    lastPollAt = clock.now()
    const result = await timed(() => api.latestCheck(connector, { timeoutMs, signal }))
    const regularAt = lastPollAt + pollGap(lastPollAt - postSentAt, pollIntervalMs, random())

    if (result.ok) {
      failuresInARow = 0
      desiredAt = regularAt
      const answer = result.check
      const relation = relationTo(followed, answer)
      if (relation === 'older' || relation === 'unordered') {
        lastIgnored = answer
        events.ignored(answer, relation)
        continue
      }
      if (relation === 'newer') events.superseded(followed, answer)
      else if (answer.status !== followed.status) events.statusChanged(answer, followed.status)
      followed = answer
      if (isFinal(answer.status)) return finish()
      if (!isKnownStatus(answer.status) && !warnedStatuses.has(answer.status)) {
        warnedStatuses.add(answer.status)
        events.unknownStatus(answer)
      }
      continue
    }

    let problem = result.problem
    if (problem.kind === 'cancelled') return finish(cancelled())
    if (problem.kind === 'not-found' && lastPollAt - postSentAt < GET_NOT_FOUND_GRACE_MS) {
      // Right after the POST the new check may not be visible to the GET yet.
      problem = {
        kind: 'transient',
        status: 404,
        reason: 'HTTP 404 Not Found (the new check is not visible yet)',
        retryAfterMs: undefined
      }
    }
    if (problem.kind !== 'transient') return finish(problem)
    failuresInARow += 1
    lastTransient = problem.reason
    const backoff = retryGap(failuresInARow, pollIntervalMs, random(), problem.retryAfterMs)
    desiredAt = Math.max(regularAt, clock.now() + backoff)
    events.retrying(problem, desiredAt - clock.now(), failuresInARow)
  }
}
