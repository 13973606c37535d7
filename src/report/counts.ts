import type { Outcome } from '../core/outcome.js'

/**
 * The order every report lists results in: failures first, then the other ways of not passing
 * (timeouts, then what the platform or the inputs got wrong), then what passed.
 */
export const OUTCOME_ORDER: readonly Outcome[] = [
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

/** How a count of each outcome reads: "10 failed", "6 timed out". */
const COUNTED: Record<Outcome, string> = {
  failure: 'failed',
  timeout: 'timed out',
  error: 'errored',
  'not-found': 'not found',
  invalid: 'invalid',
  unauthorized: 'unauthorized',
  cancelled: 'cancelled',
  'dry-run': 'found',
  success: 'passed'
}

/** What happened to one connector, in a few words: "failed", "timed out". */
export function outcomeWords(outcome: Outcome): string {
  return COUNTED[outcome]
}

/** How many of each outcome, in report order; outcomes with none are left out. */
export function tally(outcomes: Iterable<Outcome>): [Outcome, number][] {
  const counts = new Map<Outcome, number>()
  for (const outcome of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1)
  return OUTCOME_ORDER.flatMap((outcome) => {
    const n = counts.get(outcome) ?? 0
    return n === 0 ? [] : [[outcome, n] as [Outcome, number]]
  })
}

/** "10 failed, 6 timed out, 21 passed": counts per outcome, failures first, zeros left out. */
export function countsInWords(outcomes: Iterable<Outcome>): string {
  return tally(outcomes)
    .map(([outcome, n]) => `${n} ${COUNTED[outcome]}`)
    .join(', ')
}

interface Rankable {
  outcome: Outcome
  /** Waived results come after the others of their outcome: they do not fail the step. */
  waived: boolean
  /** What a reader finds it by: its name, else its id. */
  sortName: string
}

/**
 * Results in report order: by outcome (OUTCOME_ORDER), those that fail the step before those
 * waived, then by name, so that a person finds a connector where they expect it.
 */
export function ranked<T extends Rankable>(items: readonly T[]): T[] {
  const rank = (item: T): number => OUTCOME_ORDER.indexOf(item.outcome) * 2 + (item.waived ? 1 : 0)
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        rank(a.item) - rank(b.item) ||
        a.item.sortName.localeCompare(b.item.sortName, 'en') ||
        a.index - b.index
    )
    .map(({ item }) => item)
}
