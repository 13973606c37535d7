import type { CallOptions, RequestLog } from '../../src/api/client.js'
import { classifyResponse, type RawResponse } from '../../src/api/classify.js'
import type { Answer } from '../../src/core/answer.js'
import type { Connector, ConnectorKind } from '../../src/core/connector.js'
import { transient, type Problem, type TransientProblem } from '../../src/core/problem.js'
import type { Connect } from '../../src/engine/contract.js'
import { VirtualClock } from './fake-clock.js'
import { FakeClient, type Reading } from './fake-platform-client.js'
import {
  PLATFORM_LATENCY_MS,
  STEP_START_EPOCH_MS,
  passes,
  platformTimestamp,
  type CallInfo,
  type CheckScript,
  type ConnectorScript,
  type Endpoint,
  type PlatformCall,
  type PlatformOptions,
  type WorkflowScript
} from './platform-script.js'

// An in-memory Platform API for the engine's unit tests, on the virtual clock, scripted by
// platform-script.ts. Each answer is made as the platform makes it (a JSON body, a Date header
// of whole seconds, zoned ISO timestamps with microseconds) and given its meaning by the
// client's own classifier and schemas, so that the engine sees what it would see over HTTP:
// only the socket is left out. Every call is recorded.

/** What connect() was given, and whether the client it made was closed. */
export interface Connection {
  base: string
  apiKey: string
  closed: boolean
  /** Aborted by close(): calls in flight on the client are cut off. */
  cut: AbortController
}

interface StoredCheck {
  id: string
  /** The platform's epoch ms, with the fraction below the ms. */
  createdMs: number
  script: CheckScript
}

interface ConnectorState {
  script: ConnectorScript
  checks: StoredCheck[]
  posts: number
}

/** What the platform makes of a call: an HTTP answer, or a problem of the transport. */
export type Reply = { raw: RawResponse } | { problem: Problem }

/** A day before the step: a connector's default updated_at. */
const LONG_AGO_MS = -86_400_000

/**
 * The platform: connect() is the engine's way in (EngineOptions.connect), each call a new client
 * of its own. A call takes PLATFORM_LATENCY_MS of the clock's time, or a fault's tookMs, and
 * ends as timed out once its timeout is up; the platform acts half-way through it. Run the work
 * that uses it through its clock's run().
 */
export class FakePlatform {
  readonly clock: VirtualClock
  readonly calls: PlatformCall[] = []
  /** What each connect() was given, in order. */
  readonly connections: Connection[] = []
  /** Calls sent on a client already closed: the engine should make none. */
  readonly afterClose: PlatformCall[] = []
  private readonly states = new Map<string, ConnectorState>()
  /** The step's start on the platform's clock. */
  private readonly origin: number
  private nextCheck = 1

  constructor(private readonly options: PlatformOptions) {
    this.clock = options.clock ?? new VirtualClock(STEP_START_EPOCH_MS)
    this.origin = this.clock.epochNow() - this.clock.now() + (options.skewMs ?? 0)
    for (const script of options.connectors) {
      const state: ConnectorState = { script, checks: [], posts: 0 }
      this.states.set(key(script.connector), state)
      if (script.prior !== undefined) {
        state.checks.push(this.store(this.origin + script.prior.createdAtMs, script.prior))
      }
    }
  }

  readonly connect: Connect = ({ base, apiKey, log }) => {
    const connection: Connection = { base, apiKey, closed: false, cut: new AbortController() }
    this.connections.push(connection)
    return new FakeClient(this, this.connections.length - 1, connection, log)
  }

  /** Clients made and not closed. */
  unclosed(): number {
    return this.connections.filter((c) => !c.closed).length
  }

  /** The calls to one endpoint, by one method, for one target; any, where not given. */
  callsTo(filter: {
    endpoint?: Endpoint
    method?: 'GET' | 'POST'
    target?: string
  }): PlatformCall[] {
    return this.calls.filter(
      (c) =>
        (filter.endpoint === undefined || c.endpoint === filter.endpoint) &&
        (filter.method === undefined || c.method === filter.method) &&
        (filter.target === undefined || c.target === filter.target)
    )
  }

  /** The POSTs sent, to one connector or to all. */
  posts(connector?: Connector): PlatformCall[] {
    const target = connector?.id
    return this.callsTo({
      endpoint: 'connection-check',
      method: 'POST',
      ...(target === undefined ? {} : { target })
    })
  }

  /** The ids of a connector's checks, oldest first: its prior one, then those POSTs created. */
  checkIds(connector: Connector): string[] {
    return this.states.get(key(connector))?.checks.map((c) => c.id) ?? []
  }

  /** Answers one call: with a fault, if one is scripted for it, else from the platform's state. */
  async call<T>(
    client: { index: number; connection: Connection; log: RequestLog },
    info: Omit<CallInfo, 'at' | 'n'>,
    options: CallOptions,
    reading: Reading<T>,
    handle: () => Reply,
    connector?: Connector
  ): Promise<Answer<T>> {
    const at = this.clock.now()
    const n = this.callsTo(info).length
    const call: PlatformCall = { ...info, at, n, client: client.index, outcome: 'pending' }
    this.calls.push(call)
    if (client.connection.closed) this.afterClose.push(call)
    const script = connector === undefined ? undefined : this.states.get(key(connector))?.script
    const fault = this.options.fault?.(call) ?? script?.fault?.(call)
    const tookMs = fault?.tookMs ?? this.options.latencyMs ?? PLATFORM_LATENCY_MS
    // The caller's signal cancels a call; closing its client cuts it off.
    const waiting = AbortSignal.any([options.signal, client.connection.cut.signal])
    const cutShort = (): Problem | undefined =>
      options.signal.aborted
        ? { kind: 'cancelled', signal: undefined }
        : client.connection.cut.signal.aborted
          ? transient(undefined, 'connection closed by the client')
          : undefined

    let reply: Reply
    if (tookMs > options.timeoutMs) {
      await this.clock.sleep(options.timeoutMs, waiting)
      const timedOut: TransientProblem = {
        ...transient(undefined, `no answer within ${options.timeoutMs / 1000} s`),
        timedOut: true
      }
      reply = { problem: cutShort() ?? timedOut }
    } else {
      // The platform acts half-way through the call; the answer arrives at its end.
      await this.clock.sleep(tookMs / 2, waiting)
      const early = cutShort()
      reply =
        early !== undefined
          ? { problem: early }
          : fault === undefined
            ? handle()
            : 'problem' in fault
              ? { problem: fault.problem }
              : this.json(fault.status, { detail: fault.detail ?? 'error' }, fault)
      await this.clock.sleep(tookMs - tookMs / 2, waiting)
      const late = cutShort()
      if (late !== undefined) reply = { problem: late }
    }

    let answer: Answer<T>
    if ('problem' in reply) {
      answer = { ok: false, problem: reply.problem }
      call.outcome = reply.problem.kind
    } else {
      answer = classifyResponse(reply.raw, reading.expected, this.clock.epochNow())
      if (answer.ok && reading.annotate !== undefined) {
        answer = { ok: true, value: reading.annotate(answer.value, reply.raw) }
      }
      call.outcome = String(reply.raw.status)
    }
    client.log({
      method: info.method,
      path: info.path,
      outcome: call.outcome,
      elapsedMs: this.clock.now() - at
    })
    return answer
  }

  latest(connector: Connector): Reply {
    const state = this.states.get(key(connector))
    if (state === undefined) return this.notFound(connector)
    const last = state.checks.at(-1)
    if (last === undefined) return this.json(404, { detail: 'No connection check found' })
    return this.json(200, this.checkBody(last))
  }

  post(connector: Connector): Reply {
    const state = this.states.get(key(connector))
    if (state === undefined) return this.notFound(connector)
    const scripts = state.script.posts ?? [{ creates: passes(3000) }]
    const script = scripts[Math.min(state.posts, scripts.length - 1)] ?? {}
    state.posts += 1
    const created =
      script.creates === undefined ? undefined : this.store(this.platformNow(), script.creates)
    if (created !== undefined) state.checks.push(created)
    const { answer } = script
    if (answer !== undefined) {
      return 'problem' in answer
        ? { problem: answer.problem }
        : this.json(answer.status, { detail: answer.detail ?? 'error' }, answer)
    }
    /* istanbul ignore next: a script that neither creates nor answers is the test's mistake */
    if (created === undefined) throw new Error('a POST script must create a check or answer')
    return this.json(202, this.checkBody(created))
  }

  connectorInfo(connector: Connector): Reply {
    const state = this.states.get(key(connector))
    if (state === undefined) return this.notFound(connector)
    return this.json(200, this.connectorBody(state.script))
  }

  list(kind: ConnectorKind): Reply {
    const entries = [...this.states.values()]
      .filter((s) => s.script.connector.kind === kind)
      .map((s) => this.connectorBody(s.script))
    return this.json(200, entries)
  }

  workflow(id: string): Reply {
    const found = this.options.workflows?.find((w) => w.id === id)
    if (found === undefined) return this.json(404, { detail: 'Workflow not found' })
    return this.json(200, workflowBody(found))
  }

  workflowPage(page: number, pageSize: number): Reply {
    const all = this.options.workflows ?? []
    return this.json(200, all.slice((page - 1) * pageSize, page * pageSize).map(workflowBody))
  }

  /** The platform's clock, in epoch ms. */
  private platformNow(): number {
    return this.clock.epochNow() + (this.options.skewMs ?? 0)
  }

  private store(createdMs: number, script: CheckScript): StoredCheck {
    const n = this.nextCheck
    this.nextCheck += 1
    return { id: `${hex(n, 8)}-c4ec-4000-8000-${hex(n * 7919, 12)}`, createdMs, script }
  }

  /** A JSON answer with the platform's Date header (and a Retry-After, when a fault says). */
  private json(status: number, body: unknown, fault?: { retryAfterSeconds?: number }): Reply {
    const date = new Date(Math.floor(this.platformNow() / 1000) * 1000).toUTCString()
    const retryAfter = fault?.retryAfterSeconds
    const headers: RawResponse['headers'] = {
      'content-type': 'application/json',
      date,
      ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) })
    }
    return { raw: { status, headers, body: JSON.stringify(body) } }
  }

  private notFound(connector: Connector): Reply {
    const kind = connector.kind === 'source' ? 'Source' : 'Destination'
    return this.json(404, { detail: `${kind} connector ${connector.id} not found` })
  }

  private checkBody(check: StoredCheck): Record<string, unknown> {
    const { decidesAfterMs, status = 'SUCCESS', reason = null } = check.script
    const decidedAt = decidesAfterMs === undefined ? undefined : check.createdMs + decidesAfterMs
    const decided = decidedAt !== undefined && this.platformNow() >= decidedAt
    return {
      id: check.id,
      status: decided ? status : 'SCHEDULED',
      reason: decided && status === 'FAILURE' ? reason : null,
      created_at: platformTimestamp(check.createdMs),
      reported_at: decided ? platformTimestamp(decidedAt) : null
    }
  }

  private connectorBody(script: ConnectorScript): Record<string, unknown> {
    const updatedAtMs = 'updatedAtMs' in script ? script.updatedAtMs : LONG_AGO_MS
    return {
      id: script.connector.id,
      name: script.name ?? null,
      type: script.type ?? null,
      config: {},
      created_at: platformTimestamp(this.origin + 30 * LONG_AGO_MS),
      ...(updatedAtMs === undefined
        ? {}
        : {
            updated_at: updatedAtMs === null ? null : platformTimestamp(this.origin + updatedAtMs)
          })
    }
  }
}

function workflowBody(workflow: WorkflowScript): Record<string, unknown> {
  return { ...workflow, workflow_type: 'basic', status: 'active' }
}

function key(connector: Connector): string {
  return `${connector.kind}:${connector.id}`
}

function hex(n: number, digits: number): string {
  return n.toString(16).padStart(digits, '0')
}
