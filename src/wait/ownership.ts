import type { ConnectionCheck } from '../api/schemas.js'
import { compareTimestamps, parseZonedTimestamp } from '../api/timestamp.js'
import { isFinal } from '../api/status.js'
import type { Latest } from './latest.js'

/**
 * The GET answers with the connector's latest check, which need not be ours. Identity comes from
 * ids, and from the platform's timestamps compared only with each other:
 * - 'same': the check we follow;
 * - 'newer': created after it (the UI's "Save and Test", a parallel run); it supersedes ours
 *   and describes the same connector, now, so we follow it instead;
 * - 'older': created before it (our POST is not visible yet); never our result;
 * - 'unordered': another id with the very same created_at; we cannot tell, so it is not ours;
 * - 'implausible': "newer", but stamped absurdly far from the server's own time (the year 9999,
 *   a day off): a broken clock or a forged answer, so it is not trusted to replace ours;
 * - 'unproven': newer, but already decided when first seen, while no poll has yet shown ours as
 *   the connector's latest check: nothing shows it was decided after the step began (an API that
 *   answered the POST with an old check would look just like this), so it does not replace ours.
 *
 * What this guards: a pass needs a SUCCESS decided after the step began. That holds for a check
 * seen undecided during the step (the POST's answer, or a poll), and for one newer than a check
 * that a poll showed as the latest during the step.
 */
export type Relation = 'same' | 'newer' | 'older' | 'unordered' | 'implausible' | 'unproven'

/** The relations under which an answer is not ours and is passed over. */
export type IgnoredRelation = Exclude<Relation, 'same' | 'newer'>

/** Why an answer under each relation is passed over, as the end of a sentence about it. */
export const IGNORED_BECAUSE: Record<IgnoredRelation, string> = {
  older: 'created before ours',
  unordered: 'created at the same moment as ours, so the two cannot be ordered',
  implausible: "stamped more than a day from the server's own time",
  unproven: 'already decided when first seen, perhaps before the step began'
}

/** How far a newer check's created_at may lie from the server's Date (either way). */
export const PLAUSIBLE_SPAN_MS = 24 * 60 * 60 * 1000

/**
 * How a poll's answer relates to the check being followed. `followedSeenAsLatest`: a poll has
 * answered with the followed check itself, so it was the connector's latest during the step.
 */
export function relationTo(
  followed: ConnectionCheck,
  answer: ConnectionCheck,
  followedSeenAsLatest: boolean
): Relation {
  if (answer.id === followed.id) return 'same'
  const order = compareTimestamps(answer.created, followed.created)
  if (order < 0) return 'older'
  if (order === 0) return 'unordered'
  if (!plausiblyNewer(followed, answer)) return 'implausible'
  return !isUnfinished(answer) && !followedSeenAsLatest ? 'unproven' : 'newer'
}

/**
 * The one place where a platform timestamp meets a clock of another kind, and only as a coarse
 * bound: a day either way of the answer's Date header absorbs any clock skew or time zone. With
 * no readable Date, the bound is a day after the check it is newer than, if any.
 */
function plausiblyNewer(than: ConnectionCheck | undefined, answer: ConnectionCheck): boolean {
  const created = answer.created.epochMs
  if (answer.serverDateMs !== undefined) {
    return Math.abs(created - answer.serverDateMs) <= PLAUSIBLE_SPAN_MS
  }
  return than === undefined || created - than.created.epochMs <= PLAUSIBLE_SPAN_MS
}

/**
 * How far the platform's clocks (the one that writes created_at, and the server's Date) may
 * disagree before an age read from them is not trusted: Date has whole seconds, and a load
 * balancer's clock may drift a little.
 */
export const CLOCK_TOLERANCE_MS = 5000

/**
 * Whether a check shows that it was created before the read of the connector's latest check
 * made during the step (the baseline), and so cannot be one this step started: it is the
 * baseline's own check, or created no later than it (the platform's timestamps compared with each
 * other). After a 404, or a read that failed, nothing shows it.
 */
export function createdBeforeBaseline(baseline: Latest, check: ConnectionCheck): boolean {
  if (baseline.kind !== 'check') return false
  return (
    check.id === baseline.check.id || compareTimestamps(check.created, baseline.check.created) <= 0
  )
}

/**
 * Whether a check was created after the baseline, and so decided after the step began, whatever
 * its status. A verdict rests on it, so it asks for proof: the baseline was read (a check, or a
 * 404) and not from a cache; the check is not older than the baseline's; and its age by the Date
 * of the answer that carries it (the platform's own clock, against a created_at with a UTC
 * offset) is no more than the time since that read, on the step's clock, and
 * CLOCK_TOLERANCE_MS: an old check served after the read is not new. `now` is the step's clock
 * time.
 */
export function isNewSince(baseline: Latest, check: ConnectionCheck, now: number): boolean {
  if (baseline.kind === 'unknown' || fromCache(check)) return false
  if (baseline.kind === 'check' && fromCache(baseline.check)) return false
  if (createdBeforeBaseline(baseline, check)) return false
  const ageMs = ageByDate(check)
  // A created_at ahead of Date by more than the tolerance: the clocks disagree, age unknown.
  return (
    ageMs !== undefined &&
    ageMs >= -CLOCK_TOLERANCE_MS &&
    ageMs <= now - baseline.at + CLOCK_TOLERANCE_MS
  )
}

/**
 * A check's age by the Date of the answer that carried it: the platform's own clock against a
 * created_at with a UTC offset. Undefined without either, or from a cache (an Age header: its
 * Date is an old answer's).
 */
function ageByDate(check: ConnectionCheck): number | undefined {
  if (check.serverDateMs === undefined || fromCache(check)) return undefined
  if (parseZonedTimestamp(check.createdAt) === undefined) return undefined
  return check.serverDateMs - check.created.epochMs
}

/** Whether a check's age by Date shows it older than `spanMs` (and CLOCK_TOLERANCE_MS). */
export function agedBeyond(check: ConnectionCheck, spanMs: number): boolean {
  const ageMs = ageByDate(check)
  return ageMs !== undefined && ageMs > spanMs + CLOCK_TOLERANCE_MS
}

function fromCache(check: ConnectionCheck): boolean {
  return check.cacheAgeSeconds !== undefined && check.cacheAgeSeconds !== 0
}

/**
 * The platform shows the check as not yet decided: a status that is not final and no
 * `reported_at`. Only such a sighting proves that its verdict, when it comes, comes later; an
 * unknown status on a check that has already reported proves nothing (an old check, or a status
 * mangled on the way).
 */
export function isUnfinished(check: ConnectionCheck): boolean {
  return !isFinal(check.status) && check.reportedAt === null
}
