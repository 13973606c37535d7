/**
 * When to poll. Pure functions of elapsed time, the poll cap, a random number in [0, 1) and,
 * optionally, a prior: how long the connector's previous check took.
 *
 * Without a prior the gap after a poll made s ms after the POST is
 *     min(cap, 420 ms + 0.255 * s) * j,   j drawn from [0.96, 0.98]
 * Why these numbers (BENCHMARKS.md compares them with other candidates):
 * - Lag. A check that turns final T s after the POST, just after a poll, is seen one gap later,
 *   so the gap must stay under 0.5 s + 0.25 * T. With j <= 0.98 the gap is at most
 *   0.412 s + 0.2499 * s: about 88 ms spare at every T for the request and the process exit.
 * - Cost. Growth of about 25 % per poll reaches the cap (10 s by default) near s = 38 s. Even at
 *   the low end of the jitter it takes 14 polls to pass 30 s (a fixed 2 s poller needs 15) and
 *   20 to pass 90 s (a fixed 5 s poller needs 18; 1.2x of its 19 requests is 22.8, and ours,
 *   with the POST and the connector's name lookup, are 22).
 * - Jitter only shortens the gap, so the lag bound holds for every draw; it keeps parallel jobs
 *   that started together from polling in lockstep. A wider band would cost requests or spare.
 * The first poll comes 0.40 to 0.41 s after the POST.
 */
export const POLL_SCHEDULE = {
  firstGapMs: 420,
  growth: 0.255,
  jitterLow: 0.96,
  jitterHigh: 0.98
} as const

/**
 * The window of dense polls around a prior D: from 0.8 D to 1.25 D the nominal gap shrinks to
 * 22 % of the gap above, but to no less than 3 % of D and 0.25 s after jitter.
 * - A connector's checks tend to take about as long as its previous one, so the verdict is
 *   likely in the window, where a gap of a fifth or so cuts the lag to about as much. The
 *   window reaches 25 % past D for checks a little slower. Its first poll comes one window gap
 *   after 0.8 D: a poll at 0.8 D itself would only serve checks faster than that.
 * - The gap is a share of the gap above rather than of D alone: a fixed 5 % of D would poll a
 *   5 s check every 0.25 s (1.5x the calls) yet a 90 s check every 4.5 s (0.44x the lag).
 *   The floor of 3 % of D bounds the calls a long check's window adds to about 15.
 * - Each gap is the smaller of this one and the one above, with the same jitter, so every
 *   gap is at most the one above at the same moment: the lag bound holds whatever the prior
 *   says, and a wrong prior costs only the window's polls. BENCHMARKS.md has the candidates.
 */
export const PRIOR_WINDOW = {
  startShare: 0.8,
  endShare: 1.25,
  gapShareOfRegular: 0.22,
  gapShareOfPrior: 0.03,
  minGapMs: 250
} as const

/**
 * The gap to wait after a poll sent `sincePostMs` after the POST. With no usable prior (none,
 * or not a positive finite number) it is exactly the gap of the schedule above.
 */
export function pollGap(
  sincePostMs: number,
  capMs: number,
  random: number,
  priorMs?: number
): number {
  const { firstGapMs, growth, jitterLow, jitterHigh } = POLL_SCHEDULE
  const regular = Math.min(capMs, firstGapMs + growth * Math.max(0, sincePostMs))
  const nominal = Math.min(regular, windowGap(sincePostMs, regular, priorMs))
  return nominal * (jitterHigh - (jitterHigh - jitterLow) * random)
}

/** A prior the schedule can aim at: a positive, finite duration. */
export function usablePrior(priorMs: number | undefined): priorMs is number {
  return priorMs !== undefined && Number.isFinite(priorMs) && priorMs > 0
}

/**
 * The window's nominal gap after a poll at `sincePostMs`: Infinity past it (and without a
 * prior); before it, the time to its first poll, one window gap after its start.
 */
function windowGap(sincePostMs: number, regularMs: number, priorMs: number | undefined): number {
  if (!usablePrior(priorMs)) return Infinity
  const { startShare, endShare, gapShareOfRegular, gapShareOfPrior, minGapMs } = PRIOR_WINDOW
  if (sincePostMs >= endShare * priorMs) return Infinity
  const dense = Math.max(
    gapShareOfRegular * regularMs,
    gapShareOfPrior * priorMs,
    minGapMs / POLL_SCHEDULE.jitterLow
  )
  return dense + Math.max(0, startShare * priorMs - sincePostMs)
}

/** The first retry's wait; it doubles with each failure in a row. */
export const RETRY_BASE_MS = 500

/**
 * Back-off after the n-th failure in a row (n >= 1): 0.5 s, 1 s, 2 s ... up to the cap, with the
 * same downward jitter. A Retry-After from the server can only lengthen it: the request is never
 * retried sooner, even past the cap, but a Retry-After of 0, or a date the runner's clock has
 * already passed (a clock a little fast is enough), does not make it retry at once. Otherwise a
 * POST answered so again and again was re-sent once per round trip until the deadline.
 */
export function retryGap(
  failuresInARow: number,
  capMs: number,
  random: number,
  retryAfterMs?: number
): number {
  const { jitterLow, jitterHigh } = POLL_SCHEDULE
  const exponent = Math.min(Math.max(failuresInARow, 1) - 1, 20)
  const nominal = Math.min(capMs, RETRY_BASE_MS * 2 ** exponent)
  const backOff = nominal * (jitterHigh - (jitterHigh - jitterLow) * random)
  return Math.max(retryAfterMs ?? 0, backOff)
}

/** Kept free at the end for writing outputs and the summary and exiting. */
export const EXIT_RESERVE_MS = 100

/** No single request may take longer, so a hung connection costs one slot, not the deadline. */
export const REQUEST_TIMEOUT_CAP_MS = 15_000

/** A 404 on the GET this soon after the POST is taken as the check not being visible yet. */
export const GET_NOT_FOUND_GRACE_MS = 10_000

/**
 * How long before the deadline the last poll is sent: time for its answer (twice the slowest
 * answer seen so far, 0.1 to 1 s) plus the exit reserve. Adapting to the measured latency lets
 * the last poll come as late as it usefully can, close to the deadline but not past it.
 */
export function lastPollLead(slowestAnswerMs: number): number {
  return EXIT_RESERVE_MS + Math.min(1000, Math.max(100, 2 * slowestAnswerMs))
}

/**
 * When the next poll should be sent (clock ms), or undefined when the last useful poll has
 * already been made: that is, the next one would land after the deadline's last slot.
 */
export function nextPollAt(options: {
  lastPollAt: number
  desiredAt: number
  deadline: number
  slowestAnswerMs: number
}): number | undefined {
  const lastSlot = options.deadline - lastPollLead(options.slowestAnswerMs)
  if (options.desiredAt <= lastSlot) return options.desiredAt
  return options.lastPollAt < lastSlot ? lastSlot : undefined
}
