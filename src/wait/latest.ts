import type { Answer, CallOptions, ConnectionCheckApi } from '../api/client.js'
import type { ConnectionCheck } from '../api/schemas.js'
import type { Connector, ConnectorInfo } from '../connector.js'
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
 * outlasts that. Undefined when it failed. Never throws.
 */
async function readBounded<T>(
  send: (call: CallOptions) => Promise<Answer<T>>,
  { pacing, retrying, limitMs = LATEST_READ_LIMIT_MS }: ReadOptions
): Promise<T | undefined> {
  // The pacer keeps EXIT_RESERVE_MS before its deadline free, which here is not needed.
  const deadline = Math.min(pacing.deadline, pacing.clock.now() + limitMs + EXIT_RESERVE_MS)
  const pacer = new Pacer({ ...pacing, deadline })
  try {
    const answer = await pacer.retry(send, retrying)
    return answer.ok ? answer.value : undefined
  } catch {
    return undefined
  }
}

/**
 * The connector's latest check, read before a new one is started: undefined when it has none
 * (the GET answers 404), and when the read failed.
 */
export function readLatest(
  connector: Connector,
  options: ReadOptions & { api: ConnectionCheckApi }
): Promise<ConnectionCheck | undefined> {
  return readBounded((call) => options.api.latestCheck(connector, call), options)
}

/**
 * The connector itself, read after its latest check, so that an update made before that read
 * shows in its updated_at: undefined when the read failed.
 */
export function readConnector(
  connector: Connector,
  options: ReadOptions & {
    api: { connectorInfo(connector: Connector, call: CallOptions): Promise<Answer<ConnectorInfo>> }
  }
): Promise<ConnectorInfo | undefined> {
  return readBounded((call) => options.api.connectorInfo(connector, call), options)
}
