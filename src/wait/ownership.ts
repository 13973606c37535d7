import {
  compareTimestamps,
  KNOWN_STATUSES,
  type ConnectionCheck,
  type KnownStatus
} from '../api/schemas.js'

/**
 * The GET answers with the connector's latest check, which need not be ours:
 * - 'same': the check we follow;
 * - 'newer': created after it (the UI's "Save and Test", a parallel run); it supersedes ours
 *   and describes the same connector, now, so we follow it instead;
 * - 'older': created before it (our POST is not visible yet); never our result;
 * - 'unordered': another id with the very same created_at; we cannot tell, so it is not ours.
 */
export type Relation = 'same' | 'newer' | 'older' | 'unordered'

export function relationTo(followed: ConnectionCheck, answer: ConnectionCheck): Relation {
  if (answer.id === followed.id) return 'same'
  const order = compareTimestamps(answer.created, followed.created)
  if (order > 0) return 'newer'
  if (order < 0) return 'older'
  return 'unordered'
}

export function isKnownStatus(status: string): status is KnownStatus {
  return (KNOWN_STATUSES as readonly string[]).includes(status)
}

/** Only SUCCESS and FAILURE end the wait; SCHEDULED and any value we do not know keep it going. */
export function isFinal(status: string): status is 'SUCCESS' | 'FAILURE' {
  return status === 'SUCCESS' || status === 'FAILURE'
}
