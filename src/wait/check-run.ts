import type { CallOptions, ConnectionCheckApi } from '../api/client.js'
import type { Answer } from '../core/answer.js'
import type { ConnectionCheck } from '../api/schemas.js'
import type { Connector } from '../core/connector.js'
import { transient, type Problem, type TransientProblem } from '../core/problem.js'
import { isFinal, isKnownStatus } from '../api/status.js'
import { createdBeforeBaseline, relationTo, type IgnoredRelation } from './ownership.js'
import { UNKNOWN_LATEST, type Latest } from './latest.js'
import { NO_PRIOR_MARGIN_MS } from './queue.js'
import { Pacer, type PacerOptions, type RetryEvent } from './pacer.js'
import { GET_NOT_FOUND_GRACE_MS, pollGap } from './schedule.js'
import { startCheck, type Busy } from './start-check.js'

/** Things worth telling the user while a check runs; reporting decides how loud each is. */
export interface CheckEvents {
  started(check: ConnectionCheck): void
  /**
   * A check already running is followed: the API would not start another (409, 423: `refusal`),
   * or the POST's answer was lost and a read showed the one seen running before it (none).
   */
  joined(check: ConnectionCheck, refusal: Busy | undefined): void
  /** The POST answered with a check that was already final: perhaps old, so one more POST tells. */
  finalOnArrival(check: ConnectionCheck): void
  statusChanged(check: ConnectionCheck, previousStatus: string): void
  superseded(previous: ConnectionCheck, newer: ConnectionCheck): void
  unknownStatus(check: ConnectionCheck): void
  ignored(answer: ConnectionCheck, relation: IgnoredRelation): void
  retrying(problem: TransientProblem, delayMs: number, failuresInARow: number): void
}

export interface CheckRunOptions extends PacerOptions {
  api: ConnectionCheckApi
  events: CheckEvents
  /**
   * How long the connector's previous check took (see priorFrom), if known: the polls bunch up
   * around that time after the POST. Without it they follow the plain schedule.
   */
  priorMs?: number
  /**
   * The connector's latest check as read before the POST, during the step: a check created
   * since is decided after the step began. Unknown when not read, or the read failed.
   */
  baseline?: Latest
  /**
   * No POST after the first is sent past this clock time: a check started later could not be
   * followed to a verdict. Default: the prior, or NO_PRIOR_MARGIN_MS, before the deadline.
   */
  lastStartAt?: number
}

/** How one connector's check went. */
export interface CheckRun {
  connector: Connector
  /**
   * The check this step started (a POST's answer), or the running check it joined when the API
   * refused to start another; undefined when there is neither.
   */
  created: ConnectionCheck | undefined
  /** True when `created` is a running check that the step joined rather than started. */
  joined: boolean
  /** The check that decides the verdict: ours as last seen, or a newer one that replaced it. */
  followed: ConnectionCheck | undefined
  /** Why the run ended without a final status; undefined when `followed` is final. */
  problem: Problem | undefined
  /** The last answer that was not ours, and why, if the API kept showing one. */
  lastIgnored: { check: ConnectionCheck; relation: IgnoredRelation } | undefined
  /** POST requests sent for this connector, including those whose answer never arrived. */
  posts: number
  durationMs: number
}

/**
 * Starts a connection check and follows it until it is final, the deadline passes, the signal
 * fires, or the API answers with something that retrying cannot fix.
 */
export async function runCheck(connector: Connector, options: CheckRunOptions): Promise<CheckRun> {
  const { api, clock, random, pollIntervalMs, events } = options
  const pacer = new Pacer(options)
  const startedAt = clock.now()
  let posts = 0
  let followed: ConnectionCheck | undefined
  let lastIgnored: CheckRun['lastIgnored']
  const finish = (
    created: ConnectionCheck | undefined,
    joined: boolean,
    problem?: Problem
  ): CheckRun => ({
    connector,
    created,
    joined,
    followed,
    problem,
    lastIgnored,
    posts,
    durationMs: clock.now() - startedAt
  })
  const retrying: RetryEvent = (problem, delayMs, failures) => {
    events.retrying(problem, delayMs, failures)
  }
  const post = (call: CallOptions): Promise<Answer<ConnectionCheck>> => {
    posts += 1
    return api.startCheck(connector, call)
  }

  const start = await startCheck(connector, {
    pacer,
    pacing: options,
    api,
    post,
    retrying,
    finalOnArrival: (check) => {
      events.finalOnArrival(check)
    },
    baseline: options.baseline ?? UNKNOWN_LATEST,
    lastStartAt: options.lastStartAt ?? options.deadline - (options.priorMs ?? NO_PRIOR_MARGIN_MS)
  })
  if (!start.ok) return finish(undefined, false, start.problem)
  const { check: created, refusal, joined } = start
  followed = created
  if (joined) events.joined(created, refusal)
  else events.started(created)
  if (start.decided) return finish(created, joined)
  const seenStatuses = new Set<string>([created.status])
  if (!isKnownStatus(created.status)) events.unknownStatus(created)

  // Follow it. Gaps count from when each poll was sent, so slow answers do not stretch them.
  const postSentAt = start.sentAt
  // A joined check began before the POST, by how much no clock of ours can tell: no window.
  const priorMs = joined ? undefined : options.priorMs
  let lastPollAt = postSentAt
  let desiredAt = postSentAt + pollGap(0, pollIntervalMs, random(), priorMs)
  let failuresInARow = 0
  let seenAsLatest = start.seenAsLatest
  for (;;) {
    if (!(await pacer.waitForSlot(lastPollAt, desiredAt))) {
      return finish(created, joined, pacer.timedOut())
    }
    lastPollAt = clock.now()
    const result = await pacer.send((call) => api.latestCheck(connector, call))
    const regularAt =
      lastPollAt + pollGap(lastPollAt - postSentAt, pollIntervalMs, random(), priorMs)

    if (result.ok) {
      failuresInARow = 0
      desiredAt = regularAt
      const answer = result.value
      const baseline = options.baseline ?? UNKNOWN_LATEST
      // A check created before the latest one read before the POST was decided, if at all,
      // before the step began: never ours, however it relates to the one followed.
      const relation =
        answer.id !== followed.id && createdBeforeBaseline(baseline, answer)
          ? 'older'
          : relationTo(followed, answer, seenAsLatest)
      if (relation !== 'same' && relation !== 'newer') {
        lastIgnored = { check: answer, relation }
        events.ignored(answer, relation)
        continue
      }
      // Either way, a poll has now shown the check we follow as the connector's latest.
      seenAsLatest = true
      if (relation === 'newer') events.superseded(followed, answer)
      else if (answer.status !== followed.status) events.statusChanged(answer, followed.status)
      followed = answer
      if (isFinal(answer.status)) return finish(created, joined)
      if (!isKnownStatus(answer.status) && !seenStatuses.has(answer.status)) {
        events.unknownStatus(answer)
      }
      seenStatuses.add(answer.status)
      continue
    }

    let problem = result.problem
    if (problem.kind === 'not-found' && lastPollAt - postSentAt < GET_NOT_FOUND_GRACE_MS) {
      // Right after the POST the new check may not be visible to the GET yet.
      problem = transient(404, 'HTTP 404 Not Found (the new check is not visible yet)')
      pacer.noteTransient(problem)
    }
    if (problem.kind !== 'transient') return finish(created, joined, problem)
    failuresInARow += 1
    const backoff = pacer.retryGap(failuresInARow, problem)
    desiredAt = Math.max(regularAt, clock.now() + backoff)
    // The wait as it will be: the shared gate's (a 429's) included.
    const retryAt = pacer.slot(lastPollAt, desiredAt) ?? desiredAt
    events.retrying(problem, retryAt - clock.now(), failuresInARow)
  }
}
