// The outcomes a connector's run and the step can have, and the rules over them alone.
import type { Problem } from './problem.js'

/** What a FAILURE without a reason says instead, wherever it is shown. */
export const NO_REASON = 'the platform gave no reason'

/**
 * The step's verdict, as the `outcome` output spells it. Only 'success' and 'dry-run' pass the
 * step on their own; the engine's policy decides the rest.
 */
export type Outcome =
  | 'success'
  /** A dry run found the connector and could read it; no check was started. */
  | 'dry-run'
  | 'failure'
  | 'invalid'
  | 'unauthorized'
  | 'not-found'
  | 'timeout'
  | 'cancelled'
  | 'error'

/** Outcomes that pass the step on their own. */
export function passingOutcome(outcome: Outcome): boolean {
  return outcome === 'success' || outcome === 'dry-run'
}

/** Most severe first: the step's outcome is the first of these that any connector has. */
export const OUTCOME_PRECEDENCE: readonly Outcome[] = [
  'cancelled',
  'unauthorized',
  'invalid',
  'not-found',
  'failure',
  'timeout',
  'error',
  'dry-run',
  'success'
]

export function overallOutcome(outcomes: readonly Outcome[]): Outcome {
  return OUTCOME_PRECEDENCE.find((outcome) => outcomes.includes(outcome)) ?? 'error'
}

/**
 * SUCCESS only if every connector succeeded, else FAILURE if any failed, else SCHEDULED; empty
 * when no check was created at all.
 */
export function overallStatus(statuses: readonly (string | undefined)[]): string {
  if (statuses.every((status) => status === undefined)) return ''
  if (statuses.every((status) => status === 'SUCCESS')) return 'SUCCESS'
  return statuses.includes('FAILURE') ? 'FAILURE' : 'SCHEDULED'
}

/** The single place where a kind of problem becomes an outcome. */
export function outcomeOf(problem: Problem): Outcome {
  switch (problem.kind) {
    case 'invalid-input':
    case 'validation':
      return 'invalid'
    case 'unauthorized':
      return 'unauthorized'
    case 'not-found':
      return 'not-found'
    case 'timeout':
    case 'not-started':
      return 'timeout'
    case 'cancelled':
      return 'cancelled'
    case 'unresolved-names':
      // A name that several share needs the user to choose; one that matches nothing, a fix.
      return problem.items.some((item) => item.match === 'several') ? 'invalid' : 'not-found'
    case 'redirect':
    case 'rejected':
    case 'foreign-answer':
    case 'tls':
    case 'proxy-refused':
    case 'unreachable':
    case 'stale-answer':
    case 'unusable-answers':
    case 'malformed':
    case 'transient':
      return 'error'
  }
}
