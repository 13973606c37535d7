import type { CallOptions, ConnectionCheckApi } from '../api/client.js'
import type { Answer } from '../core/answer.js'
import type { ConnectionCheck } from '../api/schemas.js'
import type { Connector, ConnectorInfo } from '../core/connector.js'
import { Pacer, type PacerOptions, type RetryEvent } from './pacer.js'
import { EXIT_RESERVE_MS } from './schedule.js'

/**
 * How long reading a connector's latest check may hold up its POST: the read only informs (a
 * prior, a reuse), so a slow answer must not cost the check its time.
 */
export const LATEST_READ_LIMIT_MS = 1000

interface ReadOptions {
  pacing: PacerOptions
  retrying: RetryEvent
  limitMs?: number
}

/**
 * One read that only informs: sent and retried on the step's pacing (its rate-limit gate and
 * host reach), but with a deadline of its own `limitMs` away, so that no request or retry of it
 * outlasts that. Never throws.
 */
async function readBounded<T>(
  send: (call: CallOptions) => Promise<Answer<T>>,
  { pacing, retrying, limitMs = LATEST_READ_LIMIT_MS }: ReadOptions
): Promise<Answer<T> | undefined> {
  // The pacer keeps EXIT_RESERVE_MS before its deadline free, which here is not needed.
  const deadline = Math.min(pacing.deadline, pacing.clock.now() + limitMs + EXIT_RESERVE_MS)
  const pacer = new Pacer({ ...pacing, deadline })
  try {
    return await pacer.retry(send, retrying)
  } catch {
    return undefined
  }
}

/**
 * What a read of the connector's latest check told: its check; that it has none (the GET
 * answered 404); or nothing, when the read failed, so that nothing may be assumed from it.
 */
export type Latest =
  /** `at`: the step's clock time when the answer came. */
  | { kind: 'check'; check: ConnectionCheck; at: number }
  | { kind: 'none'; at: number }
  | { kind: 'unknown' }

export const UNKNOWN_LATEST: Latest = { kind: 'unknown' }

/** The check a read found, if it found one. */
export function latestCheckOf(latest: Latest): ConnectionCheck | undefined {
  return latest.kind === 'check' ? latest.check : undefined
}

/** The connector's latest check, read before a new one is started (or between POSTs). */
export async function readLatest(
  connector: Connector,
  options: ReadOptions & { api: ConnectionCheckApi }
): Promise<Latest> {
  const answer = await readBounded((call) => options.api.latestCheck(connector, call), options)
  const at = options.pacing.clock.now()
  if (answer?.ok === true) return { kind: 'check', check: answer.value, at }
  return answer?.problem.kind === 'not-found' ? { kind: 'none', at } : UNKNOWN_LATEST
}

/**
 * The connector itself, read after its latest check, so that an update made before that read
 * shows in its updated_at: undefined when the read failed.
 */
export async function readConnector(
  connector: Connector,
  options: ReadOptions & {
    api: { connectorInfo(connector: Connector, call: CallOptions): Promise<Answer<ConnectorInfo>> }
  }
): Promise<ConnectorInfo | undefined> {
  const answer = await readBounded((call) => options.api.connectorInfo(connector, call), options)
  return answer?.ok === true ? answer.value : undefined
}
