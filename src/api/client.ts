import type { Answer } from '../core/answer.js'
import {
  connectionCheckPath,
  connectorPath,
  listPath,
  type Connector,
  type ConnectorInfo,
  type ConnectorKind
} from '../core/connector.js'
import { getProxyUrl } from '@actions/http-client'
import { noAnswer, transient } from '../core/problem.js'
import { seconds } from '../core/text.js'
import { ACTION_NAME, ACTION_VERSION } from '../core/version.js'
import {
  cacheAge,
  classifyResponse,
  serverDate,
  type Expected,
  type RawResponse
} from './classify.js'
import {
  ConnectionCheckSchema,
  ConnectorInfoSchema,
  ConnectorListSchema,
  WorkflowConnectorsSchema,
  WorkflowListSchema,
  type ConnectionCheck,
  type ListedConnector,
  type ListedWorkflow,
  type WorkflowConnectors
} from './schemas.js'
import { Transport, type SendOptions, type Sent } from './transport.js'

export interface CallOptions {
  timeoutMs: number
  signal: AbortSignal
}

/** The two calls the wait loop needs; a fake of this is what the loop's unit tests drive. */
export interface ConnectionCheckApi {
  startCheck(connector: Connector, options: CallOptions): Promise<Answer<ConnectionCheck>>
  latestCheck(connector: Connector, options: CallOptions): Promise<Answer<ConnectionCheck>>
}

/** Per-request detail for debug logs: path and status only, never headers or options. */
export type RequestLog = (entry: {
  method: string
  path: string
  outcome: string
  elapsedMs: number
}) => void

/** A request as a debug log shows it: method, path, result, time; never headers. */
export function requestLine(entry: Parameters<RequestLog>[0]): string {
  return `${entry.method} ${entry.path} -> ${entry.outcome} (${Math.round(entry.elapsedMs)} ms)`
}

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
const CONNECTOR: Expected<ConnectorInfo> = {
  schema: ConnectorInfoSchema,
  name: 'a connector',
  shapeIsFinal: true
}
const CONNECTOR_LIST: Expected<ListedConnector[]> = {
  schema: ConnectorListSchema,
  name: 'a list of connectors',
  describe: (list) => `${list.length} connectors`,
  shapeIsFinal: true
}
const WORKFLOW_LIST: Expected<ListedWorkflow[]> = {
  schema: WorkflowListSchema,
  name: 'a list of workflows',
  describe: (list) => `${list.length} workflows`,
  shapeIsFinal: true
}

/**
 * A list is as long as the workspace: thousands of connectors with their configs are a few MB.
 * The cap only keeps an answer that never ends out of memory.
 */
export const LIST_BODY_LIMIT_BYTES = 32 * 1024 * 1024

/**
 * Everything the engine asks of the platform: a PlatformClient over HTTP, or a test's stand-in.
 * Each instance has its own connections; close() ends them and cuts off what is in flight.
 */
export interface PlatformApi extends ConnectionCheckApi {
  connectorInfo(connector: Connector, options: CallOptions): Promise<Answer<ConnectorInfo>>
  workflow(id: string, options: CallOptions): Promise<Answer<WorkflowConnectors>>
  listConnectors(kind: ConnectorKind, options: CallOptions): Promise<Answer<ListedConnector[]>>
  listWorkflows(
    page: number,
    pageSize: number,
    options: CallOptions
  ): Promise<Answer<ListedWorkflow[]>>
  close(): void
}

/**
 * The Platform API calls this action makes. Each client has its own connection pool: a request
 * that overruns its time is cut off by closing the pool, which must not take other connectors'
 * requests down with it.
 */
export class PlatformClient implements PlatformApi {
  private readonly transport: Transport

  constructor(
    private readonly apiBase: string,
    apiKey: string,
    private readonly epochNow: () => number,
    private readonly log: RequestLog = () => undefined
  ) {
    this.transport = new Transport(
      apiBase,
      // no-cache: a cache (a CDN) in front of the API must ask it again, or a latest check and
      // its Date could be an old answer's.
      { 'unstructured-api-key': apiKey, accept: 'application/json', 'cache-control': 'no-cache' },
      `${ACTION_NAME}/${ACTION_VERSION}`
    )
  }

  startCheck(connector: Connector, options: CallOptions): Promise<Answer<ConnectionCheck>> {
    return this.call('POST', connectionCheckPath(connector), CHECK, options, withServerDate)
  }

  latestCheck(connector: Connector, options: CallOptions): Promise<Answer<ConnectionCheck>> {
    return this.call('GET', connectionCheckPath(connector), CHECK, options, withServerDate)
  }

  /** The connector read by id: only an answer that is that connector counts. */
  async connectorInfo(connector: Connector, options: CallOptions): Promise<Answer<ConnectorInfo>> {
    const answer = await this.call(
      'GET',
      connectorPath(connector),
      CONNECTOR,
      options,
      withCacheAge
    )
    if (!answer.ok || answer.value.id === connector.id.toLowerCase()) return answer
    const given = answer.value.id === undefined ? 'it has no id' : `its id is ${answer.value.id}`
    const reason = `the answer was not connector ${connector.id} (${given})`
    return { ok: false, problem: { kind: 'malformed', status: 200, reason } }
  }

  workflow(id: string, options: CallOptions): Promise<Answer<WorkflowConnectors>> {
    return this.call('GET', `/workflows/${encodeURIComponent(id)}`, WORKFLOW, options)
  }

  /** Every connector of one kind: the list takes no paging parameters. */
  listConnectors(kind: ConnectorKind, options: CallOptions): Promise<Answer<ListedConnector[]>> {
    return this.call('GET', listPath(kind), CONNECTOR_LIST, {
      ...options,
      bodyLimitBytes: LIST_BODY_LIMIT_BYTES
    })
  }

  /** One page of workflows, pages counted from 1. */
  listWorkflows(
    page: number,
    pageSize: number,
    options: CallOptions
  ): Promise<Answer<ListedWorkflow[]>> {
    const path = `/workflows/?page=${page}&page_size=${pageSize}`
    return this.call('GET', path, WORKFLOW_LIST, {
      ...options,
      bodyLimitBytes: LIST_BODY_LIMIT_BYTES
    })
  }

  close(): void {
    this.transport.close()
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    expected: Expected<T>,
    options: SendOptions,
    /** Adds what the answer's headers say about the value. */
    annotate?: (value: T, response: RawResponse) => T
  ): Promise<Answer<T>> {
    const started = performance.now()
    const url = `${this.apiBase}${path}`
    const sent = await this.transport.send(method, url, options)
    let result = interpret(sent, expected, options.timeoutMs, this.epochNow(), url)
    if (result.ok && sent.ok && annotate !== undefined) {
      result = { ok: true, value: annotate(result.value, sent.value) }
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

/**
 * The server's Date header, for the coarse sanity bound on a newer check's age and the age of a
 * check to reuse, and the Age header that says a cache answered, not the server.
 */
function withServerDate(check: ConnectionCheck, response: RawResponse): ConnectionCheck {
  const date = serverDate(response)
  const age = cacheAge(response)
  return {
    ...check,
    ...(date === undefined ? {} : { serverDateMs: date }),
    ...(age === undefined ? {} : { cacheAgeSeconds: age })
  }
}

/** The Age header, which says a cache answered: an updated_at it holds may be out of date. */
function withCacheAge(info: ConnectorInfo, response: RawResponse): ConnectorInfo {
  const age = cacheAge(response)
  return age === undefined ? info : { ...info, cacheAgeSeconds: age }
}

function interpret<T>(
  sent: Sent,
  expected: Expected<T>,
  timeoutMs: number,
  now: number,
  url: string
): Answer<T> {
  if (sent.ok) return classifyResponse(sent.value, expected, now)
  switch (sent.problem.failure) {
    case 'aborted':
      return { ok: false, problem: { kind: 'cancelled', signal: undefined } }
    case 'timed-out': {
      const reason = `no answer within ${seconds(timeoutMs)}`
      // Begun but not finished in time: the host answered, and a POST may have created a check.
      if (sent.problem.answered)
        return { ok: false, problem: transient(undefined, `${reason} (cut off)`) }
      // Not counted as a host that never answered: one that is connected but slow would then be
      // given up on as a typo in api-url.
      return { ok: false, problem: { ...transient(undefined, reason), timedOut: true } }
    }
    case 'network':
      if (sent.problem.tlsCode !== undefined) {
        return {
          ok: false,
          problem: { kind: 'tls', code: sent.problem.tlsCode, host: new URL(url).host }
        }
      }
      if (sent.problem.proxyStatus !== undefined && refusesForGood(sent.problem.proxyStatus)) {
        return {
          ok: false,
          problem: {
            kind: 'proxy-refused',
            proxy: proxyHost(url),
            status: sent.problem.proxyStatus
          }
        }
      }
      return {
        ok: false,
        problem: sent.problem.answered
          ? transient(undefined, sent.problem.reason)
          : noAnswer(sent.problem.reason)
      }
  }
}

/** A proxy's 4xx to CONNECT is its policy (403, 407 for credentials), except 408 and 429. */
function refusesForGood(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429
}

/** host:port of the proxy the client uses for `url`; never its credentials. */
function proxyHost(url: string): string {
  try {
    const proxy = new URL(getProxyUrl(url))
    return proxy.port === '' ? proxy.hostname : `${proxy.hostname}:${proxy.port}`
  } catch {
    return 'the proxy'
  }
}

function describeResult<T>(sent: Sent, result: Answer<T>, expected: Expected<T>): string {
  const status = sent.ok ? `${sent.value.status} ` : ''
  if (result.ok) return `${status}${expected.describe?.(result.value) ?? 'ok'}`
  const { problem } = result
  return `${status}${problem.kind === 'transient' ? problem.reason : problem.kind}`
}
