/**
 * The sweep's queue, as pure decisions: whether a check may still start when its turn comes,
 * and how long the queue needs (turns.ts gives the turns, longest first). A check started when too
 * little time is left cannot be followed to a verdict: the platform runs it for nothing and the
 * report blames the connector for the step's deadline.
 */

/** With no prior, no check starts in the last this-many ms before the deadline. */
export const NO_PRIOR_MARGIN_MS = 2000

/**
 * Whether a check may start now: the time left covers the connector's prior (its last check's
 * run time), or, with none, NO_PRIOR_MARGIN_MS. The margin never exceeds half the step's
 * timeout, so that a short timeout still starts its first checks.
 */
export function mayStartCheck(options: {
  now: number
  deadline: number
  timeoutMs: number
  priorMs: number | undefined
}): boolean {
  return options.now <= lastStartAt(options)
}

/** The latest clock time at which a check may start (see mayStartCheck). */
export function lastStartAt(options: {
  deadline: number
  timeoutMs: number
  priorMs: number | undefined
}): number {
  const { deadline, timeoutMs, priorMs } = options
  return deadline - (priorMs ?? Math.min(NO_PRIOR_MARGIN_MS, timeoutMs / 2))
}

/**
 * How long `slots` slots need for checks of these durations, started longest first: an estimate
 * for messages. A missing duration counts as the mean of the known ones; with none known, there
 * is no estimate.
 */
export function queueMakespan(
  priors: readonly (number | undefined)[],
  slots: number
): number | undefined {
  const known = priors.filter((p): p is number => p !== undefined)
  if (known.length === 0) return undefined
  const mean = known.reduce((sum, p) => sum + p, 0) / known.length
  const durations = priors.map((p) => p ?? mean).sort((a, b) => b - a)
  // Each next check goes to the slot that frees first; slots are few, so a scan is enough.
  const ends = new Array<number>(Math.max(1, Math.min(slots, durations.length))).fill(0)
  for (const duration of durations) {
    let first = 0
    for (let i = 1; i < ends.length; i += 1) if ((ends[i] ?? 0) < (ends[first] ?? 0)) first = i
    ends[first] = (ends[first] ?? 0) + duration
  }
  return Math.max(...ends)
}
