import type { Answer } from '../core/answer.js'
import {
  connectionCheckPath,
  connectorPath,
  listPath,
  type Connector,
  type ConnectorInfo,
  type ConnectorKind
} from '../core/connector.js'
import { ACTION_NAME, ACTION_VERSION } from '../core/version.js'
import type * as Answers from './answers.js'
import type {
  ConnectionCheck,
  ListedConnector,
  ListedWorkflow,
  WorkflowConnectors
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

/**
 * What reads answers (answers.ts, with zod and the schemas), loaded when the first answer comes
 * back rather than at start-up; once loaded it is used without a wait.
 */
let loadedAnswers: typeof Answers | undefined
async function loadAnswers(): Promise<typeof Answers> {
  loadedAnswers = await import('./answers.js')
  return loadedAnswers
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
    return this.call('POST', connectionCheckPath(connector), (a) => a.CHECK, options)
  }

  latestCheck(connector: Connector, options: CallOptions): Promise<Answer<ConnectionCheck>> {
    return this.call('GET', connectionCheckPath(connector), (a) => a.CHECK, options)
  }

  /** The connector read by id: only an answer that is that connector counts. */
  async connectorInfo(connector: Connector, options: CallOptions): Promise<Answer<ConnectorInfo>> {
    const answer = await this.call('GET', connectorPath(connector), (a) => a.CONNECTOR, options)
    if (!answer.ok || answer.value.id === connector.id.toLowerCase()) return answer
    const given = answer.value.id === undefined ? 'it has no id' : `its id is ${answer.value.id}`
    const reason = `the answer was not connector ${connector.id} (${given})`
    return { ok: false, problem: { kind: 'malformed', status: 200, reason } }
  }

  workflow(id: string, options: CallOptions): Promise<Answer<WorkflowConnectors>> {
    return this.call('GET', `/workflows/${encodeURIComponent(id)}`, (a) => a.WORKFLOW, options)
  }

  /** Every connector of one kind: the list takes no paging parameters. */
  listConnectors(kind: ConnectorKind, options: CallOptions): Promise<Answer<ListedConnector[]>> {
    return this.call('GET', listPath(kind), (a) => a.CONNECTOR_LIST, {
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
    return this.call('GET', path, (a) => a.WORKFLOW_LIST, {
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
    /** What the answer must be, from the module that reads answers. */
    readingOf: (answers: typeof Answers) => Answers.Reading<T>,
    options: SendOptions
  ): Promise<Answer<T>> {
    const started = performance.now()
    const url = `${this.apiBase}${path}`
    const sent = await this.transport.send(method, url, options)
    const answers = loadedAnswers ?? (await loadAnswers())
    const reading = readingOf(answers)
    const result = answers.readAnswer(sent, reading, options.timeoutMs, this.epochNow(), url)
    this.log({
      method,
      path,
      outcome: describeResult(sent, result, reading),
      elapsedMs: performance.now() - started
    })
    return result
  }
}

function describeResult<T>(sent: Sent, result: Answer<T>, expected: Answers.Reading<T>): string {
  const status = sent.ok ? `${sent.value.status} ` : ''
  if (result.ok) return `${status}${expected.describe?.(result.value) ?? 'ok'}`
  const { problem } = result
  return `${status}${problem.kind === 'transient' ? problem.reason : problem.kind}`
}
