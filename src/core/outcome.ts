// The outcomes a connector's run and the step can have, and the rules over them alone.

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
