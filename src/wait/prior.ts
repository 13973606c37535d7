import type { ConnectionCheck } from '../api/schemas.js'
import { parseTimestamp } from '../api/timestamp.js'
import { isFinal } from '../api/status.js'

/**
 * How long a connector's latest check took, as a prior for the poll schedule: its
 * `reported_at - created_at` in ms, both the platform's own timestamps (compared only with each
 * other). Undefined when there is no check, when it is not final, when either timestamp is
 * unreadable, and when the duration is not positive or longer than `timeoutMs` (the time the
 * step may wait for its check): a window that can never be reached only costs polls.
 */
export function priorFrom(
  check: ConnectionCheck | undefined,
  timeoutMs: number
): number | undefined {
  if (check === undefined || !isFinal(check.status) || check.reportedAt === null) return undefined
  const reported = parseTimestamp(check.reportedAt)
  if (reported === undefined) return undefined
  const durationMs =
    reported.epochMs -
    check.created.epochMs +
    (reported.subMsNanos - check.created.subMsNanos) / 1e6
  // NaN fails both comparisons, so an unusable timeout gives no prior either.
  return Number.isFinite(durationMs) && durationMs > 0 && durationMs <= timeoutMs
    ? durationMs
    : undefined
}
