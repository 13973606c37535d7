import type { Answer } from '../core/answer.js'
/**
 * Turns what users paste as `api-url` into the base that the endpoint paths hang off.
 * The docs say `https://platform.unstructuredapp.io/api/v1`, the OpenAPI server lacks the
 * prefix, and both come with or without a trailing slash: all four mean the same API.
 */

const API_PREFIX = '/api/v1'

export interface ApiBase {
  /** e.g. https://platform.unstructuredapp.io/api/v1 (never a trailing slash) */
  base: string
  /** The host (with a port when one is given), for log lines. */
  host: string
}

/** Loopback is the only place plain http is allowed: the key must not cross a network in clear. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (host === 'localhost' || host === '[::1]') return true
  // WHATWG URL parsing already normalised forms such as 127.1 to dotted quads.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

/**
 * The value with every possible userinfo part replaced by `***`, for messages: everything
 * between the scheme and the last `@`. Done on the raw text, because what the URL parser takes
 * for a password (`https:alice:pw@host`, one with a space, `/` or `@` in it, or a value it
 * rejects) is not something a pattern on the parsed form can be trusted to find.
 */
export function redactUserinfo(raw: string): string {
  const at = raw.lastIndexOf('@')
  if (at === -1) return raw
  // Only a scheme this action knows is kept: in `alice:pw@host`, "alice:" is no scheme.
  const scheme = /^\s*https?:[/\\]*/i.exec(raw)?.[0] ?? ''
  return `${scheme}***${raw.slice(at)}`
}

/** Returns the API base, or a sentence saying what is wrong with the value (never throws). */
export function parseApiUrl(raw: string): Answer<ApiBase, string> {
  // An API's base URL has no use for `@`; where one is, a user name or password may be too.
  if (raw.includes('@')) return { ok: false, problem: 'must not contain a user name or password' }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, problem: 'is not a valid URL' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: `must use https (got ${url.protocol.replace(/:$/, '')})` }
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      problem: 'must use https; plain http is only allowed for localhost, 127.0.0.0/8 and [::1]'
    }
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, problem: 'must not contain a user name or password' }
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, problem: 'must not contain a query string or fragment' }
  }
  let path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '')
  if (path.toLowerCase().endsWith(API_PREFIX)) path = path.slice(0, -API_PREFIX.length)
  return { ok: true, value: { base: `${url.origin}${path}${API_PREFIX}`, host: url.host } }
}
