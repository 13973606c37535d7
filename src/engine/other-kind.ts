// A likely mistake, recognised: a connector's id given as the other kind.
import type { PlatformApi } from '../api/client.js'
import type { Connector, ConnectorKind } from '../core/connector.js'
import type { Problem } from '../core/problem.js'
import { Pacer } from '../wait/pacer.js'
import { EXIT_RESERVE_MS } from '../wait/schedule.js'
import type { Step } from './context.js'

/** The most the one read of the other kind may take: it only words a verdict already reached. */
const OTHER_KIND_READ_LIMIT_MS = 2000

const OTHER: Record<ConnectorKind, ConnectorKind> = { source: 'destination', destination: 'source' }

/**
 * A connector that the API does not know as the kind given (a 404 before any check was created:
 * call it for no other) may be of the other kind, a source's id given as destination-id. One GET
 * of the other kind tells, and only an answer that is that very connector counts: anything else
 * (another 404, a 401, a 5xx, no time left) leaves the plain not-found. Never a POST, never
 * retried, and only for ids the inputs gave: a list's or a workflow's kind is the platform's own.
 */
export async function withOtherKind(
  problem: Problem | undefined,
  connector: Connector,
  step: Step,
  api: PlatformApi
): Promise<Problem | undefined> {
  if (problem?.kind !== 'not-found' || problem.otherKind !== undefined) return problem
  const given = step.settings.connectors.some(
    (c) => c.kind === connector.kind && c.id === connector.id
  )
  if (!given) return problem
  const other: Connector = { kind: OTHER[connector.kind], id: connector.id }
  const { pacing, text } = step
  const deadline = Math.min(
    pacing.deadline,
    pacing.clock.now() + OTHER_KIND_READ_LIMIT_MS + EXIT_RESERVE_MS
  )
  const answer = await new Pacer({ ...pacing, deadline }).sendWhenAllowed((call) =>
    api.connectorInfo(other, call)
  )
  if (!answer.ok) return problem
  return { ...problem, otherKind: { kind: other.kind, names: text.names(answer.value) } }
}
