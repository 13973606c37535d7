// An in-process fake of the Unstructured Platform API (connection checks, connectors, workflows),
// served over real HTTP on loopback only, with scriptable faults per connector and per method.
import { randomUUID } from 'node:crypto'
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { performance } from 'node:perf_hooks'

export type ConnectorKind = 'source' | 'destination'
/** NEVER: the check stays SCHEDULED forever. */
export type Ending = 'SUCCESS' | 'FAILURE' | 'NEVER'

export type Fault =
  | {
      type: 'status'
      status: number
      body?: string
      contentType?: string
      headers?: Record<string, string>
    }
  | { type: 'html'; status: number }
  | { type: 'rate-limit'; retryAfter?: string }
  | { type: 'reset' }
  | { type: 'truncate' }
  | { type: 'delay'; ms: number }
  | { type: 'hang' }
  | { type: 'body'; status?: number; body: string; contentType?: string }
  /** The answer the request would get (for a POST, the check it creates), with this status. */
  | { type: 'unknown-status'; status: string }
  | { type: 'older-check'; status?: 'SCHEDULED' | 'SUCCESS' | 'FAILURE' }
  | { type: 'newer-check'; ending?: Ending; durationMs?: number; reason?: string | null }
  | { type: 'redirect'; status?: 301 | 302 | 303 | 307 | 308; location: string }
  | { type: 'not-found' }
  | { type: 'validation'; detail: unknown }

/**
 * One queued answer. `afterCreate` (POST only): the check is created first, then the fault
 * replaces the answer. Without it, a POST fault that replaces the answer creates nothing.
 */
export type FaultSlot = (Fault & { afterCreate?: boolean }) | 'pass'

export interface FaultQueues {
  post?: FaultSlot[]
  get?: FaultSlot[]
}

export interface ConnectorBehavior {
  kind: ConnectorKind
  name?: string
  type?: string
  checkDurationMs?: number
  ending?: Ending
  reason?: string | null
  faults?: FaultQueues
}

export interface WorkflowBehavior {
  name?: string
  sources: string[]
  destinations: string[]
  /** Fields served over the normal ones, for answers of the wrong shape (`sources: null`). */
  override?: Record<string, unknown>
}

export interface RecordedRequest {
  at: number
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  /** What was answered; 'hang' also while a (delayed) answer is still pending. */
  status: number | 'reset' | 'hang' | 'truncate'
}

/** Who created a check: a POST to the API, or someone else (newer-check, addNewerCheck). */
export type CheckOrigin = 'post' | 'newer'

export interface SimCheck {
  id: string
  connectorId: string
  origin: CheckOrigin
  createdAt: string
  createdAtMs: number
  finalAtMs: number | null
  ending: Ending
  reason: string | null
}

export interface ServedCheck {
  connectorId: string
  checkId: string
  status: string
  /** created_at as served; it tells apart checks whose ids a client never saw. */
  createdAt: string
  /** The request that got this answer. */
  method: string
  at: number
}

export interface Simulator {
  /** 'http://127.0.0.1:<port>', without /api/v1. */
  url: string
  /** A valid key: the first of options.apiKeys. */
  apiKey: string
  /** Ids must be UUIDs. Re-adding an id replaces its behaviour and faults, keeping its checks. */
  addConnector(id: string, behavior: ConnectorBehavior): void
  addWorkflow(id: string, workflow: WorkflowBehavior): void
  /** Replaces both queues; an omitted one becomes empty. */
  setFaults(id: string, faults: FaultQueues): void
  /** A check started elsewhere (the web UI); defaults come from the connector's behaviour. */
  addNewerCheck(
    id: string,
    opts?: { ending?: Ending; durationMs?: number; reason?: string | null }
  ): SimCheck
  /** Checks created for the connector, oldest first (copies). */
  checks(id: string): SimCheck[]
  /** Every check object put in a 2xx answer, fake older checks included (copy). */
  served(): ServedCheck[]
  /** Every request to the main listener, in arrival order (live array). */
  requests: RecordedRequest[]
  /** A second listener (127.0.0.2) that answers 200 {"trap":true} to anything and records it. */
  trap: { url: string; requests: RecordedRequest[] }
  /** Closes both listeners and destroys every open socket; idempotent. */
  close(): Promise<void>
}

export interface SimulatorOptions {
  apiKeys?: string[]
  /** Port of the main listener on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number
}

export const DEFAULT_API_KEY = 'sim_key_0123456789abcdef'

const UUID_HYPHENATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const UUID_SIMPLE = /^[0-9a-f]{32}$/i
const KEY_SHAPE = /^[A-Za-z0-9_-]{8,}$/
const JSON_TYPE = 'application/json'
// A real load balancer keeps idle connections far longer than node's 5 s default; a short
// timeout would make keep-alive reuse race against the server closing the socket.
const KEEP_ALIVE_MS = 60_000
const HOUR_US = 3_600_000_000

interface InternalCheck extends SimCheck {
  createdAtUs: number
}

interface ConnectorState {
  id: string
  kind: ConnectorKind
  name: string
  type: string
  checkDurationMs: number
  ending: Ending
  reason: string | null
  createdAt: string
  checks: InternalCheck[]
  postFaults: FaultSlot[]
  getFaults: FaultSlot[]
}

interface WorkflowState {
  id: string
  name: string
  sources: string[]
  destinations: string[]
  createdAt: string
  override: Record<string, unknown>
}

type Route =
  | { target: 'check'; kind: ConnectorKind; rawId: string }
  | { target: 'connector'; kind: ConnectorKind; rawId: string }
  | { target: 'workflow'; rawId: string }

interface CheckJson {
  id: string
  status: string
  reason: string | null
  created_at: string
  reported_at: string | null
}

/** Pydantic accepts both the hyphenated and the 32-hex form; lookups use the canonical one. */
function canonicalUuid(id: string): string | undefined {
  if (UUID_HYPHENATED.test(id)) return id.toLowerCase()
  if (UUID_SIMPLE.test(id)) {
    const h = id.toLowerCase()
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  }
  return undefined
}

/** Worded like pydantic's uuid_parsing errors, close enough for a client to show them. */
function uuidError(input: string): string {
  const bad = /[^0-9a-fA-F-]/u.exec(input)
  if (bad !== null) {
    return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${bad[0]}\` at ${bad.index + 1}`
  }
  const groups = input.split('-')
  if (groups.length === 1) {
    return `invalid length: expected length 32 for simple format, found ${input.length}`
  }
  if (groups.length !== 5) return `invalid group count: expected 5, found ${groups.length}`
  const wanted = [8, 4, 4, 4, 12]
  const i = groups.findIndex((g, n) => g.length !== wanted[n])
  return `invalid group length in group ${i}: expected ${wanted[i] ?? 0}, found ${groups[i]?.length ?? 0}`
}

function isoMicros(us: number): string {
  const whole = Math.floor(us)
  const ms = Math.floor(whole / 1000)
  const micros = String(whole % 1000).padStart(3, '0')
  return `${new Date(ms).toISOString().slice(0, -1)}${micros}Z`
}

function wallClockUs(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000)
}

function parseRoute(path: string): Route | undefined {
  const check = /^\/api\/v1\/(sources|destinations)\/([^/]+)\/connection-check$/.exec(path)
  if (check?.[1] !== undefined && check[2] !== undefined) {
    return {
      target: 'check',
      kind: check[1] === 'sources' ? 'source' : 'destination',
      rawId: check[2]
    }
  }
  const connector = /^\/api\/v1\/(sources|destinations)\/([^/]+)$/.exec(path)
  if (connector?.[1] !== undefined && connector[2] !== undefined) {
    const kind = connector[1] === 'sources' ? 'source' : 'destination'
    return { target: 'connector', kind, rawId: connector[2] }
  }
  const workflow = /^\/api\/v1\/workflows\/([^/]+)$/.exec(path)
  if (workflow?.[1] !== undefined) return { target: 'workflow', rawId: workflow[1] }
  return undefined
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function kindTitle(kind: ConnectorKind): string {
  return kind === 'source' ? 'Source' : 'Destination'
}

function htmlPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}

function listen(server: Server, host: string, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

function snapshot(check: InternalCheck): SimCheck {
  const { id, connectorId, origin, createdAt, createdAtMs, finalAtMs, ending, reason } = check
  return { id, connectorId, origin, createdAt, createdAtMs, finalAtMs, ending, reason }
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const apiKeys = options.apiKeys ?? [DEFAULT_API_KEY]
  const firstKey = apiKeys[0]
  if (firstKey === undefined) throw new Error('startSimulator: apiKeys must not be empty')
  const validKeys = new Set(apiKeys)

  const connectors = new Map<string, ConnectorState>()
  const workflows = new Map<string, WorkflowState>()
  const requests: RecordedRequest[] = []
  const trapRequests: RecordedRequest[] = []
  const servedChecks: ServedCheck[] = []
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  let lastCreatedUs = 0
  let closing: Promise<void> | undefined

  // created_at must be strictly increasing even when two checks land in the same microsecond.
  function nextCreatedUs(): number {
    lastCreatedUs = Math.max(wallClockUs(), lastCreatedUs + 1)
    return lastCreatedUs
  }

  function connectorOrThrow(id: string): ConnectorState {
    const state = connectors.get(canonicalUuid(id) ?? id)
    if (state === undefined) throw new Error(`simulator: unknown connector ${id}`)
    return state
  }

  function createCheck(
    state: ConnectorState,
    origin: CheckOrigin,
    opts: { ending?: Ending; durationMs?: number; reason?: string | null } = {}
  ): InternalCheck {
    const ending = opts.ending ?? state.ending
    const durationMs = Math.max(0, opts.durationMs ?? state.checkDurationMs)
    const reason = opts.reason !== undefined ? opts.reason : state.reason
    const createdAtUs = nextCreatedUs()
    const createdAtMs = performance.now()
    const check: InternalCheck = {
      id: randomUUID(),
      connectorId: state.id,
      origin,
      createdAt: isoMicros(createdAtUs),
      createdAtUs,
      createdAtMs,
      finalAtMs: ending === 'NEVER' ? null : createdAtMs + durationMs,
      ending,
      reason: ending === 'FAILURE' ? reason : null
    }
    state.checks.push(check)
    return check
  }

  // Status is computed at the moment of the answer, so no timer is needed to finish a check.
  function checkJson(check: InternalCheck): CheckJson {
    const final = check.finalAtMs !== null && performance.now() >= check.finalAtMs
    const reportedUs = check.createdAtUs + ((check.finalAtMs ?? 0) - check.createdAtMs) * 1000
    return {
      id: check.id,
      status: final ? check.ending : 'SCHEDULED',
      reason: final ? check.reason : null,
      created_at: check.createdAt,
      reported_at: final ? isoMicros(reportedUs) : null
    }
  }

  function olderCheckJson(state: ConnectorState, status: 'SCHEDULED' | 'SUCCESS' | 'FAILURE') {
    const latest = state.checks.at(-1)
    const createdUs = (latest?.createdAtUs ?? wallClockUs()) - HOUR_US
    return {
      id: randomUUID(),
      status,
      reason: status === 'FAILURE' ? state.reason : null,
      created_at: isoMicros(createdUs),
      // The only published example finished 5 s after creation.
      reported_at: status === 'SCHEDULED' ? null : isoMicros(createdUs + 5_000_000)
    } satisfies CheckJson
  }

  function send(
    res: ServerResponse,
    record: RecordedRequest,
    status: number,
    body: string,
    contentType: string | undefined,
    headers: Record<string, string> = {}
  ): void {
    record.status = status
    const head: Record<string, string> = {
      ...headers,
      'content-length': String(Buffer.byteLength(body))
    }
    if (contentType !== undefined) head['content-type'] = contentType
    res.writeHead(status, head)
    res.end(body)
  }

  function sendJson(
    res: ServerResponse,
    record: RecordedRequest,
    status: number,
    value: unknown,
    headers?: Record<string, string>
  ): void {
    send(res, record, status, JSON.stringify(value), JSON_TYPE, headers)
  }

  function sendCheck(
    res: ServerResponse,
    record: RecordedRequest,
    status: number,
    connectorId: string,
    check: CheckJson
  ): void {
    servedChecks.push({
      connectorId,
      checkId: check.id,
      status: check.status,
      createdAt: check.created_at,
      method: record.method,
      at: performance.now()
    })
    sendJson(res, record, status, check)
  }

  function authError(req: IncomingMessage): string | undefined {
    const raw = req.headers['unstructured-api-key']
    const key = Array.isArray(raw) ? raw.join(', ') : raw
    if (key === undefined || key === '') {
      return 'API key is missing, please provide an API key in the header.'
    }
    if (!KEY_SHAPE.test(key)) {
      return 'API key is malformed, please type the API key correctly in the header.'
    }
    if (!validKeys.has(key)) {
      return 'API key is invalid, please provide a valid API key in the header.'
    }
    return undefined
  }

  /** The answer of a check route without faults; `created` is a check an afterCreate made. */
  function serveCheckNormally(
    res: ServerResponse,
    record: RecordedRequest,
    state: ConnectorState,
    method: 'POST' | 'GET',
    created: InternalCheck | undefined,
    status?: string
  ): void {
    const withStatus = (check: InternalCheck): CheckJson => {
      const json = checkJson(check)
      return status === undefined ? json : { ...json, status }
    }
    if (method === 'POST') {
      const check = created ?? createCheck(state, 'post')
      sendCheck(res, record, 202, state.id, withStatus(check))
      return
    }
    const latest = state.checks.at(-1)
    if (latest === undefined) {
      sendJson(res, record, 404, { detail: 'No connection check found for this connector' })
      return
    }
    sendCheck(res, record, 200, state.id, withStatus(latest))
  }

  function serveCheck(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    state: ConnectorState,
    method: 'POST' | 'GET'
  ): void {
    const slot = (method === 'POST' ? state.postFaults : state.getFaults).shift()
    if (slot === undefined || slot === 'pass') {
      serveCheckNormally(res, record, state, method, undefined)
      return
    }
    const created =
      method === 'POST' && slot.afterCreate === true ? createCheck(state, 'post') : undefined
    const okStatus = method === 'POST' ? 202 : 200

    switch (slot.type) {
      case 'status':
        send(
          res,
          record,
          slot.status,
          slot.body ?? JSON.stringify({ detail: `simulated ${slot.status}` }),
          slot.contentType ?? JSON_TYPE,
          slot.headers
        )
        return
      case 'html':
        send(res, record, slot.status, htmlPage(slot.status), 'text/html; charset=utf-8')
        return
      case 'rate-limit': {
        const headers: Record<string, string> = {}
        if (slot.retryAfter !== undefined) headers['retry-after'] = slot.retryAfter
        sendJson(res, record, 429, { detail: 'Too Many Requests' }, headers)
        return
      }
      case 'reset':
        record.status = 'reset'
        // An RST rather than a FIN, so the client sees ECONNRESET as from a dropped connection.
        req.socket.resetAndDestroy()
        return
      case 'truncate': {
        const check = created ?? (method === 'GET' ? state.checks.at(-1) : undefined)
        const body = JSON.stringify(
          check !== undefined ? checkJson(check) : olderCheckJson(state, 'SCHEDULED')
        )
        record.status = 'truncate'
        res.writeHead(okStatus, {
          'content-type': JSON_TYPE,
          'content-length': String(Buffer.byteLength(body))
        })
        res.write(body.slice(0, Math.floor(body.length / 2)), () => {
          req.socket.destroy()
        })
        return
      }
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer)
          if (res.destroyed) return
          serveCheckNormally(res, record, state, method, created)
        }, slot.ms)
        timers.add(timer)
        return
      }
      case 'hang':
        // record.status stays 'hang'; close() destroys the socket.
        return
      case 'body':
        send(res, record, slot.status ?? okStatus, slot.body, slot.contentType ?? JSON_TYPE)
        return
      case 'unknown-status':
        serveCheckNormally(res, record, state, method, created, slot.status)
        return
      case 'older-check':
        sendCheck(res, record, okStatus, state.id, olderCheckJson(state, slot.status ?? 'SUCCESS'))
        return
      case 'newer-check':
        createCheck(state, 'newer', {
          ending: slot.ending,
          durationMs: slot.durationMs,
          reason: slot.reason
        })
        serveCheckNormally(res, record, state, method, created)
        return
      case 'redirect':
        send(res, record, slot.status ?? 307, '', undefined, { location: slot.location })
        return
      case 'not-found':
        sendJson(res, record, 404, { detail: 'Not Found' })
        return
      case 'validation':
        sendJson(res, record, 422, { detail: slot.detail })
        return
    }
  }

  function route(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): void {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const target = parseRoute(path)
    if (target === undefined) {
      sendJson(res, record, 404, { detail: 'Not Found' })
      return
    }
    const allowed = target.target === 'check' ? ['GET', 'POST'] : ['GET']
    const method = req.method ?? ''
    if (!allowed.includes(method)) {
      sendJson(res, record, 405, { detail: 'Method Not Allowed' }, { allow: allowed.join(', ') })
      return
    }

    const auth = authError(req)
    if (auth !== undefined) {
      sendJson(res, record, 401, { detail: auth })
      return
    }

    const input = decodeSegment(target.rawId)
    const id = canonicalUuid(input)
    if (id === undefined) {
      const param = target.target === 'workflow' ? 'workflow_id' : `${target.kind}_id`
      const error = uuidError(input)
      sendJson(res, record, 422, {
        detail: [
          {
            type: 'uuid_parsing',
            loc: ['path', param],
            msg: `Input should be a valid UUID, ${error}`,
            input,
            ctx: { error }
          }
        ]
      })
      return
    }

    if (target.target === 'workflow') {
      const workflow = workflows.get(id)
      if (workflow === undefined) {
        sendJson(res, record, 404, { detail: `Workflow ${id} not found` })
        return
      }
      sendJson(res, record, 200, {
        id: workflow.id,
        name: workflow.name,
        sources: workflow.sources,
        destinations: workflow.destinations,
        workflow_nodes: [],
        status: 'active',
        created_at: workflow.createdAt,
        ...workflow.override
      })
      return
    }

    const state = connectors.get(id)
    if (state?.kind !== target.kind) {
      sendJson(res, record, 404, { detail: `${kindTitle(target.kind)} ${id} not found` })
      return
    }
    if (target.target === 'connector') {
      sendJson(res, record, 200, {
        id: state.id,
        name: state.name,
        type: state.type,
        config: {},
        created_at: state.createdAt
      })
      return
    }
    serveCheck(req, res, record, state, method === 'POST' ? 'POST' : 'GET')
  }

  function recordOf(req: IncomingMessage): RecordedRequest {
    return {
      at: performance.now(),
      method: req.method ?? '',
      path: req.url ?? '',
      headers: { ...req.headers },
      status: 'hang'
    }
  }

  function trackSockets(server: Server): void {
    server.on('connection', (socket: Socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    })
  }

  const main = createServer((req, res) => {
    const record = recordOf(req)
    requests.push(record)
    // Answer only once the (unexpected) request body has been drained, as a real server does,
    // so the connection stays usable for keep-alive.
    req.on('end', () => {
      route(req, res, record)
    })
    req.resume()
  })
  const trap = createServer((req, res) => {
    const record = recordOf(req)
    trapRequests.push(record)
    req.on('end', () => {
      sendJson(res, record, 200, { trap: true })
    })
    req.resume()
  })
  for (const server of [main, trap]) {
    server.keepAliveTimeout = KEEP_ALIVE_MS
    trackSockets(server)
  }

  const mainPort = await listen(main, '127.0.0.1', options.port)
  // A second loopback address is a different host for clients that compare hostnames. Some
  // systems (macOS) only configure 127.0.0.1; there the trap is at least a different origin.
  let trapHost = '127.0.0.2'
  let trapPort: number
  try {
    trapPort = await listen(trap, trapHost)
  } catch {
    trapHost = '127.0.0.1'
    trapPort = await listen(trap, trapHost)
  }

  function closeServer(server: Server): Promise<void> {
    return new Promise((resolve) => {
      server.close(() => {
        resolve()
      })
      server.closeAllConnections()
    })
  }

  return {
    url: `http://127.0.0.1:${mainPort}`,
    apiKey: firstKey,
    requests,
    trap: { url: `http://${trapHost}:${trapPort}`, requests: trapRequests },

    addConnector(id, behavior) {
      const canonical = canonicalUuid(id)
      if (canonical === undefined) throw new Error(`simulator: connector id ${id} is not a UUID`)
      const previous = connectors.get(canonical)
      connectors.set(canonical, {
        id: canonical,
        kind: behavior.kind,
        name: behavior.name ?? `sim-${behavior.kind}-${canonical.slice(0, 8)}`,
        type: behavior.type ?? (behavior.kind === 'source' ? 's3' : 'postgres'),
        checkDurationMs: behavior.checkDurationMs ?? 1000,
        ending: behavior.ending ?? 'SUCCESS',
        reason: behavior.reason !== undefined ? behavior.reason : 'simulated failure',
        createdAt: previous?.createdAt ?? isoMicros(wallClockUs() - HOUR_US),
        // Re-adding a connector changes its behaviour but keeps its history.
        checks: previous?.checks ?? [],
        postFaults: [...(behavior.faults?.post ?? [])],
        getFaults: [...(behavior.faults?.get ?? [])]
      })
    },

    addWorkflow(id, workflow) {
      const canonical = canonicalUuid(id)
      if (canonical === undefined) throw new Error(`simulator: workflow id ${id} is not a UUID`)
      workflows.set(canonical, {
        id: canonical,
        name: workflow.name ?? `sim-workflow-${canonical.slice(0, 8)}`,
        sources: [...workflow.sources],
        destinations: [...workflow.destinations],
        createdAt: isoMicros(wallClockUs() - HOUR_US),
        override: { ...workflow.override }
      })
    },

    setFaults(id, faults) {
      const state = connectorOrThrow(id)
      state.postFaults = [...(faults.post ?? [])]
      state.getFaults = [...(faults.get ?? [])]
    },

    addNewerCheck(id, opts) {
      return snapshot(createCheck(connectorOrThrow(id), 'newer', opts))
    },

    checks(id) {
      return connectorOrThrow(id).checks.map(snapshot)
    },

    served() {
      return [...servedChecks]
    },

    close() {
      closing ??= (async () => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        const done = Promise.all([closeServer(main), closeServer(trap)])
        // Hanging and half-written sockets are not all known to closeAllConnections().
        for (const socket of sockets) socket.destroy()
        await done
      })()
      return closing
    }
  }
}
