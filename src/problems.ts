/**
 * Everything that can stop a check short of a platform verdict, as plain values with a kind.
 * They are created where the facts are known (input parsing, response classification, the wait
 * loop) and turned into words and an outcome in one place: verdict.ts.
 */
export type Problem =
  | { kind: 'invalid-input'; input: string; message: string }
  | { kind: 'validation'; status: number; items: string[] }
  | { kind: 'unauthorized'; status: number; detail: string | undefined }
  | { kind: 'not-found'; status: number; detail: string | undefined }
  | { kind: 'redirect'; status: number; location: string | undefined }
  | { kind: 'rejected'; status: number; detail: string | undefined }
  | TransientProblem
  /** A 2xx answer that is JSON of another shape where that cannot be a blip (an API change). */
  | { kind: 'malformed'; status: number; reason: string }
  | { kind: 'timeout'; lastTransient: string | undefined }
  | { kind: 'cancelled'; signal: string | undefined }

/** A failure worth retrying: the network, 408, 429, 5xx, or a 2xx body that is not a check. */
export interface TransientProblem {
  kind: 'transient'
  status: number | undefined
  /** Short and log-safe, e.g. "connection refused" or "HTTP 503". */
  reason: string
  retryAfterMs: number | undefined
}

/** A transient problem; `retryAfterMs` only where the server said when to come back. */
export function transient(
  status: number | undefined,
  reason: string,
  retryAfterMs?: number
): TransientProblem {
  return { kind: 'transient', status, reason, retryAfterMs }
}

/** Thrown only by input parsing, where one bad input ends everything before any request. */
export class InvalidInputError extends Error {
  readonly problem: Problem

  constructor(input: string, message: string) {
    super(message)
    this.name = 'InvalidInputError'
    this.problem = { kind: 'invalid-input', input, message }
  }
}
