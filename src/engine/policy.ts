import type { Answer } from '../core/answer.js'
import { passingOutcome } from '../core/outcome.js'
import type { ConnectionCheck } from '../api/schemas.js'
import { compareTimestamps, parseTimestamp, parseZonedTimestamp } from '../api/timestamp.js'
import { isFinal } from '../api/status.js'
import type { UnavailablePolicy } from './contract.js'
import type { Problem } from '../core/problem.js'
import type { Outcome } from '../core/outcome.js'
import { isUuid } from '../core/ids.js'
import { CLOCK_TOLERANCE_MS } from '../wait/ownership.js'

/**
 * The gate's policies, as pure decisions: whether a platform that gave no verdict fails the
 * step, whether a FAILURE is checked again, whether a recent SUCCESS is passed on, and from
 * these whether the step passes. The user opts into each; by default none changes a verdict.
 */

/** The pause before a new check after a FAILURE: a remote blip gets a moment to pass. */
export const RECHECK_PAUSE_MS = 2000

/** The least time a new check is given after the pause, however quick the failed one was. */
const RECHECK_MIN_LEFT_MS = 1000

/** How far a check's reported_at may lie ahead of the server's Date (see ownership.ts). */
export { CLOCK_TOLERANCE_MS }

/**
 * Whether a connector's run may be waived: a check was started (or joined) during the step, and
 * then the platform gave no verdict on it: the deadline passed while the check was still
 * undecided, or while 5xx, 429 or dropped connections went on (both end as a timeout). Nothing
 * else is: a check never started (the queue left no time, every POST failed), a host that never
 * answered (a wrong `api-url`, DNS, TLS), a FAILURE, a key refused (401, 403), a 404, a 422, bad
 * inputs, a page that is not the API's and a cancellation each need someone to act.
 */
export function platformGaveNoVerdict(run: {
  started: boolean
  problem: Problem | undefined
}): boolean {
  return run.started && run.problem?.kind === 'timeout'
}

/** Whether a connector's run does not fail the step under `policy`. */
export function waives(
  policy: UnavailablePolicy,
  run: { started: boolean; problem: Problem | undefined }
): boolean {
  return policy === 'warn' && platformGaveNoVerdict(run)
}

/**
 * Whether the step passes: the one place this is decided. A step problem (bad inputs, an
 * unreadable workflow) never passes: no check was started, so nothing can be waived; otherwise
 * every connector must pass or be waived.
 */
export function stepPassed(
  problem: unknown,
  results: readonly { outcome: Outcome; waived: boolean }[]
): boolean {
  if (problem !== undefined) return false
  return results.length > 0 && results.every((r) => r.waived || passingOutcome(r.outcome))
}

/**
 * Whether a connector whose latest attempt ended in FAILURE gets another check: while fewer
 * than `max` re-checks were made, and the pause and a new check as long as the failed one
 * (`failedMs`, at least RECHECK_MIN_LEFT_MS) fit before the deadline: one that the deadline
 * would cut off only turns a FAILURE into a timeout.
 */
export function mayRecheck(options: {
  outcome: Outcome
  rechecks: number
  max: number
  now: number
  deadline: number
  failedMs: number
}): boolean {
  const { outcome, rechecks, max, now, deadline, failedMs } = options
  const needed = RECHECK_PAUSE_MS + Math.max(failedMs, RECHECK_MIN_LEFT_MS)
  return outcome === 'failure' && rechecks < max && now + needed <= deadline
}

/** Whether a connector's latest check may pass the step without a new one, and if not, why. */
export type ReuseDecision = Answer<{ check: ConnectionCheck; ageMs: number }, string>

/**
 * Passes on the latest check only when it is a SUCCESS reported at most `maxAgeMs` before the
 * server's Date header of the answer that carried it: the platform's timestamp compared with the
 * platform's own clock, never with ours. A reported_at ahead of Date by more than
 * CLOCK_TOLERANCE_MS means the two clocks disagree, so its age is unknown; within it, the age is
 * taken as 0. Anything else starts a check: no check, not final, a FAILURE, an id that is not
 * the API's (no UUID), a timestamp without a UTC offset (it may be local time, hours from Date's
 * GMT), one reported before it was created, no Date, an answer a cache served (an Age header:
 * its Date is the old answer's), too old.
 */
export function reuseDecision(
  latest: ConnectionCheck | undefined,
  maxAgeMs: number
): ReuseDecision {
  if (latest === undefined) return { ok: false, problem: 'the connector has no check to reuse' }
  if (!isFinal(latest.status) || latest.reportedAt === null) {
    return { ok: false, problem: `its latest check ${latest.id} is not final (${latest.status})` }
  }
  if (latest.status !== 'SUCCESS') {
    return { ok: false, problem: `its latest check ${latest.id} is a ${latest.status}` }
  }
  if (!isUuid(latest.id)) {
    return {
      ok: false,
      problem: `the id of its latest check, ${latest.id}, is not a UUID: the answer is not the API's`
    }
  }
  const reported = parseTimestamp(latest.reportedAt)
  if (reported === undefined) {
    return { ok: false, problem: `the reported_at of check ${latest.id} is not a timestamp` }
  }
  for (const [field, text] of [
    ['created_at', latest.createdAt],
    ['reported_at', latest.reportedAt]
  ] as const) {
    if (parseZonedTimestamp(text) === undefined) {
      return {
        ok: false,
        problem:
          `the ${field} of check ${latest.id} has no UTC offset, so it may be local time and ` +
          "cannot be compared with the server's Date"
      }
    }
  }
  if (compareTimestamps(reported, latest.created) < 0) {
    return { ok: false, problem: `check ${latest.id} was reported before it was created` }
  }
  if (latest.serverDateMs === undefined) {
    return { ok: false, problem: 'the answer had no Date header to tell its age by' }
  }
  if (latest.cacheAgeSeconds !== undefined && latest.cacheAgeSeconds !== 0) {
    return {
      ok: false,
      problem:
        "the answer came from a cache (it had an Age header), so its Date is not the server's now"
    }
  }
  const ageMs = latest.serverDateMs - reported.epochMs
  if (ageMs < -CLOCK_TOLERANCE_MS) {
    return {
      ok: false,
      problem:
        `check ${latest.id} was reported ${Math.round(-ageMs / 1000)} s after the server's ` +
        "Date: the platform's clocks disagree, so its age is unknown"
    }
  }
  if (ageMs > maxAgeMs) {
    return {
      ok: false,
      problem:
        `check ${latest.id} was reported ${Math.round(ageMs / 1000)} s before the server's ` +
        `Date, longer ago than ${maxAgeMs / 1000} s`
    }
  }
  return { ok: true, value: { check: latest, ageMs: Math.max(0, ageMs) } }
}

/**
 * A reuse that stands only if the connector was not changed since the check began: a SUCCESS of
 * the previous config says nothing of the new one. `connector` is what a read of it by id told
 * (undefined when none answered, or the answer was not that connector); an `updated_at` at or
 * after the check's created_at (both the platform's timestamps), unreadable, or not given at all
 * refuses the reuse. An `updated_at` of null (never updated) lets it stand.
 */
export function reuseAfterUpdate(
  decision: ReuseDecision,
  connector: { updatedAt?: string | null | undefined; cacheAgeSeconds?: number } | undefined
): ReuseDecision {
  if (!decision.ok) return decision
  const { check } = decision.value
  if (connector === undefined) {
    return {
      ok: false,
      problem: `the connector could not be read to tell whether it changed since check ${check.id}`
    }
  }
  if (connector.cacheAgeSeconds !== undefined && connector.cacheAgeSeconds !== 0) {
    return { ok: false, problem: 'the connector was read from a cache (an Age header)' }
  }
  if (connector.updatedAt === undefined) {
    return {
      ok: false,
      problem: 'the connector read did not say when the connector was last updated (no updated_at)'
    }
  }
  if (connector.updatedAt === null) return decision
  // Offsetless, it could be any zone's local time, and so before or after the check.
  const updated = parseZonedTimestamp(connector.updatedAt)
  if (updated === undefined) {
    return {
      ok: false,
      problem: "the connector's updated_at is not a timestamp with a UTC offset"
    }
  }
  // Within the tolerance of the check's start: another service's clock, or whole seconds, may
  // put an update just after it a little before.
  const margin = { epochMs: check.created.epochMs - CLOCK_TOLERANCE_MS, subMsNanos: 0 }
  if (compareTimestamps(updated, margin) >= 0) {
    return {
      ok: false,
      problem: `the connector was updated since check ${check.id} began, which may have checked its previous config`
    }
  }
  return decision
}
