// The profile's rate limit, in front of every path as a gateway would be (before the firewall
// page and the key check): a request beyond it is answered 429.
import { performance } from 'node:perf_hooks'
import type { Exchange } from '../http/answers.js'
import { httpDate } from '../platform/clock.js'
import { apiKeyOf } from './api-key.js'
import type { Context } from './context.js'

/** True when the rate limiter refused the request (and answered it). */
export function rateLimited(ctx: Context, ex: Exchange): boolean {
  if (ctx.limiter === undefined) return false
  const admission = ctx.limiter.admit(apiKeyOf(ex.req) ?? '', performance.now())
  if (admission.ok) return false
  const seconds = admission.retryAfterSeconds
  const headers: Record<string, string> = {}
  const form = ctx.profile.rateLimit?.retryAfter ?? 'seconds'
  if (form === 'seconds') headers['retry-after'] = String(seconds)
  // An HTTP date counts whole seconds: rounded up, so it never names a moment too early.
  if (form === 'date') {
    headers['retry-after'] = httpDate(Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000)
  }
  ctx.answers.phrase(ex, 429, headers)
  return true
}
