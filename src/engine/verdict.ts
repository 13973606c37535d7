import type { Verdict } from './contract.js'
import { NO_REASON } from '../core/outcome.js'
import { connectorLabel, type Connector, type ConnectorNames } from '../core/connector.js'
import { seconds } from '../core/text.js'
import type { ConnectionCheck } from '../api/schemas.js'
import type { CheckRun } from '../wait/check-run.js'

import { label, type Subject, type VerdictContext } from './subject.js'
import { problemVerdict } from './problem-verdict.js'
/** The verdict on one connector's run. */
export function runVerdict(
  run: CheckRun,
  names: ConnectorNames | undefined,
  context: VerdictContext
): Verdict {
  const subject: Subject = { kind: 'connector', connector: run.connector, names }
  const { followed, created } = run
  if (run.problem === undefined && followed !== undefined) {
    const who = label(subject, true)
    const which =
      created !== undefined && followed.id !== created.id
        ? `check ${followed.id}, which replaced ours, ${created.id}`
        : `check ${followed.id}`
    if (followed.status === 'SUCCESS') {
      return {
        outcome: 'success',
        title: 'Connection check passed',
        message: `${who} passed its connection check in ${seconds(run.durationMs)} (${which}).`
      }
    }
    const reason = followed.reason?.trim() ? followed.reason.trim() : NO_REASON
    return {
      outcome: 'failure',
      title: 'Connection check failed',
      message: `${who} failed its connection check after ${seconds(run.durationMs)} (${which}): ${reason}`
    }
  }
  /* istanbul ignore next: a run ends with either a final check or a problem */
  const problem = run.problem ?? { kind: 'timeout', lastTransient: undefined }
  return problemVerdict(problem, context, subject, run)
}

/** A connector passed on a recent SUCCESS instead of a new check (`reuse-success-seconds`). */
export function reusedVerdict(
  connector: Connector,
  names: ConnectorNames | undefined,
  check: ConnectionCheck,
  ageMs: number
): Verdict {
  const who = connectorLabel(connector, names, true)
  return {
    outcome: 'success',
    title: 'Recent connection check reused',
    message:
      `${who} passed on its check ${check.id}, a SUCCESS reported ${seconds(ageMs)} before the ` +
      "API's Date header (reported at " +
      `${check.reportedAt ?? 'an unknown time'}); no new check was started.`
  }
}

/** A dry run read the connector: it exists and the key may read it. */
export function dryRunVerdict(
  connector: Connector,
  names: ConnectorNames | undefined,
  listed: boolean
): Verdict {
  const who = connectorLabel(connector, names, true)
  const how = listed ? 'is in its list' : 'was read'
  return {
    outcome: 'dry-run',
    title: 'Dry run: connector found',
    message: `${who} ${how} with this API key (dry run: no connection check was started).`
  }
}
