// The simulator's public contract: what a test scripts (connectors, workflows, faults) and what
// it reads back (requests, checks, served answers). Re-exported by platform-simulator.ts.
import type { ListName } from './lists.js'
import type { PlatformProfile } from './profile.js'

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
