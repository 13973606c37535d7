import type { ConnectorKind, ConnectorNames } from './connector.js'

/**
 * Everything that can stop a check short of a platform verdict, as plain values with a kind.
 * They are created where the facts are known (input parsing, response classification, the wait
 * loop) and turned into words and an outcome in one place: verdict.ts.
 */
/**
 * How a network error says that DNS has no such host name (ENOTFOUND): a wrong `api-url`
 * rather than an outage.
 */
export const HOST_NAME_NOT_FOUND = 'host name not found (DNS)'

export type Problem =
  | { kind: 'invalid-input'; input: string; message: string }
  | { kind: 'validation'; status: number; items: string[] }
  | { kind: 'unauthorized'; status: number; detail: string | undefined }
  | NotFound
  | { kind: 'redirect'; status: number; location: string | undefined }
  | { kind: 'rejected'; status: number; detail: string | undefined }
  | ForeignAnswer
  | { kind: 'tls'; code: string; host: string }
  | { kind: 'proxy-refused'; proxy: string; status: number | undefined }
  | { kind: 'unreachable'; host: string; lastReason: string; waitedMs: number }
  | StaleAnswer
  /** Each answered POST started nothing to follow, each for the reason given, in order. */
  | { kind: 'unusable-answers'; answers: string[] }
  | TransientProblem
  /** A 2xx answer that is JSON of another shape where that cannot be a blip (an API change). */
  | { kind: 'malformed'; status: number; reason: string }
  | TimeoutProblem
  | NotStarted
  | { kind: 'cancelled'; signal: string | undefined }
  /** Names or patterns that did not each find what they must, all of them at once. */
  | { kind: 'unresolved-names'; items: NameProblem[] }

/** A 404: no such connector, check, workflow or path. */
export interface NotFound {
  kind: 'not-found'
  status: number
  detail: string | undefined
  /**
   * An id given as one kind that the API knows as the other (a source's id as destination-id):
   * that connector, named when the API told its name. Still not found as the kind given.
   */
  otherKind?: { kind: ConnectorKind; names: ConnectorNames | undefined }
}

/** What a name is looked up among. */
export type NameTarget = 'source' | 'destination' | 'workflow'

/** One line of a `-name` input that did not resolve. */
export type NameProblem =
  | {
      match: 'none'
      /** The input it came from, e.g. 'source-name'. */
      input: string
      target: NameTarget
      /** The line as given (trimmed). */
      name: string
      pattern: boolean
      /** Up to three names of the same kind, closest first. */
      closest: string[]
      /** How many of that kind the workspace has, and of which types (most common first). */
      total: number
      types: { type: string; count: number }[]
    }
  | {
      /** A plain name that several share: the user must pin one by id. */
      match: 'several'
      input: string
      target: NameTarget
      name: string
      ids: string[]
    }

/** Every answered POST gave a check that was already final: no new check could be told apart. */
export interface StaleAnswer {
  kind: 'stale-answer'
  checkId: string
  status: string
  reportedAt: string | null
  /** The first such answer's check, when it was another one. */
  firstCheckId?: string
  /** How many POSTs were answered so: one when no time was left to ask again. */
  answers: number
}

/** A 401, 403 or 404 whose body is not the API's `{"detail": ...}`: a firewall, CDN or proxy. */
export interface ForeignAnswer {
  kind: 'foreign-answer'
  status: number
  contentType: string | undefined
  /** The HTML page's <title>, on one line, if it had one. */
  title: string | undefined
}

/** The deadline passed with no verdict. */
export interface TimeoutProblem {
  kind: 'timeout'
  /** The last error, if nothing has answered since. */
  lastTransient: string | undefined
  /**
   * The last error the API (or a gateway in front of it) answered, and how long before the
   * deadline: later requests may have got no answer at all.
   */
  lastAnswer?: { reason: string; beforeDeadlineMs: number }
}

/**
 * The connector's turn in the queue came too late: the time left could not cover a check, so
 * none was started.
 */
export interface NotStarted {
  kind: 'not-started'
  /** Connectors in the step, and how many are checked at once. */
  connectors: number
  maxConcurrency: number
  /** How long the queue needs by the connectors' last checks, when any is known. */
  queueMs: number | undefined
  /** The connector's last check's run time, when known. */
  priorMs: number | undefined
  /** Time left before the deadline when its turn came. */
  leftMs: number
}

/** A failure worth retrying: the network, 408, 429, 5xx, or a 2xx body that is not a check. */
export interface TransientProblem {
  kind: 'transient'
  status: number | undefined
  /** Short and log-safe, e.g. "connection refused" or "HTTP 503". */
  reason: string
  retryAfterMs: number | undefined
  /**
   * True when nothing came back from the host at all (DNS, refused, reset before a status line,
   * no answer in time): such failures count towards giving up on a host that never answered.
   */
  noAnswer?: boolean
  /** True when the request ran out of time: the host may be slow or out of reach, who knows. */
  timedOut?: boolean
}

/** A transient problem; `retryAfterMs` only where the server said when to come back. */
export function transient(
  status: number | undefined,
  reason: string,
  retryAfterMs?: number
): TransientProblem {
  return { kind: 'transient', status, reason, retryAfterMs }
}

/** A transient failure in which the host gave no answer at all. */
export function noAnswer(reason: string): TransientProblem {
  return { kind: 'transient', status: undefined, reason, retryAfterMs: undefined, noAnswer: true }
}
