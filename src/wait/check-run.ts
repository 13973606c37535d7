import type { Answer, CallOptions, ConnectionCheckApi } from '../api/client.js'
import type { ConnectionCheck } from '../api/schemas.js'
import type { Connector } from '../connector.js'
import { transient, type Problem, type TransientProblem } from '../problems.js'
import { isFinal, isKnownStatus } from '../api/status.js'
import { isUnfinished, relationTo, type IgnoredRelation } from './ownership.js'
import { Pacer, type PacerOptions, type RetryEvent } from './pacer.js'
import { GET_NOT_FOUND_GRACE_MS, pollGap } from './schedule.js'

/** Things worth telling the user while a check runs; reporting decides how loud each is. */
export interface CheckEvents {
  started(check: ConnectionCheck): void
  /** The API would not start a check (409, 423) and this one was already running: it is followed. */
  joined(check: ConnectionCheck, refusal: Busy): void
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

/** Answers to a POST that did arrive, yet started nothing to follow: at most this many. */
const ANSWERED_POSTS = 2

/**
 * A POST whose answer never arrived (no status line at all, or none in time; 5xx, 429, 408) may be
 * sent again. An answer cut off after its status line did arrive: the check may well exist.
 */
function unanswered(problem: TransientProblem): boolean {
  const { status } = problem
  if (status === undefined) return problem.noAnswer === true || problem.timedOut === true
  return status === 408 || status === 429 || status >= 500
}

/** A refusal to start a check while one is running (undocumented; seen as 409 or 423). */
export type Busy = Problem & { kind: 'rejected' }

function isBusy(problem: Problem): problem is Busy {
  return problem.kind === 'rejected' && (problem.status === 409 || problem.status === 423)
}

type Start =
  | { ok: true; check: ConnectionCheck; refusal: Busy | undefined; sentAt: number }
  | { ok: false; problem: Problem }

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

  const start = await startCheck(connector, pacer, events, post, api, retrying)
  if (!start.ok) return finish(undefined, false, start.problem)
  const { check: created, refusal } = start
  const joined = refusal !== undefined
  followed = created
  if (joined) events.joined(created, refusal)
  else events.started(created)
  const seenStatuses = new Set<string>([created.status])
  if (!isKnownStatus(created.status)) events.unknownStatus(created)

  // Follow it. Gaps count from when each poll was sent, so slow answers do not stretch them.
  const postSentAt = start.sentAt
  // A joined check began before the POST, by how much no clock of ours can tell: no window.
  const priorMs = joined ? undefined : options.priorMs
  let lastPollAt = postSentAt
  let desiredAt = postSentAt + pollGap(0, pollIntervalMs, random(), priorMs)
  let failuresInARow = 0
  let seenAsLatest = false
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
      const relation = relationTo(followed, answer, seenAsLatest)
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

/**
 * Sends the POST and decides what to follow. Only the answer's status and id are weighed, never
 * its timestamps against a clock:
 * - a check the platform shows as undecided (a status that is not final, no reported_at), ours
 *   or one the API was already running, is followed: any verdict it reaches comes later;
 * - a check that is already decided may be an old one the API answers with; one more POST tells:
 *   a new check is followed, and a decided one again ends the step, for no pass can rest on it;
 * - 409 or 423 ("a check is in progress"): the connector's running check is followed; with none
 *   running, the POST is sent once more after a back-off.
 * POSTs whose answer never arrived are sent again as the deadline allows; all others are bounded,
 * so a confused API never makes this start checks in a loop.
 */
async function startCheck(
  connector: Connector,
  pacer: Pacer,
  events: CheckEvents,
  post: (call: CallOptions) => Promise<Answer<ConnectionCheck>>,
  api: ConnectionCheckApi,
  retrying: RetryEvent
): Promise<Start> {
  const answers: UnfollowedAnswer[] = []
  for (;;) {
    const sent = await pacer.retry(post, retrying, unanswered)
    let answer: UnfollowedAnswer
    if (sent.ok) {
      const check = sent.value
      if (isUnfinished(check)) {
        return { ok: true, check, refusal: undefined, sentAt: sent.sentAt }
      }
      answer = { kind: 'final', check }
    } else if (isBusy(sent.problem)) {
      const running = await pacer.retry((call) => api.latestCheck(connector, call), retrying)
      if (running.ok && isUnfinished(running.value)) {
        return { ok: true, check: running.value, refusal: sent.problem, sentAt: running.sentAt }
      }
      if (!running.ok && running.problem.kind !== 'not-found') {
        return { ok: false, problem: running.problem }
      }
      answer = { kind: 'busy', refusal: sent.problem }
    } else if (sent.problem.kind === 'transient') {
      answer = { kind: 'not-a-check', problem: sent.problem }
    } else {
      return { ok: false, problem: endedAfter(answers, sent.problem) }
    }
    answers.push(answer)
    if (answers.length >= ANSWERED_POSTS) return { ok: false, problem: noCheckToFollow(answers) }
    if (answer.kind === 'final') events.finalOnArrival(answer.check)
    const why =
      answer.kind === 'not-a-check' ? answer.problem : transient(undefined, describeAnswer(answer))
    const onRetry = answer.kind === 'final' ? () => undefined : retrying
    if (!(await pacer.backOff(sent.sentAt, answers.length, why, onRetry))) {
      return { ok: false, problem: endedAfter(answers, pacer.timedOut()) }
    }
  }
}

/**
 * Why starting a check ended, given the answers before: out of time after a final answer, the
 * platform did give a verdict, only not one of this step's, so it ends as that old verdict and
 * no policy may take the end for "no verdict".
 */
function endedAfter(answers: readonly UnfollowedAnswer[], problem: Problem): Problem {
  const decided = problem.kind === 'timeout' && answers.some((a) => a.kind === 'final')
  return decided ? noCheckToFollow(answers) : problem
}

/** "already SUCCESS", or for a status not known to be final, when the check says it reported. */
export function alreadyDecided(check: ConnectionCheck): string {
  return isFinal(check.status)
    ? `already ${check.status}`
    : `already reported at ${check.reportedAt ?? 'an unknown time'} (status "${check.status}")`
}

/** An answered POST that started nothing to follow. */
type UnfollowedAnswer =
  | { kind: 'final'; check: ConnectionCheck }
  | { kind: 'busy'; refusal: Busy }
  | { kind: 'not-a-check'; problem: TransientProblem }

function describeAnswer(answer: UnfollowedAnswer): string {
  switch (answer.kind) {
    case 'final':
      return `check ${answer.check.id}, ${alreadyDecided(answer.check)}`
    case 'busy': {
      const { status, detail } = answer.refusal
      return `HTTP ${status}${detail === undefined ? '' : ` (${detail})`} with no check running`
    }
    case 'not-a-check':
      return answer.problem.reason
  }
}

/** Why the step ends after every answered POST it may send started nothing to follow. */
function noCheckToFollow(answers: readonly UnfollowedAnswer[]): Problem {
  const finals = answers.flatMap((a) => (a.kind === 'final' ? [a.check] : []))
  const last = answers.at(-1)
  const first = finals[0]
  if (finals.length === answers.length && last?.kind === 'final' && first !== undefined) {
    const { check } = last
    return {
      kind: 'stale-answer',
      checkId: check.id,
      status: check.status,
      reportedAt: check.reportedAt,
      ...(first.id === check.id ? {} : { firstCheckId: first.id })
    }
  }
  // The API's own words on why it would not start one, when it refused every time.
  if (answers.every((a) => a.kind === 'busy') && last?.kind === 'busy') return last.refusal
  return { kind: 'unusable-answers', answers: answers.map(describeAnswer) }
}
