// An in-process fake of the Unstructured Platform API (connection checks, connectors, workflows),
// served over real HTTP (or HTTPS) on loopback only, with scriptable faults per connector and
// per method, and a profile of platform behaviours that the vendor does not rule out.
import { randomUUID } from 'node:crypto'
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { isUuid } from '../src/core/ids.js'
import {
  DEFAULT_PAGING,
  connectorList,
  parseListPath,
  workflowPage,
  type ConnectorJson,
  type ListAnswer,
  type ListName,
  type Paging,
  type WorkflowJson
} from './lists.js'
import { rateLimiter, type RateLimit } from './rate-limit.js'

export type { ListName, Paging } from './lists.js'
export type { RateLimit } from './rate-limit.js'

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
   * A check newer than any, with an impossible created_at (year 9999, or two days ahead of the
   * Date header); served, never stored.
   */
  | { type: 'absurd-newer'; when: AbsurdWhen; status?: 'SCHEDULED' | 'SUCCESS' | 'FAILURE' }
  | CachedFault

export type AbsurdWhen = 'year-9999' | 'day-ahead'

/**
 * The answer a cache (a CDN) in front of the API kept from `ageMs` ago: the connector's latest
 * check, then, as of now, with the Date of then and an Age header, as RFC 9111 caches send.
 */
export interface CachedFault {
  type: 'cached'
  ageMs: number
}

/**
 * One queued answer. `afterCreate` (POST only): the check is created first, then the fault
 * replaces the answer. Without it, a POST fault that replaces the answer creates nothing.
 */
export type FaultSlot = (Fault & { afterCreate?: boolean }) | 'pass'

/**
 * Answers to script, one per request in turn, then normal ones. `get` answers the GETs that
 * follow the connector's first POST (a step's polls); `read` those before it (what a step reads
 * before it starts a check), so that scripting the polls does not depend on whether a client
 * looks first.
 */
export interface FaultQueues {
  post?: FaultSlot[]
  get?: FaultSlot[]
  read?: FaultSlot[]
  /** Answers to reads of the connector itself (`GET /sources/{id}`), such as a body of `{}`. */
  info?: ListFault[]
}

export interface ConnectorBehavior {
  kind: ConnectorKind
  /** Free text: duplicates, spaces, commas and any unicode are allowed, as on the platform. */
  name?: string
  type?: string
  /** The API's `config`, served as it is; default {}. */
  config?: Record<string, unknown>
  checkDurationMs?: number
  ending?: Ending
  /** How the checks that POSTs create end, one each in turn; then `ending` for the rest. */
  endings?: Ending[]
  reason?: string | null
  faults?: FaultQueues
}

export interface WorkflowBehavior {
  name?: string
  sources: string[]
  destinations: string[]
  status?: 'active' | 'inactive'
  workflowType?: string | null
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

/**
 * Who created a check: a POST to the API; someone else during the test (newer-check,
 * addNewerCheck); or someone else before it (startCheck, the stale check of staleFinalPost).
 */
export type CheckOrigin = 'post' | 'newer' | 'other'

export interface SimCheck {
  id: string
  connectorId: string
  origin: CheckOrigin
  /** created_at as served, in the profile's timestamp form. */
  createdAt: string
  /** The same instant (of the platform's clock) as ISO with microseconds and Z, whatever the form. */
  createdAtIso: string
  /** performance.now() of the creation (negative for a check made "long before"). */
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
  /** Set for a check that was served but never stored (older-check, absurd-newer). */
  fake?: 'older' | AbsurdWhen
}

export interface Simulator {
  /** 'http://127.0.0.1:<port>' (https and options.hostname when asked), without /api/v1. */
  url: string
  /** The port of the main listener on 127.0.0.1. */
  port: number
  /** The profile in force (a copy of options.profile; {} by default). */
  profile: Readonly<PlatformProfile>
  /** A valid key: the first of options.apiKeys. */
  apiKey: string
  /** Ids must be UUIDs. Re-adding an id replaces its behaviour and faults, keeping its checks. */
  addConnector(id: string, behavior: ConnectorBehavior): void
  /**
   * The connector's config changed (as a PUT would), now or `agoMs` before: its `updated_at`,
   * null until then, is set; returned as served.
   */
  updateConnector(id: string, opts?: { config?: Record<string, unknown>; agoMs?: number }): string
  addWorkflow(id: string, workflow: WorkflowBehavior): void
  /** Replaces both queues; an omitted one becomes empty. */
  setFaults(id: string, faults: FaultQueues): void
  /** Answers for the next requests to a list path (`/sources/` ...), one each, then normal ones. */
  setListFaults(list: ListName, faults: (ListFault | 'pass')[]): void
  /** A check started elsewhere (the web UI); defaults come from the connector's behaviour. */
  addNewerCheck(id: string, opts?: CheckOptions): SimCheck
  /**
   * A check someone else started before the step (origin 'other'): for a check "already
   * running" when the action starts, as postMode 'dedupe' and 'conflict' need.
   */
  startCheck(id: string, opts?: CheckOptions): SimCheck
  /** Checks created for the connector, oldest first (copies). */
  checks(id: string): SimCheck[]
  /** Every check object put in a 2xx answer, fakes included and marked (copy). */
  served(): ServedCheck[]
  /** Every request to the main listener, in arrival order (live array). */
  requests: RecordedRequest[]
  /** A second listener (127.0.0.2) that answers 200 {"trap":true} to anything and records it. */
  trap: { url: string; requests: RecordedRequest[] }
  /** Closes both listeners and destroys every open socket; idempotent. */
  close(): Promise<void>
}

export interface CheckOptions {
  ending?: Ending
  durationMs?: number
  reason?: string | null
  /**
   * Created this long ago (startCheck only), so that a check of durationMs can already be
   * final when a step begins: a connector's history. It takes its place among the checks by
   * created_at; a check made since stays the latest.
   */
  ageMs?: number
}

/**
 * How created_at and reported_at are written. 'iso-micros-z' 2026-12-02T10:00:00.123456Z;
 * 'naive' 2026-12-02T02:00:00.123456 (local wall time naiveUtcOffsetHours from UTC, no offset);
 * 'postgres' 2026-12-02 10:00:00.123456+00 and 'postgres-0000' ...+0000 (trailing zeros of the
 * fraction dropped, as PostgreSQL does); 'offset-colon' 2026-12-02T10:00:00.123456+00:00;
 * 'whole-seconds' 2026-12-02T10:00:00Z.
 */
export const TIMESTAMP_FORMS = [
  'iso-micros-z',
  'naive',
  'postgres',
  'postgres-0000',
  'offset-colon',
  'whole-seconds'
] as const
export type TimestampForm = (typeof TIMESTAMP_FORMS)[number]

/**
 * What a POST does. 'create': always creates a check. 'dedupe': while the connector's latest
 * check is SCHEDULED, answers 202 with that check and creates nothing. 'conflict': then answers
 * conflictStatus (409) with a detail and creates nothing.
 */
export type PostMode = 'create' | 'dedupe' | 'conflict'

/** An HTML page from a firewall, CDN or proxy in front of the API, instead of its JSON. */
export interface FirewallPage {
  status: 401 | 403 | 404 | 502 | 503
  /** The page's <title>, verbatim; default "<status> <reason phrase>". */
  title?: string
  /** 'all' (the default): every request; 'checks': only the connection-check paths. */
  paths?: 'all' | 'checks'
}

/** The faults a list path can answer with (the check-specific ones make no sense there). */
export type ListFault = Extract<
  Fault,
  {
    type:
      | 'status'
      | 'html'
      | 'rate-limit'
      | 'reset'
      | 'truncate'
      | 'delay'
      | 'hang'
      | 'body'
      | 'redirect'
      | 'not-found'
      | 'validation'
  }
>

/** Platform behaviours nothing documents; each is off when absent. */
export interface PlatformProfile {
  /**
   * How `GET /workflows/` pages: default page size (20), a cap on `page_size` (none), whether
   * `page_size` or `page` is ignored (no) and whether the list never ends (no).
   */
  workflowPaging?: Partial<Paging>
  /** The clock that writes created_at/reported_at runs this far ahead (or behind, < 0) of Date. */
  clockOffsetMs?: number
  timestampForm?: TimestampForm
  /** For timestampForm 'naive': the local time's offset from UTC in hours (-8, +9); default 0. */
  naiveUtcOffsetHours?: number
  postMode?: PostMode
  /** The status of postMode 'conflict'; default 409. */
  conflictStatus?: 409 | 423
  /**
   * Every POST answers 202 with one check, final long ago (ageMs, default an hour, before the
   * connector was added), and creates nothing; it is the connector's first stored check.
   */
  staleFinalPost?: boolean | { status?: 'SUCCESS' | 'FAILURE'; ageMs?: number }
  firewallPage?: FirewallPage
  /** Idle keep-alive sockets are closed after this long (uvicorn: 5000); default 60 s. */
  idleTimeoutMs?: number
  /** `Connection: close` on every answer, and the socket closed after it. */
  connectionClose?: boolean
  /** The form of the Date header (RFC 9110's three); default node's own, IMF-fixdate. */
  dateForm?: DateForm
  /**
   * A POST's answer is the check it created as it stands when written: decided already, for a
   * check of no duration (a platform that runs short checks before it answers).
   */
  postAnswersDecided?: boolean
  /**
   * A token bucket per API key in front of every path (before the firewall page and the key
   * check, as a gateway would be): requests beyond it are answered 429.
   */
  rateLimit?: RateLimit
}

export type DateForm = 'imf-fixdate' | 'rfc850' | 'asctime'

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTH_NAMES = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')

/** An HTTP date of `ms` in one of RFC 9110's forms. */
export function httpDate(ms: number, form: DateForm = 'imf-fixdate'): string {
  const at = new Date(ms)
  const two = (n: number): string => String(n).padStart(2, '0')
  const weekday = WEEKDAYS[at.getUTCDay()] ?? ''
  const month = MONTH_NAMES[at.getUTCMonth()] ?? ''
  const time = `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`
  const day = at.getUTCDate()
  const year = at.getUTCFullYear()
  switch (form) {
    case 'imf-fixdate':
      return `${weekday.slice(0, 3)}, ${two(day)} ${month} ${year} ${time} GMT`
    case 'rfc850':
      return `${weekday}, ${two(day)}-${month}-${two(year % 100)} ${time} GMT`
    case 'asctime':
      return `${weekday.slice(0, 3)} ${month} ${String(day).padStart(2, ' ')} ${time} ${year}`
  }
}

export interface SimulatorOptions {
  apiKeys?: string[]
  /** Port of the main listener on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number
  profile?: PlatformProfile
  /** Serve the main listener over HTTPS with this certificate (the trap stays plain HTTP). */
  tls?: { cert: string | Buffer; key: string | Buffer }
  /** The host name in sim.url (the listener stays on 127.0.0.1); default 127.0.0.1. */
  hostname?: string
}

export const DEFAULT_API_KEY = 'sim_key_0123456789abcdef'

const UUID_SIMPLE = /^[0-9a-f]{32}$/i
const KEY_SHAPE = /^[A-Za-z0-9_-]{8,}$/
const JSON_TYPE = 'application/json'
// A real load balancer keeps idle connections far longer than node's 5 s default; a short
// timeout would make keep-alive reuse race against the server closing the socket.
const KEEP_ALIVE_MS = 60_000
const HOUR_US = 3_600_000_000
const HOUR_MS = 3_600_000
// The only published example finished 5 s after creation.
const EXAMPLE_DURATION_MS = 5000
const CONFLICT_DETAIL = 'A connection check is already in progress for this connector'

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
  /** What the next checks that POSTs create end with, in turn. */
  endings: Ending[]
  reason: string | null
  config: Record<string, unknown>
  createdAt: string
  /** Null until updateConnector. */
  updatedAt: string | null
  checks: InternalCheck[]
  /** The one check every POST answers under staleFinalPost. */
  stale: InternalCheck | undefined
  postFaults: FaultSlot[]
  getFaults: FaultSlot[]
  readFaults: FaultSlot[]
  infoFaults: (ListFault | 'pass')[]
  /** A POST has reached this connector: GETs take from getFaults from now on. */
  posted: boolean
}

interface WorkflowState {
  id: string
  name: string
  sources: string[]
  destinations: string[]
  status: 'active' | 'inactive'
  workflowType: string | null
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
  if (isUuid(id)) return id.toLowerCase()
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

/** Microseconds since the epoch, written in one of the forms a platform might use. */
function formatTimestamp(us: number, form: TimestampForm, naiveUtcOffsetHours: number): string {
  const shifted = Math.floor(us) + (form === 'naive' ? naiveUtcOffsetHours * HOUR_US : 0)
  const seconds = new Date(Math.floor(shifted / 1_000_000) * 1000).toISOString().slice(0, 19)
  const fraction = String(((shifted % 1_000_000) + 1_000_000) % 1_000_000).padStart(6, '0')
  const trimmed = fraction.replace(/0+$/u, '')
  const pgFraction = trimmed === '' ? '' : `.${trimmed}`
  switch (form) {
    case 'iso-micros-z':
      return `${seconds}.${fraction}Z`
    case 'naive':
      return `${seconds}.${fraction}`
    case 'postgres':
      return `${seconds.replace('T', ' ')}${pgFraction}+00`
    case 'postgres-0000':
      return `${seconds.replace('T', ' ')}${pgFraction}+0000`
    case 'offset-colon':
      return `${seconds}.${fraction}+00:00`
    case 'whole-seconds':
      return `${seconds}Z`
  }
}

function isoMicros(us: number): string {
  return formatTimestamp(us, 'iso-micros-z', 0)
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

/** The kind of block page a CDN or corporate proxy serves; the title goes in verbatim. */
function firewallHtml(page: FirewallPage): string {
  const title = page.title ?? `${page.status} ${STATUS_CODES[page.status] ?? 'Error'}`
  return [
    '<!DOCTYPE html>',
    '<html lang="en-US">',
    `<head><meta charset="UTF-8"><title>${title}</title></head>`,
    '<body>',
    `<h1>Sorry, you have been blocked (${page.status})</h1>`,
    '<p>This request was stopped by a security service before it reached the website.</p>',
    '</body>',
    '</html>',
    ''
  ].join('\n')
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
  const { id, connectorId, origin, createdAt, createdAtIso, createdAtMs, finalAtMs } = check
  const { ending, reason } = check
  return {
    id,
    connectorId,
    origin,
    createdAt,
    createdAtIso,
    createdAtMs,
    finalAtMs,
    ending,
    reason
  }
}

function isRunning(check: InternalCheck | undefined): check is InternalCheck {
  return check !== undefined && (check.finalAtMs === null || performance.now() < check.finalAtMs)
}

/** What a POST meets: a check to answer with (`created` when this POST made it), or a conflict. */
type PostAdmission = { check: InternalCheck; created?: boolean } | { conflict: true }

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const apiKeys = options.apiKeys ?? [DEFAULT_API_KEY]
  const firstKey = apiKeys[0]
  if (firstKey === undefined) throw new Error('startSimulator: apiKeys must not be empty')
  const validKeys = new Set(apiKeys)
  const profile: PlatformProfile = { ...options.profile }
  const form = profile.timestampForm ?? 'iso-micros-z'
  const naiveHours = profile.naiveUtcOffsetHours ?? 0
  const clockOffsetUs = Math.round((profile.clockOffsetMs ?? 0) * 1000)
  const postMode = profile.postMode ?? 'create'
  const stale =
    profile.staleFinalPost === undefined || profile.staleFinalPost === false
      ? undefined
      : profile.staleFinalPost === true
        ? {}
        : profile.staleFinalPost

  const connectors = new Map<string, ConnectorState>()
  const workflows = new Map<string, WorkflowState>()
  const paging: Paging = { ...DEFAULT_PAGING, ...profile.workflowPaging }
  const listFaults = new Map<ListName, (ListFault | 'pass')[]>()
  const requests: RecordedRequest[] = []
  const trapRequests: RecordedRequest[] = []
  const servedChecks: ServedCheck[] = []
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const limiter = profile.rateLimit === undefined ? undefined : rateLimiter(profile.rateLimit)
  let lastCreatedUs = 0
  let closing: Promise<void> | undefined

  /** The platform's clock (the one that writes created_at), not the one that writes Date. */
  function platformClockUs(): number {
    return wallClockUs() + clockOffsetUs
  }

  function stamp(us: number): string {
    return formatTimestamp(us, form, naiveHours)
  }

  // created_at must be strictly increasing even when two checks land in the same microsecond.
  function nextCreatedUs(): number {
    lastCreatedUs = Math.max(platformClockUs(), lastCreatedUs + 1)
    return lastCreatedUs
  }

  function connectorOrThrow(id: string): ConnectorState {
    const state = connectors.get(canonicalUuid(id) ?? id)
    if (state === undefined) throw new Error(`simulator: unknown connector ${id}`)
    return state
  }

  function newCheck(
    state: ConnectorState,
    origin: CheckOrigin,
    createdAtUs: number,
    createdAtMs: number,
    opts: CheckOptions
  ): InternalCheck {
    const ending = opts.ending ?? state.ending
    const durationMs = Math.max(0, opts.durationMs ?? state.checkDurationMs)
    const reason = opts.reason !== undefined ? opts.reason : state.reason
    return {
      id: randomUUID(),
      connectorId: state.id,
      origin,
      createdAt: stamp(createdAtUs),
      createdAtIso: isoMicros(createdAtUs),
      createdAtUs,
      createdAtMs,
      finalAtMs: ending === 'NEVER' ? null : createdAtMs + durationMs,
      ending,
      reason: ending === 'FAILURE' ? reason : null
    }
  }

  function createCheck(
    state: ConnectorState,
    origin: CheckOrigin,
    opts: CheckOptions = {}
  ): InternalCheck {
    const check = newCheck(state, origin, nextCreatedUs(), performance.now(), opts)
    state.checks.push(check)
    return check
  }

  /** A check created ageMs ago, put in created_at order among the connector's checks. */
  function pastCheck(state: ConnectorState, ageMs: number, opts: CheckOptions): InternalCheck {
    const createdUs = platformClockUs() - Math.round(ageMs * 1000)
    const check = newCheck(state, 'other', createdUs, performance.now() - ageMs, opts)
    const later = state.checks.findIndex((c) => c.createdAtUs >= createdUs)
    state.checks.splice(later < 0 ? state.checks.length : later, 0, check)
    return check
  }

  /** The staleFinalPost check: final long before anything else the connector has. */
  function staleCheck(state: ConnectorState, ageMs: number, ending: Ending): InternalCheck {
    const earliestUs = Math.min(platformClockUs(), state.checks[0]?.createdAtUs ?? Infinity)
    const earliestMs = Math.min(performance.now(), state.checks[0]?.createdAtMs ?? Infinity)
    const check = newCheck(state, 'other', earliestUs - ageMs * 1000, earliestMs - ageMs, {
      ending,
      durationMs: Math.min(EXAMPLE_DURATION_MS, ageMs)
    })
    state.checks.unshift(check)
    return check
  }

  function admitPost(state: ConnectorState): PostAdmission {
    if (state.stale !== undefined) return { check: state.stale }
    const latest = state.checks.at(-1)
    if (isRunning(latest) && postMode === 'dedupe') return { check: latest }
    if (isRunning(latest) && postMode === 'conflict') return { conflict: true }
    const ending = state.endings.shift()
    return {
      check: createCheck(state, 'post', ending === undefined ? {} : { ending }),
      created: true
    }
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
      reported_at: final ? stamp(reportedUs) : null
    }
  }

  function olderCheckJson(state: ConnectorState, status: 'SCHEDULED' | 'SUCCESS' | 'FAILURE') {
    const latest = state.checks.at(-1)
    const createdUs = (latest?.createdAtUs ?? platformClockUs()) - HOUR_US
    return fakeCheckJson(state, createdUs, status)
  }

  function fakeCheckJson(
    state: ConnectorState,
    createdUs: number,
    status: 'SCHEDULED' | 'SUCCESS' | 'FAILURE'
  ): CheckJson {
    return {
      id: randomUUID(),
      status,
      reason: status === 'FAILURE' ? state.reason : null,
      created_at: stamp(createdUs),
      reported_at: status === 'SCHEDULED' ? null : stamp(createdUs + EXAMPLE_DURATION_MS * 1000)
    }
  }

  /** Checks no real platform would write: "newer" than anything, so a client must doubt them. */
  function absurdCheckJson(
    state: ConnectorState,
    when: AbsurdWhen,
    status: 'SCHEDULED' | 'SUCCESS' | 'FAILURE'
  ): CheckJson {
    const nowMs = Date.now()
    // Mid-year, so that no naive offset moves it out of 9999.
    const createdMs =
      when === 'year-9999'
        ? Date.UTC(9999, 5, 15) + (nowMs % (24 * HOUR_MS))
        : // Two days, so it stays more than a day ahead of Date even as naive time far west.
          nowMs + 48 * HOUR_MS
    return fakeCheckJson(state, createdMs * 1000, status)
  }

  /**
   * Headers every answer of the main listener carries. Node adds Date itself, from its clock,
   * unless the answer has one (a cached answer) or the profile asks for another form.
   */
  function answerHeaders(headers: Record<string, string>): Record<string, string> {
    const dated =
      profile.dateForm === undefined || 'date' in headers
        ? headers
        : { ...headers, date: httpDate(Date.now(), profile.dateForm) }
    return profile.connectionClose === true ? { ...dated, connection: 'close' } : dated
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
    const head: Record<string, string> = answerHeaders({
      ...headers,
      'content-length': String(Buffer.byteLength(body))
    })
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
    check: CheckJson,
    fake?: ServedCheck['fake'],
    headers?: Record<string, string>
  ): void {
    servedChecks.push({
      connectorId,
      checkId: check.id,
      status: check.status,
      createdAt: check.created_at,
      method: record.method,
      at: performance.now(),
      ...(fake === undefined ? {} : { fake })
    })
    sendJson(res, record, status, check, headers)
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

  /** The answer of a check route without faults; `admitted`: what an afterCreate POST did. */
  function serveCheckNormally(
    res: ServerResponse,
    record: RecordedRequest,
    state: ConnectorState,
    method: 'POST' | 'GET',
    admitted: PostAdmission | undefined,
    status?: string,
    headers?: Record<string, string>
  ): void {
    const withStatus = (check: InternalCheck): CheckJson => {
      const json = checkJson(check)
      return status === undefined ? json : { ...json, status }
    }
    if (method === 'POST') {
      const admission = admitted ?? admitPost(state)
      if ('conflict' in admission) {
        sendJson(res, record, profile.conflictStatus ?? 409, { detail: CONFLICT_DETAIL })
        return
      }
      const json = withStatus(admission.check)
      // A POST that creates a check only schedules it: its answer is written before the check
      // has run, so it says SCHEDULED however short the check (a delayed answer too), unless
      // the profile has the platform run the check before it answers.
      const answer =
        admission.created === true && status === undefined && profile.postAnswersDecided !== true
          ? { ...json, status: 'SCHEDULED', reason: null, reported_at: null }
          : json
      sendCheck(res, record, 202, state.id, answer)
      return
    }
    const latest = state.checks.at(-1)
    if (latest === undefined) {
      sendJson(res, record, 404, { detail: 'No connection check found for this connector' })
      return
    }
    sendCheck(res, record, 200, state.id, withStatus(latest), undefined, headers)
  }

  /**
   * Answers a fault that a check path and a list path serve alike; false for one that only a
   * check path knows. `truncated` is the body cut off halfway; `answer` the normal answer.
   */
  function sendFault(
    slot: Fault,
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    how: { okStatus: number; truncated: () => string; answer: () => void }
  ): boolean {
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
        return true
      case 'html':
        send(res, record, slot.status, htmlPage(slot.status), 'text/html; charset=utf-8')
        return true
      case 'rate-limit': {
        const headers: Record<string, string> = {}
        if (slot.retryAfter !== undefined) headers['retry-after'] = slot.retryAfter
        sendJson(res, record, 429, { detail: 'Too Many Requests' }, headers)
        return true
      }
      case 'reset':
        record.status = 'reset'
        // An RST rather than a FIN, so the client sees ECONNRESET as from a dropped connection.
        tcpSocketOf(req.socket).resetAndDestroy()
        return true
      case 'truncate': {
        const body = how.truncated()
        record.status = 'truncate'
        res.writeHead(
          how.okStatus,
          answerHeaders({
            'content-type': JSON_TYPE,
            'content-length': String(Buffer.byteLength(body))
          })
        )
        res.write(body.slice(0, Math.floor(body.length / 2)), () => {
          req.socket.destroy()
        })
        return true
      }
      case 'delay': {
        const timer = setTimeout(() => {
          timers.delete(timer)
          if (!res.destroyed) how.answer()
        }, slot.ms)
        timers.add(timer)
        return true
      }
      case 'hang':
        // record.status stays 'hang'; close() destroys the socket.
        return true
      case 'body':
        send(res, record, slot.status ?? how.okStatus, slot.body, slot.contentType ?? JSON_TYPE)
        return true
      case 'redirect':
        send(res, record, slot.status ?? 307, '', undefined, { location: slot.location })
        return true
      case 'not-found':
        sendJson(res, record, 404, { detail: 'Not Found' })
        return true
      case 'validation':
        sendJson(res, record, 422, { detail: slot.detail })
        return true
      default:
        return false
    }
  }

  function serveCheck(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    state: ConnectorState,
    method: 'POST' | 'GET'
  ): void {
    if (method === 'POST') state.posted = true
    const queue =
      method === 'POST' ? state.postFaults : state.posted ? state.getFaults : state.readFaults
    const slot = queue.shift()
    if (slot === undefined || slot === 'pass') {
      serveCheckNormally(res, record, state, method, undefined)
      return
    }
    const admitted = method === 'POST' && slot.afterCreate === true ? admitPost(state) : undefined
    const created = admitted !== undefined && 'check' in admitted ? admitted.check : undefined
    const okStatus = method === 'POST' ? 202 : 200

    const truncated = (): string => {
      const check = created ?? (method === 'GET' ? state.checks.at(-1) : undefined)
      return JSON.stringify(
        check !== undefined ? checkJson(check) : olderCheckJson(state, 'SCHEDULED')
      )
    }
    const answer = (): void => {
      serveCheckNormally(res, record, state, method, admitted)
    }
    if (sendFault(slot, req, res, record, { okStatus, truncated, answer })) return
    switch (slot.type) {
      case 'unknown-status':
        serveCheckNormally(res, record, state, method, admitted, slot.status)
        return
      case 'older-check': {
        const older = olderCheckJson(state, slot.status ?? 'SUCCESS')
        sendCheck(res, record, okStatus, state.id, older, 'older')
        return
      }
      case 'absurd-newer': {
        const absurd = absurdCheckJson(state, slot.when, slot.status ?? 'SUCCESS')
        sendCheck(res, record, okStatus, state.id, absurd, slot.when)
        return
      }
      case 'cached': {
        const date = httpDate(Date.now() - slot.ageMs, profile.dateForm)
        const age = String(Math.floor(slot.ageMs / 1000))
        serveCheckNormally(res, record, state, method, admitted, undefined, { date, age })
        return
      }
      case 'newer-check':
        createCheck(state, 'newer', {
          ending: slot.ending,
          durationMs: slot.durationMs,
          reason: slot.reason
        })
        serveCheckNormally(res, record, state, method, admitted)
        return
    }
  }

  /** Only a TCP socket can send an RST; under TLS that is the socket the TLS one wraps. */
  function tcpSocketOf(socket: Socket): Socket {
    if (options.tls === undefined) return socket
    for (const tcp of sockets) {
      if (tcp.remotePort === socket.remotePort && tcp.remoteAddress === socket.remoteAddress) {
        return tcp
      }
    }
    return socket
  }

  function workflowJson(workflow: WorkflowState): WorkflowJson {
    return {
      id: workflow.id,
      name: workflow.name,
      sources: workflow.sources,
      destinations: workflow.destinations,
      workflow_type: workflow.workflowType,
      workflow_nodes: [],
      schedule: null,
      status: workflow.status,
      created_at: workflow.createdAt,
      updated_at: null,
      reprocess_all: false,
      ...workflow.override
    }
  }

  function listAnswer(list: ListName, query: URLSearchParams): ListAnswer {
    if (list === 'workflows')
      return workflowPage([...workflows.values()].map(workflowJson), query, paging)
    const kind = list === 'sources' ? 'source' : 'destination'
    const entries: ConnectorJson[] = []
    for (const state of connectors.values()) {
      if (state.kind !== kind) continue
      entries.push({
        id: state.id,
        name: state.name,
        type: state.type,
        config: state.config,
        created_at: state.createdAt,
        updated_at: state.updatedAt
      })
    }
    return connectorList(entries, kind, query)
  }

  /** A list path: 307 without its slash, as FastAPI answers; else faults, then the list. */
  function serveList(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest,
    list: ListName,
    slash: boolean,
    url: URL
  ): void {
    if (!slash) {
      // Starlette's redirect_slashes: before any route runs, so before the key is looked at.
      const location = `${scheme}://${req.headers.host ?? '127.0.0.1'}${url.pathname}/${url.search}`
      send(res, record, 307, '', undefined, { location })
      return
    }
    if (req.method !== 'GET') {
      sendJson(res, record, 405, { detail: 'Method Not Allowed' }, { allow: 'GET' })
      return
    }
    const auth = authError(req)
    if (auth !== undefined) {
      sendJson(res, record, 401, { detail: auth })
      return
    }
    const answer = (): void => {
      const { status, body } = listAnswer(list, url.searchParams)
      sendJson(res, record, status, body)
    }
    const slot = listFaults.get(list)?.shift()
    if (slot === undefined || slot === 'pass') {
      answer()
      return
    }
    const truncated = (): string => JSON.stringify(listAnswer(list, url.searchParams).body)
    if (!sendFault(slot, req, res, record, { okStatus: 200, truncated, answer })) {
      // Every list fault is one that sendFault serves.
      throw new Error(`simulator: list fault ${slot.type} is not served`)
    }
  }

  /** True when the rate limiter refused the request (and answered it). */
  function rateLimited(
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedRequest
  ): boolean {
    if (limiter === undefined) return false
    const raw = req.headers['unstructured-api-key']
    const admission = limiter.admit(
      Array.isArray(raw) ? raw.join(', ') : (raw ?? ''),
      performance.now()
    )
    if (admission.ok) return false
    const seconds = admission.retryAfterSeconds
    const headers: Record<string, string> = {}
    const form = profile.rateLimit?.retryAfter ?? 'seconds'
    if (form === 'seconds') headers['retry-after'] = String(seconds)
    // An HTTP date counts whole seconds: rounded up, so it never names a moment too early.
    if (form === 'date') {
      headers['retry-after'] = httpDate(Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000)
    }
    sendJson(res, record, 429, { detail: 'Too Many Requests' }, headers)
    return true
  }

  function route(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): void {
    if (rateLimited(req, res, record)) return
    const url = new URL(req.url ?? '/', 'http://simulator.invalid')
    const path = url.pathname
    const firewall = profile.firewallPage
    if (
      firewall !== undefined &&
      (firewall.paths !== 'checks' || path.endsWith('/connection-check'))
    ) {
      send(res, record, firewall.status, firewallHtml(firewall), 'text/html; charset=UTF-8')
      return
    }
    const listPath = parseListPath(path)
    if (listPath !== undefined) {
      serveList(req, res, record, listPath.list, listPath.slash, url)
      return
    }
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
      sendJson(res, record, 200, workflowJson(workflow))
      return
    }

    const state = connectors.get(id)
    if (state?.kind !== target.kind) {
      sendJson(res, record, 404, { detail: `${kindTitle(target.kind)} ${id} not found` })
      return
    }
    if (target.target === 'connector') {
      const body = {
        id: state.id,
        name: state.name,
        type: state.type,
        config: state.config,
        created_at: state.createdAt,
        updated_at: state.updatedAt
      }
      const answer = (): void => {
        sendJson(res, record, 200, body)
      }
      const slot = state.infoFaults.shift()
      const truncated = (): string => JSON.stringify(body)
      if (slot !== undefined && slot !== 'pass') {
        if (sendFault(slot, req, res, record, { okStatus: 200, truncated, answer })) return
      }
      answer()
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

  const scheme = options.tls === undefined ? 'http' : 'https'
  const handleMain = (req: IncomingMessage, res: ServerResponse): void => {
    const record = recordOf(req)
    requests.push(record)
    // Answer only once the (unexpected) request body has been drained, as a real server does,
    // so the connection stays usable for keep-alive.
    req.on('end', () => {
      route(req, res, record)
    })
    req.resume()
  }
  const main =
    options.tls === undefined
      ? createServer(handleMain)
      : createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handleMain)
  const trap = createServer((req, res) => {
    const record = recordOf(req)
    trapRequests.push(record)
    req.on('end', () => {
      sendJson(res, record, 200, { trap: true })
    })
    req.resume()
  })
  main.keepAliveTimeout = profile.idleTimeoutMs ?? KEEP_ALIVE_MS
  trap.keepAliveTimeout = KEEP_ALIVE_MS
  for (const server of [main, trap]) trackSockets(server)

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
    url: `${scheme}://${options.hostname ?? '127.0.0.1'}:${mainPort}`,
    port: mainPort,
    profile,
    apiKey: firstKey,
    requests,
    trap: { url: `http://${trapHost}:${trapPort}`, requests: trapRequests },

    addConnector(id, behavior) {
      const canonical = canonicalUuid(id)
      if (canonical === undefined) throw new Error(`simulator: connector id ${id} is not a UUID`)
      const previous = connectors.get(canonical)
      const state: ConnectorState = {
        id: canonical,
        kind: behavior.kind,
        name: behavior.name ?? `sim-${behavior.kind}-${canonical.slice(0, 8)}`,
        type: behavior.type ?? (behavior.kind === 'source' ? 's3' : 'postgres'),
        checkDurationMs: behavior.checkDurationMs ?? 1000,
        ending: behavior.ending ?? 'SUCCESS',
        endings: [...(behavior.endings ?? [])],
        reason: behavior.reason !== undefined ? behavior.reason : 'simulated failure',
        config: { ...behavior.config },
        createdAt: previous?.createdAt ?? stamp(platformClockUs() - HOUR_US),
        updatedAt: previous?.updatedAt ?? null,
        // Re-adding a connector changes its behaviour but keeps its history.
        checks: previous?.checks ?? [],
        stale: previous?.stale,
        postFaults: [...(behavior.faults?.post ?? [])],
        getFaults: [...(behavior.faults?.get ?? [])],
        readFaults: [...(behavior.faults?.read ?? [])],
        infoFaults: [...(behavior.faults?.info ?? [])],
        posted: previous?.posted ?? false
      }
      if (stale !== undefined && state.stale === undefined) {
        state.stale = staleCheck(state, stale.ageMs ?? HOUR_MS, stale.status ?? 'SUCCESS')
      }
      connectors.set(canonical, state)
    },

    updateConnector(id, opts = {}) {
      const state = connectorOrThrow(id)
      if (opts.config !== undefined) state.config = { ...opts.config }
      state.updatedAt = stamp(platformClockUs() - Math.round((opts.agoMs ?? 0) * 1000))
      return state.updatedAt
    },

    addWorkflow(id, workflow) {
      const canonical = canonicalUuid(id)
      if (canonical === undefined) throw new Error(`simulator: workflow id ${id} is not a UUID`)
      workflows.set(canonical, {
        id: canonical,
        name: workflow.name ?? `sim-workflow-${canonical.slice(0, 8)}`,
        sources: [...workflow.sources],
        destinations: [...workflow.destinations],
        status: workflow.status ?? 'active',
        workflowType: workflow.workflowType ?? null,
        createdAt: stamp(platformClockUs() - HOUR_US),
        override: { ...workflow.override }
      })
    },

    setListFaults(list, faults) {
      listFaults.set(list, [...faults])
    },

    setFaults(id, faults) {
      const state = connectorOrThrow(id)
      state.postFaults = [...(faults.post ?? [])]
      state.getFaults = [...(faults.get ?? [])]
      state.readFaults = [...(faults.read ?? [])]
      state.infoFaults = [...(faults.info ?? [])]
    },

    addNewerCheck(id, opts) {
      return snapshot(createCheck(connectorOrThrow(id), 'newer', opts))
    },

    startCheck(id, opts) {
      const state = connectorOrThrow(id)
      const ageMs = opts?.ageMs ?? 0
      if (ageMs > 0) return snapshot(pastCheck(state, ageMs, opts ?? {}))
      return snapshot(createCheck(state, 'other', opts))
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
