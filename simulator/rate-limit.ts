// A rate limiter in front of the simulated API: a token bucket per API key, as a gateway
// (nginx `limit_req`, an API gateway's usage plan) keeps one, answering 429 when it is empty.
/**
 * `ratePerSecond` tokens are added each second, up to 1 + `burst`; each request takes one, and
 * one that finds less than a whole token is refused with 429. Burst 0 is nginx's `limit_req`
 * with `burst=0`: a request only passes 1 / rate seconds after the last one that passed.
 */
export interface RateLimit {
  ratePerSecond: number
  burst: number
  /**
   * The 429's Retry-After: whole seconds until a token is back (default), the same as an HTTP
   * date, or none at all (as nginx sends).
   */
  retryAfter?: 'seconds' | 'date' | 'none'
}

/** What the limiter decided: pass, or refuse until a token is back, in whole seconds. */
export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number }

export interface RateLimiter {
  admit(key: string, nowMs: number): Admission
}

export function rateLimiter(limit: RateLimit): RateLimiter {
  if (!(limit.ratePerSecond > 0) || !Number.isFinite(limit.ratePerSecond)) {
    throw new Error('rate limit: ratePerSecond must be a positive number')
  }
  if (!Number.isInteger(limit.burst) || limit.burst < 0) {
    throw new Error('rate limit: burst must be a whole number from 0')
  }
  const capacity = 1 + limit.burst
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    admit(key, nowMs) {
      const bucket = buckets.get(key) ?? { tokens: capacity, at: nowMs }
      bucket.tokens = Math.min(
        capacity,
        bucket.tokens + (limit.ratePerSecond * Math.max(0, nowMs - bucket.at)) / 1000
      )
      bucket.at = nowMs
      buckets.set(key, bucket)
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return { ok: true }
      }
      const waitMs = ((1 - bucket.tokens) / limit.ratePerSecond) * 1000
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
    }
  }
}
