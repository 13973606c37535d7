import type { Outcome } from '../core/outcome.js'

/**
 * Counts per outcome, in the order every report gives them: failures first, then timeouts and
 * the other ways of not passing, then passes.
 */
export const COUNT_ORDER: readonly Outcome[] = [
  'failure',
  'timeout',
  'error',
  'not-found',
  'invalid',
  'unauthorized',
  'cancelled',
  'dry-run',
  'success'
]

/** How a count of each outcome reads after its number: "10 failed", "6 timed out". */
export const COUNTED_AS: Readonly<Record<Outcome, string>> = {
  failure: 'failed',
  timeout: 'timed out',
  error: 'errored',
  'not-found': 'not found',
  invalid: 'invalid',
  unauthorized: 'unauthorized',
  cancelled: 'cancelled',
  // A dry run starts no check: what it learns is that the connector is there.
  'dry-run': 'found',
  success: 'passed'
}

/** How many of each outcome there are, in COUNT_ORDER, outcomes that none has left out. */
export function tally(outcomes: readonly Outcome[]): [Outcome, number][] {
  return COUNT_ORDER.map((outcome): [Outcome, number] => [
    outcome,
    outcomes.filter((o) => o === outcome).length
  ]).filter(([, n]) => n > 0)
}

/** "10 failed, 6 timed out, 21 passed"; '' for no outcome at all. */
export function outcomeCounts(outcomes: readonly Outcome[]): string {
  return tally(outcomes)
    .map(([outcome, n]) => `${n} ${COUNTED_AS[outcome]}`)
    .join(', ')
}
