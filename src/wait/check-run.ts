import type { ConnectionCheckApi } from '../api/client.js'
import type { ConnectionCheck } from '../api/schemas.js'
import type { Connector } from '../connector.js'
import { transient, type Problem, type TransientProblem } from '../problems.js'
import { isFinal, isKnownStatus, relationTo } from './ownership.js'
import { Pacer, type PacerOptions } from './pacer.js'
import { GET_NOT_FOUND_GRACE_MS, pollGap, retryGap } from './schedule.js'

/** Things worth telling the user while a check runs; reporting decides how loud each is. */
export interface CheckEvents {
  started(check: ConnectionCheck): void
  statusChanged(check: ConnectionCheck, previousStatus: string): void
  superseded(previous: ConnectionCheck, newer: ConnectionCheck): void
  unknownStatus(check: ConnectionCheck): void
  ignored(answer: ConnectionCheck, relation: 'older' | 'unordered'): void
  retrying(problem: TransientProblem, delayMs: number, failuresInARow: number): void
}

export interface CheckRunOptions extends PacerOptions {
  api: ConnectionCheckApi
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
  const { api, clock, random, pollIntervalMs, events } = options
  const pacer = new Pacer(options)
  const startedAt = clock.now()
  let followed: ConnectionCheck | undefined
  let lastIgnored: ConnectionCheck | undefined
  const finish = (created: ConnectionCheck | undefined, problem?: Problem): CheckRun => ({
    connector,
    created,
    followed,
    problem,
    lastIgnored,
    durationMs: clock.now() - startedAt
  })

  // Start the check. A failed POST may still have created a check on the server; retrying is
  // safe because the last check created is the connector's latest, and that one is ours.
  const start = await pacer.retry(
    (call) => api.startCheck(connector, call),
    (problem, delayMs, failures) => {
      events.retrying(problem, delayMs, failures)
    }
  )
  if (!start.ok) return finish(undefined, start.problem)
  const created = start.value
  followed = created
  events.started(created)
  if (isFinal(created.status)) return finish(created)
  const seenStatuses = new Set<string>([created.status])
  if (!isKnownStatus(created.status)) events.unknownStatus(created)

  // Follow it. Gaps count from when each poll was sent, so slow answers do not stretch them.
  const postSentAt = start.sentAt
  let lastPollAt = postSentAt
  let desiredAt = postSentAt + pollGap(0, pollIntervalMs, random())
  let failuresInARow = 0
  for (;;) {
    if (!(await pacer.waitForSlot(lastPollAt, desiredAt))) {
      return finish(created, pacer.timedOut())
    }
    lastPollAt = clock.now()
    const result = await pacer.send((call) => api.latestCheck(connector, call))
    const regularAt = lastPollAt + pollGap(lastPollAt - postSentAt, pollIntervalMs, random())

    if (result.ok) {
      failuresInARow = 0
      desiredAt = regularAt
      const answer = result.value
      const relation = relationTo(followed, answer)
      if (relation === 'older' || relation === 'unordered') {
        lastIgnored = answer
        events.ignored(answer, relation)
        continue
      }
      if (relation === 'newer') events.superseded(followed, answer)
      else if (answer.status !== followed.status) events.statusChanged(answer, followed.status)
      followed = answer
      if (isFinal(answer.status)) return finish(created)
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
    if (problem.kind !== 'transient') return finish(created, problem)
    failuresInARow += 1
    const backoff = retryGap(failuresInARow, pollIntervalMs, random(), problem.retryAfterMs)
    desiredAt = Math.max(regularAt, clock.now() + backoff)
    events.retrying(problem, desiredAt - clock.now(), failuresInARow)
  }
}
