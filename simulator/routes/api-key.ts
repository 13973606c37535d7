// The API key, sent in the unstructured-api-key header: every route but a redirect needs one.
import type { IncomingMessage } from 'node:http'
import type { Exchange } from '../http/answers.js'
import type { Context } from './context.js'

const KEY_SHAPE = /^[A-Za-z0-9_-]{8,}$/

/** The header as one string, however many times it was sent. */
export function apiKeyOf(req: IncomingMessage): string | undefined {
  const raw = req.headers['unstructured-api-key']
  return Array.isArray(raw) ? raw.join(', ') : raw
}

function keyError(key: string | undefined, valid: ReadonlySet<string>): string | undefined {
  if (key === undefined || key === '') {
    return 'API key is missing, please provide an API key in the header.'
  }
  if (!KEY_SHAPE.test(key)) {
    return 'API key is malformed, please type the API key correctly in the header.'
  }
  if (!valid.has(key)) {
    return 'API key is invalid, please provide a valid API key in the header.'
  }
  return undefined
}

/** False when the request has no valid key, and then it is answered 401 in the API's words. */
export function authorized(ctx: Context, ex: Exchange): boolean {
  const error = keyError(apiKeyOf(ex.req), ctx.apiKeys)
  if (error === undefined) return true
  ctx.answers.detail(ex, 401, error)
  return false
}
