import {
  connectionCheckPath,
  connectorPath,
  type Connector,
  type ConnectorNames
} from '../connector.js'
import { transient, type Problem } from '../problems.js'
import { seconds } from '../text.js'
import { ACTION_NAME, ACTION_VERSION } from '../version.js'
import { classifyResponse, type Expected, type RawResponse } from './classify.js'
import { predatesRequest, type RequestTiming } from './freshness.js'
import {
  ConnectionCheckSchema,
  ConnectorInfoSchema,
  WorkflowConnectorsSchema,
  type ConnectionCheck,
  type WorkflowConnectors
} from './schemas.js'
import { Transport, type Sent } from './transport.js'

export interface CallOptions {
  timeoutMs: number
  signal: AbortSignal
}

/** What one call gave: a value, or a problem with a kind (`cancelled` when the signal fired). */
export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem }

/** The two calls the wait loop needs; a fake of this is what the loop's unit tests drive. */
export interface ConnectionCheckApi {
  startCheck(connector: Connector, options: CallOptions): Promise<Result<ConnectionCheck>>
  latestCheck(connector: Connector, options: CallOptions): Promise<Result<ConnectionCheck>>
}

/** Per-request detail for debug logs: path and status only, never headers or options. */
export type RequestLog = (entry: {
  method: string
  path: string
  outcome: string
  elapsedMs: number
}) => void

const CHECK: Expected<ConnectionCheck> = {
  schema: ConnectionCheckSchema,
  name: 'a connection check',
  describe: (check) => `${check.status} (check ${check.id})`
}
const WORKFLOW: Expected<WorkflowConnectors> = {
  schema: WorkflowConnectorsSchema,
  name: 'a workflow',
  shapeIsFinal: true
}
const CONNECTOR: Expected<ConnectorNames> = { schema: ConnectorInfoSchema, name: 'a connector' }

/**
 * The Platform API calls this action makes. Each client has its own connection pool: a request
 * that overruns its time is cut off by closing the pool, which must not take other connectors'
 * requests down with it.
 */
export class PlatformClient implements ConnectionCheckApi {
  private readonly transport: Transport

  constructor(
    private readonly apiBase: string,
    apiKey: string,
    private readonly epochNow: () => number,
    private readonly log: RequestLog = () => undefined
  ) {
    this.transport = new Transport(
      apiBase,
      { 'unstructured-api-key': apiKey, accept: 'application/json' },
      `${ACTION_NAME}/${ACTION_VERSION}`
    )
  }

  startCheck(connector: Connector, options: CallOptions): Promise<Result<ConnectionCheck>> {
    // The answer defines which check is ours, so one created before the request is refused.
    return this.call('POST', connectionCheckPath(connector), CHECK, options, predatesRequest)
  }

  latestCheck(connector: Connector, options: CallOptions): Promise<Result<ConnectionCheck>> {
    return this.call('GET', connectionCheckPath(connector), CHECK, options)
  }

  connectorInfo(connector: Connector, options: CallOptions): Promise<Result<ConnectorNames>> {
    return this.call('GET', connectorPath(connector), CONNECTOR, options)
  }

  workflow(id: string, options: CallOptions): Promise<Result<WorkflowConnectors>> {
    return this.call('GET', `/workflows/${encodeURIComponent(id)}`, WORKFLOW, options)
  }

  close(): void {
    this.transport.close()
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    expected: Expected<T>,
    options: CallOptions,
    /** Why a well-formed answer is still not an answer to this request; undefined if it is. */
    vet?: (value: T, response: RawResponse, timing: RequestTiming) => string | undefined
  ): Promise<Result<T>> {
    const started = performance.now()
    const sentAtEpochMs = this.epochNow()
    const sent = await this.transport.send(method, `${this.apiBase}${path}`, options)
    let result = interpret(sent, expected, options.timeoutMs, this.epochNow())
    if (result.ok && sent.ok && vet !== undefined) {
      const timing = { sentAtEpochMs, answeredAtEpochMs: this.epochNow() }
      const why = vet(result.value, sent.response, timing)
      // Retried like any other 2xx that is not the answer asked for.
      if (why !== undefined) {
        const { status } = sent.response
        result = { ok: false, problem: transient(status, why) }
      }
    }
    this.log({
      method,
      path,
      outcome: describeResult(sent, result, expected),
      elapsedMs: performance.now() - started
    })
    return result
  }
}

function interpret<T>(
  sent: Sent,
  expected: Expected<T>,
  timeoutMs: number,
  now: number
): Result<T> {
  if (sent.ok) return classifyResponse(sent.response, expected, now)
  switch (sent.failure) {
    case 'aborted':
      return { ok: false, problem: { kind: 'cancelled', signal: undefined } }
    case 'timed-out':
      return { ok: false, problem: transient(undefined, `no answer within ${seconds(timeoutMs)}`) }
    case 'network':
      return { ok: false, problem: transient(undefined, sent.reason) }
  }
}

function describeResult<T>(sent: Sent, result: Result<T>, expected: Expected<T>): string {
  const status = sent.ok ? `${sent.response.status} ` : ''
  if (result.ok) return `${status}${expected.describe?.(result.value) ?? 'ok'}`
  const { problem } = result
  return `${status}${problem.kind === 'transient' ? problem.reason : problem.kind}`
}
