import type { RawResponse } from './classify.js'
import type { ConnectionCheck } from './schemas.js'

/**
 * How much earlier than its request a POST's answer may seem to be created and still be the
 * check that request started: the API's own clocks (the one that stamps `created_at`, the one
 * that writes `Date`) may disagree a little. Kept small: a check created earlier than this is
 * someone else's, and its SUCCESS must not pass the step.
 */
export const POST_ANSWER_TOLERANCE_MS = 2_000

export interface RequestTiming {
  /** Runner's wall clock (epoch ms) when the request was sent. */
  sentAtEpochMs: number
  /** Runner's wall clock (epoch ms) when the answer had arrived. */
  answeredAtEpochMs: number
}

/**
 * Why the check in a POST's answer cannot be the one that POST started, or undefined when it can
 * be. The POST's answer is what defines "our" check, and later answers are only weighed against
 * it, so an older check there (a stale cache, a confused proxy) would make any check newer than
 * it look like ours, and an older SUCCESS would pass the step at once.
 *
 * A check the request created was created after the request reached the server: no earlier than
 * the server's time of answering less the round trip. The server's time is its `Date` header
 * (whole seconds, rounded down, which only loosens the test), so the runner's clock, which may be
 * off, does not matter; without a readable `Date` the runner's clock stands in.
 */
export function predatesRequest(
  check: ConnectionCheck,
  response: RawResponse,
  timing: RequestTiming
): string | undefined {
  const raw = response.headers.date
  const serverDate = Date.parse(Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? ''))
  const answeredAt = Number.isNaN(serverDate) ? timing.answeredAtEpochMs : serverDate
  const roundTripMs = Math.max(0, timing.answeredAtEpochMs - timing.sentAtEpochMs)
  const earliestOurs = answeredAt - roundTripMs
  if (check.created.epochMs >= earliestOurs - POST_ANSWER_TOLERANCE_MS) return undefined
  const seconds = Math.round((earliestOurs - check.created.epochMs) / 1000)
  return `the answer was check ${check.id}, created ${seconds} s before the request, not a check it started`
}
