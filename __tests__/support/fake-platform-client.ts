import type { CallOptions, PlatformApi, RequestLog } from '../../src/api/client.js'
import { cacheAge, serverDate, type Expected, type RawResponse } from '../../src/api/classify.js'
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
} from '../../src/api/schemas.js'
import type { Answer } from '../../src/core/answer.js'
import {
  connectionCheckPath,
  connectorPath,
  listPath,
  type Connector,
  type ConnectorInfo,
  type ConnectorKind
} from '../../src/core/connector.js'
import type { Connection, FakePlatform } from './fake-platform.js'

// The fake platform's clients: each call goes to the platform, and its answer is read as the
// API client reads it (the same schemas, and what the headers add).

/** How the client reads an answer of one kind, and what it adds from the headers. */
export interface Reading<T> {
  expected: Expected<T>
  annotate?: (value: T, raw: RawResponse) => T
}

/** As the client annotates a check: the Date header, and the Age header when a cache answered. */
const CHECK: Reading<ConnectionCheck> = {
  expected: { schema: ConnectionCheckSchema, name: 'a connection check' },
  annotate: (check, raw) => {
    const date = serverDate(raw)
    const age = cacheAge(raw)
    return {
      ...check,
      ...(date === undefined ? {} : { serverDateMs: date }),
      ...(age === undefined ? {} : { cacheAgeSeconds: age })
    }
  }
}
const CONNECTOR: Reading<ConnectorInfo> = {
  expected: { schema: ConnectorInfoSchema, name: 'a connector', shapeIsFinal: true },
  annotate: (info, raw) => {
    const age = cacheAge(raw)
    return age === undefined ? info : { ...info, cacheAgeSeconds: age }
  }
}
const WORKFLOW: Reading<WorkflowConnectors> = {
  expected: { schema: WorkflowConnectorsSchema, name: 'a workflow', shapeIsFinal: true }
}
const CONNECTOR_LIST: Reading<ListedConnector[]> = {
  expected: { schema: ConnectorListSchema, name: 'a list of connectors', shapeIsFinal: true }
}
const WORKFLOW_LIST: Reading<ListedWorkflow[]> = {
  expected: { schema: WorkflowListSchema, name: 'a list of workflows', shapeIsFinal: true }
}

/** One client of the platform, as the engine's connect() makes them. */
export class FakeClient implements PlatformApi {
  constructor(
    private readonly platform: FakePlatform,
    readonly index: number,
    readonly connection: Connection,
    readonly log: RequestLog
  ) {}

  startCheck(connector: Connector, options: CallOptions): Promise<Answer<ConnectionCheck>> {
    const path = connectionCheckPath(connector)
    const info = {
      method: 'POST',
      endpoint: 'connection-check',
      target: connector.id,
      path
    } as const
    return this.platform.call(
      this,
      info,
      options,
      CHECK,
      () => this.platform.post(connector),
      connector
    )
  }

  latestCheck(connector: Connector, options: CallOptions): Promise<Answer<ConnectionCheck>> {
    const path = connectionCheckPath(connector)
    const info = {
      method: 'GET',
      endpoint: 'connection-check',
      target: connector.id,
      path
    } as const
    return this.platform.call(
      this,
      info,
      options,
      CHECK,
      () => this.platform.latest(connector),
      connector
    )
  }

  async connectorInfo(connector: Connector, options: CallOptions): Promise<Answer<ConnectorInfo>> {
    const path = connectorPath(connector)
    const info = { method: 'GET', endpoint: 'connector', target: connector.id, path } as const
    const answer = await this.platform.call(
      this,
      info,
      options,
      CONNECTOR,
      () => this.platform.connectorInfo(connector),
      connector
    )
    // As the client: only an answer that is that connector counts.
    if (!answer.ok || answer.value.id === connector.id.toLowerCase()) return answer
    const reason = `the answer was not connector ${connector.id}`
    return { ok: false, problem: { kind: 'malformed', status: 200, reason } }
  }

  workflow(id: string, options: CallOptions): Promise<Answer<WorkflowConnectors>> {
    const info = {
      method: 'GET',
      endpoint: 'workflow',
      target: id,
      path: `/workflows/${id}`
    } as const
    return this.platform.call(this, info, options, WORKFLOW, () => this.platform.workflow(id))
  }

  listConnectors(kind: ConnectorKind, options: CallOptions): Promise<Answer<ListedConnector[]>> {
    const info = {
      method: 'GET',
      endpoint: 'connector-list',
      target: kind,
      path: listPath(kind)
    } as const
    return this.platform.call(this, info, options, CONNECTOR_LIST, () => this.platform.list(kind))
  }

  listWorkflows(
    page: number,
    pageSize: number,
    options: CallOptions
  ): Promise<Answer<ListedWorkflow[]>> {
    const path = `/workflows/?page=${page}&page_size=${pageSize}`
    const info = { method: 'GET', endpoint: 'workflow-list', target: String(page), path } as const
    return this.platform.call(this, info, options, WORKFLOW_LIST, () =>
      this.platform.workflowPage(page, pageSize)
    )
  }

  close(): void {
    this.connection.closed = true
    this.connection.cut.abort()
  }
}
