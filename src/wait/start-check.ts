import type { CallOptions, ConnectionCheckApi } from '../api/client.js'
import type { Answer } from '../core/answer.js'
import type { ConnectionCheck } from '../api/schemas.js'
import { isFinal } from '../api/status.js'
import type { Connector } from '../core/connector.js'
import { transient, type Problem, type TransientProblem } from '../core/problem.js'
import { readLatest, type Latest } from './latest.js'
import { agedBeyond, createdBeforeBaseline, isNewSince, isUnfinished } from './ownership.js'
import type { Pacer, PacerOptions, RetryEvent } from './pacer.js'

// Starting one check: the POSTs, what each answer means against the baseline, and when to stop.

/** POSTs that may be sent to start one check, whatever the answers: never a loop of them. */
export const MAX_POSTS = 3

/** A POST's back-off skips this many doublings of the retry gap: it starts at 2 s, not 0.5 s. */
const POST_BACKOFF_STEPS = 2

/** Answers to a POST that did arrive, yet started nothing to follow: at most this many. */
const ANSWERED_POSTS = 2

/**
 * A POST whose answer never arrived (no status line at all, or none in time; 5xx, 429, 408): it
 * may have started nothing. An answer cut off after its status line did arrive.
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

export type Start =
  | {
      ok: true
      check: ConnectionCheck
      /** A check already running is followed, not one of ours; `refusal` when the API said so. */
      joined: boolean
      refusal: Busy | undefined
      /** Already final, and created since the baseline: the verdict itself, nothing to follow. */
      decided: boolean
      /** A read, not the POST's answer, showed it: so it was the connector's latest then. */
      seenAsLatest: boolean
      sentAt: number
    }
  | { ok: false; problem: Problem }

/** A SUCCESS or FAILURE created since the baseline: a verdict given after the step began. */
function isVerdictSince(baseline: Latest, check: ConnectionCheck, now: number): boolean {
  return isFinal(check.status) && isNewSince(baseline, check, now)
}

/** What starting one check needs: the step's pacing and API, and what to tell. */
export interface Starting {
  pacer: Pacer
  pacing: PacerOptions
  api: ConnectionCheckApi
  post: (call: CallOptions) => Promise<Answer<ConnectionCheck>>
  retrying: RetryEvent
  /** A POST answered with a check already decided, perhaps an old one. */
  finalOnArrival: (check: ConnectionCheck) => void
  baseline: Latest
  /** No POST after the first is sent past this clock time (see CheckRunOptions). */
  lastStartAt: number
}

/**
 * Sends the POST and decides what to follow. A check's status and id are weighed, and its
 * created_at only against the baseline's (the platform's timestamps with each other):
 * - a check the platform shows as undecided (a status that is not final, no reported_at), ours
 *   or one the API was already running, is followed: any verdict it reaches comes later;
 * - a decided check created since the baseline was decided after the step began: it is the
 *   verdict. Any other decided check may be an old one; one more POST tells, and a decided one
 *   again ends the step, for no pass can rest on it;
 * - 409 or 423 ("a check is in progress"): the connector's running check is followed; with none
 *   running, the POST is sent once more after a back-off;
 * - no answer, or a 5xx or a cut-off one: the POST may have started a check all the same, so the
 *   latest check is read before any new POST, and one created since the baseline is taken as
 *   above. (After a 429 nothing started.)
 * At most MAX_POSTS POSTs are sent, whatever the answers: a confused API never makes this start
 * checks in a loop.
 */
export async function startCheck(connector: Connector, starting: Starting): Promise<Start> {
  const { pacer, pacing, api, post, retrying, baseline, lastStartAt } = starting
  const { clock } = pacing
  const attemptStartedAt = clock.now()
  const answers: UnfollowedAnswer[] = []
  const started = (
    check: ConnectionCheck,
    sentAt: number,
    how: { joined?: boolean; refusal?: Busy; seenAsLatest?: boolean } = {}
  ): Start => ({
    ok: true,
    check,
    joined: how.joined === true || how.refusal !== undefined,
    refusal: how.refusal,
    decided: isFinal(check.status),
    seenAsLatest: how.seenAsLatest ?? false,
    sentAt
  })
  /**
   * An undecided check older than the baseline is none of ours; the baseline's own one, still
   * running, is what a platform that dedupes POSTs answers.
   */
  const olderThanBaseline = (check: ConnectionCheck): boolean =>
    createdBeforeBaseline(baseline, check) &&
    !(baseline.kind === 'check' && baseline.check.id === check.id)
  /** What a read of the latest check shows to follow, or undefined. */
  const readFollows = async (sentAt: number): Promise<Start | undefined> => {
    const latest = await readLatest(connector, { api, pacing, retrying })
    if (latest.kind !== 'check') return undefined
    const { check } = latest
    const now = clock.now()
    if (isVerdictSince(baseline, check, now)) return started(check, sentAt, { seenAsLatest: true })
    if (!isUnfinished(check)) return undefined
    // The baseline's own check, still running: joined.
    if (baseline.kind === 'check' && baseline.check.id === check.id) {
      return started(check, sentAt, { seenAsLatest: true, joined: true })
    }
    // Undecided, so any verdict it reaches comes later; but not one older than the baseline,
    // which is no check of this step's, and only a new one's having been the latest counts.
    if (createdBeforeBaseline(baseline, check)) return undefined
    // Older, by its Date, than this attempt: running before the step's POST, so joined.
    const joined = agedBeyond(check, now - attemptStartedAt)
    return started(check, sentAt, { seenAsLatest: isNewSince(baseline, check, now), joined })
  }

  let lastSentAt = Number.NEGATIVE_INFINITY
  for (;;) {
    const mayPost = await pacer.waitForSlot(lastSentAt, clock.now())
    // The first POST was allowed by the caller when it began; any POST, once time has passed
    // since (a wait at the shared gate, a back-off), only while a check could still be followed.
    const waited = answers.length > 0 || clock.now() > attemptStartedAt
    if (!mayPost || (waited && clock.now() > lastStartAt)) {
      const problem = pacer.aborted() ? pacer.cancelled() : pacer.timedOut()
      return { ok: false, problem: endedAfter(answers, problem) }
    }
    const sentAt = clock.now()
    lastSentAt = sentAt
    const sent = await pacer.send(post)
    let answer: UnfollowedAnswer
    if (sent.ok) {
      const check = sent.value
      const now = clock.now()
      // An undecided check older than the baseline is none of ours; the baseline's own one,
      // still running, is what a platform that dedupes POSTs answers.
      if (
        (isUnfinished(check) && !olderThanBaseline(check)) ||
        isVerdictSince(baseline, check, now)
      ) {
        return started(check, sentAt)
      }
      answer = isUnfinished(check) ? { kind: 'old', check } : { kind: 'final', check }
    } else if (isBusy(sent.problem)) {
      const running = await pacer.retry((call) => api.latestCheck(connector, call), retrying)
      if (running.ok && isUnfinished(running.value) && !olderThanBaseline(running.value)) {
        return started(running.value, running.sentAt, { refusal: sent.problem, seenAsLatest: true })
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
    const answered = answers.filter((a) => a.kind !== 'not-a-check' || !unanswered(a.problem))
    if (answers.length >= MAX_POSTS || answered.length >= ANSWERED_POSTS) {
      return { ok: false, problem: pacer.neverAnswered() ?? noCheckToFollow(answers) }
    }
    if (answer.kind === 'final') starting.finalOnArrival(answer.check)
    const failed = answer.kind === 'not-a-check' ? answer.problem : undefined
    const why = failed ?? transient(undefined, describeAnswer(answer))
    const onRetry: RetryEvent =
      answer.kind === 'final'
        ? () => undefined
        : (problem, delayMs) => {
            retrying(problem, delayMs, answers.length)
          }
    // With only MAX_POSTS to spend, those after a failure are spread out (2 s, then 4 s, up to
    // the poll interval), so that a blip of a few seconds does not use them all up.
    const steps = answers.length + (failed === undefined ? 0 : POST_BACKOFF_STEPS)
    if (!(await pacer.backOff(sentAt, steps, why, onRetry))) {
      return { ok: false, problem: endedAfter(answers, pacer.timedOut()) }
    }
    if (failed !== undefined && failed.status !== 429) {
      const found = await readFollows(sentAt)
      if (found !== undefined) return found
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
  /** Undecided, but created before the connector's latest check read before the POST. */
  | { kind: 'old'; check: ConnectionCheck }
  | { kind: 'busy'; refusal: Busy }
  | { kind: 'not-a-check'; problem: TransientProblem }

function describeAnswer(answer: UnfollowedAnswer): string {
  switch (answer.kind) {
    case 'final':
      return `check ${answer.check.id}, ${alreadyDecided(answer.check)}`
    case 'old':
      return `check ${answer.check.id}, created before the connector's latest check (${answer.check.status})`
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
      answers: finals.length,
      ...(first.id === check.id ? {} : { firstCheckId: first.id })
    }
  }
  // The API's own words on why it would not start one, when it refused every time.
  if (answers.every((a) => a.kind === 'busy') && last?.kind === 'busy') return last.refusal
  return { kind: 'unusable-answers', answers: answers.map(describeAnswer) }
}
