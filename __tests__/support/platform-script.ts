import type { Connector } from '../../src/core/connector.js'
import type { Problem } from '../../src/core/problem.js'
import type { VirtualClock } from './fake-clock.js'

// What a test tells the fake platform (fake-platform.ts): its connectors, the check each has
// before the step, what each POST does, how checks evolve over time, and which calls fail how.

/** How long a call takes on the platform's clock, unless a fault says otherwise. */
export const PLATFORM_LATENCY_MS = 6

/** Clock time 0, the step's start, on the runner's wall clock. */
export const STEP_START_EPOCH_MS = Date.UTC(2026, 10, 28, 12, 0, 0)

/** A connection check: SCHEDULED until it turns final, if it ever does. */
export interface CheckScript {
  /** How long after its creation it turns final; undefined: never. */
  decidesAfterMs: number | undefined
  /** Its final status (default SUCCESS). */
  status?: 'SUCCESS' | 'FAILURE'
  /** A FAILURE's reason (default null, as the API may give). */
  reason?: string | null
}

/** A check that passes `afterMs` after it is created. */
export function passes(afterMs: number): CheckScript {
  return { decidesAfterMs: afterMs, status: 'SUCCESS' }
}

/** A check that fails `afterMs` after it is created. */
export function fails(
  afterMs: number,
  reason: string | null = 'failed to validate connection'
): CheckScript {
  return { decidesAfterMs: afterMs, status: 'FAILURE', reason }
}

/** A check that is never decided. */
export const NEVER_DECIDES: CheckScript = { decidesAfterMs: undefined }

/** What the platform answers instead of its usual answer. */
export type Fault =
  /** An error answer of the API's own: `{"detail": ...}` with this status. */
  | { status: number; detail?: string; retryAfterSeconds?: number; tookMs?: number }
  /** No HTTP answer: what the client's transport made of it (see noAnswer). */
  | { problem: Problem; tookMs?: number }

/** A request that got no answer at all, as the client reports it (refused, DNS). */
export function noAnswer(reason = 'connect ECONNREFUSED'): Fault {
  return {
    problem: {
      kind: 'transient',
      status: undefined,
      reason,
      retryAfterMs: undefined,
      noAnswer: true
    }
  }
}

/** One POST: the check it creates, if any, and the error it answers with, if any. */
export interface PostScript {
  creates?: CheckScript
  /** Answered instead of the check: with `creates`, a check started whose answer was lost. */
  answer?: Fault
}

export interface ConnectorScript {
  connector: Connector
  name?: string
  type?: string
  /**
   * updated_at, in ms from the step's start on the platform's clock (negative: before it); null
   * for never updated. A key given as undefined: an answer without it. No key: a day before.
   */
  updatedAtMs?: number | null | undefined
  /** The latest check before the step began, created `createdAtMs` from the step's start. */
  prior?: CheckScript & { createdAtMs: number }
  /** What each POST does, in turn, the last one again and again. Default: passes after 3 s. */
  posts?: PostScript[]
  /** An answer in place of the usual one, for some calls (a 503 for the polls, say). */
  fault?: (call: CallInfo) => Fault | undefined
}

export interface WorkflowScript {
  id: string
  name: string
  sources: string[]
  destinations: string[]
}

export interface PlatformOptions {
  connectors: ConnectorScript[]
  workflows?: WorkflowScript[]
  /** How far the platform's clock is ahead of the runner's (behind, when negative). */
  skewMs?: number
  latencyMs?: number
  /** A fault for every call, before the connector's own (a host that never answers, a 401). */
  fault?: (call: CallInfo) => Fault | undefined
  clock?: VirtualClock
}

export type Endpoint =
  'connection-check' | 'connector' | 'connector-list' | 'workflow' | 'workflow-list'

/** A call as a fault sees it, before it is answered. */
export interface CallInfo {
  method: 'GET' | 'POST'
  endpoint: Endpoint
  /** The connector's or workflow's id, the list's kind, or the workflow list's page. */
  target: string
  path: string
  /** Clock time it was sent at. */
  at: number
  /** Calls of this method to this endpoint and target before this one. */
  n: number
}

/** A call as the platform recorded it. */
export interface PlatformCall extends CallInfo {
  /** Which client sent it, counted from 0 in the order connect() made them. */
  client: number
  /** The HTTP status, or the transport problem's kind. */
  outcome: string
}

/** The platform's way of writing a moment: ISO 8601, microseconds, `+00:00`. */
export function platformTimestamp(epochMs: number): string {
  const ms = Math.floor(epochMs)
  const micros = Math.floor((epochMs - ms) * 1000)
  return `${new Date(ms).toISOString().slice(0, -1)}${String(micros).padStart(3, '0')}+00:00`
}
