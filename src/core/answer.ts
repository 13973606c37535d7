import type { Problem } from './problem.js'

/**
 * The one shape of what can fail without throwing: a value, or what stood in its way (a Problem
 * with a kind unless the caller's failures are simpler). Narrowed by `ok`.
 */
export type Answer<T, P = Problem> = { ok: true; value: T } | { ok: false; problem: P }
