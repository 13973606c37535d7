import type { z } from 'zod'
import { transient, type ForeignAnswer } from '../core/problem.js'
import { oneLine } from '../core/text.js'
import { httpStatusText } from './http-status.js'
import { ErrorBodySchema } from './schemas.js'
import type { Answer } from '../core/answer.js'

/** What came back over the wire, before any meaning is given to it. */
export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** What a 2xx body must be: its schema, its name for messages, a short form for debug logs. */
export interface Expected<T> {
  schema: z.ZodType<T>
  name: string
  describe?: (value: T) => string
  /** JSON of another shape is an API change, not a blip: it ends the work instead of a retry. */
  shapeIsFinal?: boolean
}

/**
 * Gives an answer its meaning. Pure: the wall clock is passed in only to read a Retry-After
 * given as an HTTP date.
 */
export function classifyResponse<T>(
  response: RawResponse,
  expected: Expected<T>,
  nowEpochMs: number
): Answer<T> {
  const { status } = response
  if (status >= 200 && status < 300) {
    const parsed = parseBody(response.body, expected.schema)
    if (parsed.ok) return { ok: true, value: parsed.value }
    const reason = `the answer was not ${expected.name} (${parsed.problem.why})`
    // A web page where an API answer belongs (an `api-url` pointing at the web app) is no blip
    // either; an empty or cut-off body may be.
    const final = parsed.problem.json || parsed.problem.why === 'an HTML page'
    if (final && expected.shapeIsFinal === true) {
      return { ok: false, problem: { kind: 'malformed', status, reason } }
    }
    return { ok: false, problem: transient(status, reason) }
  }
  if (status >= 300 && status < 400) {
    const location = header(response, 'location')
    return { ok: false, problem: { kind: 'redirect', status, location: hostOf(location) } }
  }
  if (status === 401 || status === 403 || status === 404) {
    // A firewall, CDN or corporate proxy answers these too, with a page of its own: saying "key
    // rejected" or "connector not found" then would send the user the wrong way.
    if (errorBody(response)?.success !== true) {
      return { ok: false, problem: foreignAnswer(response) }
    }
    const detail = detailText(response)
    return {
      ok: false,
      problem:
        status === 404
          ? { kind: 'not-found', status, detail }
          : { kind: 'unauthorized', status, detail }
    }
  }
  if (status === 422) {
    return { ok: false, problem: { kind: 'validation', status, items: validationItems(response) } }
  }
  if (status === 408 || status === 429 || status >= 500 || status < 200) {
    const retryAfterMs = parseRetryAfter(header(response, 'retry-after'), nowEpochMs)
    return { ok: false, problem: transient(status, httpStatusText(status), retryAfterMs) }
  }
  return { ok: false, problem: { kind: 'rejected', status, detail: detailText(response) } }
}

/** The value, or a few words on why the body is not one (and whether it was JSON at all). */
function parseBody<T>(
  body: string,
  schema: z.ZodType<T>
): Answer<T, { why: string; json: boolean }> {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    if (body.trim() === '') return { ok: false, problem: { why: 'empty body', json: false } }
    const why = body.trimStart().startsWith('<') ? 'an HTML page' : 'invalid JSON'
    return { ok: false, problem: { why, json: false } }
  }
  const parsed = schema.safeParse(json)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  const field = issue?.path.join('.') ?? ''
  return {
    ok: false,
    problem: {
      why:
        field === '' ? 'not a JSON object' : `field '${field}' ${issue?.message ?? 'is invalid'}`,
      json: true
    }
  }
}

/** What can be told about an error answer that is not the API's: status, type, page title. */
function foreignAnswer(response: RawResponse): ForeignAnswer {
  const contentType = header(response, 'content-type')?.split(';')[0]?.trim()
  const title = pageTitle(response.body)
  return {
    kind: 'foreign-answer',
    status: response.status,
    contentType: contentType === '' ? undefined : contentType,
    // Whole: it is cut only once the key has been redacted from it, or a cut could split the key.
    title: title === undefined || title.trim() === '' ? undefined : decodeEntities(title)
  }
}

/** Where a page's <title> is looked for: it sits in the head, near the start. */
const TITLE_SEARCH_CHARS = 16 * 1024

/** The text of the first <title> element near the start of a page; linear in its length. */
function pageTitle(body: string): string | undefined {
  const head = body.slice(0, TITLE_SEARCH_CHARS)
  const lower = head.toLowerCase()
  const open = lower.indexOf('<title')
  if (open < 0) return undefined
  const start = lower.indexOf('>', open)
  const end = start < 0 ? -1 : lower.indexOf('</title', start)
  return end < 0 ? undefined : head.slice(start + 1, end)
}

/** The few entities that page titles use ("Attention Required! &#124; Cloudflare"). */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) {
      return safeCodePoint(Number.parseInt(entity.slice(2), 16)) ?? whole
    }
    if (entity.startsWith('#')) return safeCodePoint(Number(entity.slice(1))) ?? whole
    return named[entity.toLowerCase()] ?? whole
  })
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : undefined
}

function header(response: RawResponse, name: string): string | undefined {
  const value = response.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function hostOf(location: string | undefined): string | undefined {
  if (location === undefined) return undefined
  try {
    // A relative Location stays on the same host; report it as a path then.
    return new URL(location).host || location
  } catch {
    return location
  }
}

function errorBody(
  response: RawResponse
): ReturnType<typeof ErrorBodySchema.safeParse> | undefined {
  try {
    return ErrorBodySchema.safeParse(JSON.parse(response.body))
  } catch {
    return undefined
  }
}

/** The string `detail` of an error body, on one line (reporting caps its length). */
function detailText(response: RawResponse): string | undefined {
  const parsed = errorBody(response)
  if (!parsed?.success) return undefined
  const { detail } = parsed.data
  const text = typeof detail === 'string' ? detail : detail.map(formatItem).join('; ')
  return oneLine(text)
}

/** Every item of a 422 as "loc: msg"; a plain-string detail is one item. */
function validationItems(response: RawResponse): string[] {
  const parsed = errorBody(response)
  if (!parsed?.success) return []
  const { detail } = parsed.data
  if (typeof detail === 'string') return [oneLine(detail)]
  return detail.map((item) => oneLine(formatItem(item)))
}

function formatItem(item: { loc?: (string | number)[] | undefined; msg: string }): string {
  const loc = item.loc?.join('.') ?? ''
  return loc === '' ? item.msg : `${loc}: ${item.msg}`
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowEpochMs: number): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000
  const at = parseHttpDate(text)
  return at === undefined ? undefined : Math.max(0, at - nowEpochMs)
}

/** The server's `Date` header as epoch ms; undefined when absent or unreadable. */
export function serverDate(response: RawResponse): number | undefined {
  const value = header(response, 'date')
  return value === undefined ? undefined : parseHttpDate(value.trim())
}

/**
 * The Age header (RFC 9111) in seconds: a cache served the answer that long after the server
 * made it. NaN when present but not a number of seconds; undefined when absent.
 */
export function cacheAge(response: RawResponse): number | undefined {
  const value = header(response, 'age')?.trim()
  if (value === undefined) return undefined
  return /^\d+$/.test(value) ? Number(value) : Number.NaN
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH = MONTHS.join('|')
const DAY = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun'
const DAY_NAME = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})'
// The three forms of RFC 9110 section 5.6.7, case-sensitive as it says: day, month, year, time.
const IMF_FIXDATE = new RegExp(`^(?:${DAY}), (\\d{2}) (${MONTH}) (\\d{4}) ${TIME} GMT$`)
const RFC_850 = new RegExp(`^(?:${DAY_NAME}), (\\d{2})-(${MONTH})-(\\d{2}) ${TIME} GMT$`)
const ASCTIME = new RegExp(`^(?:${DAY}) (${MONTH}) ( \\d|\\d{2}) ${TIME} (\\d{4})$`)

/**
 * An HTTP date in one of the three forms of RFC 9110 (IMF-fixdate "Sun, 06 Nov 1994 08:49:37
 * GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT", asctime "Sun Nov  6 08:49:37 1994"), always
 * GMT. Read by hand with Date.UTC: Date.parse takes other strings too ("7", "-1") and reads a
 * zone-less one in the runner's own time zone. RFC 850's two-digit year is 19yy from 50 and 20yy
 * below (RFC 5322's rule: fixed, so the result needs no clock). The weekday is not checked.
 */
export function parseHttpDate(text: string): number | undefined {
  const fix = IMF_FIXDATE.exec(text)
  if (fix !== null) {
    const [, day, month, year, hour, minute, second] = fix
    return utcDate(year, month, day, hour, minute, second)
  }
  const old = RFC_850.exec(text)
  if (old !== null) {
    const [, day, month, yy, hour, minute, second] = old
    const twoDigits = Number(yy)
    const year = String(twoDigits + (twoDigits >= 50 ? 1900 : 2000))
    return utcDate(year, month, day, hour, minute, second)
  }
  const asc = ASCTIME.exec(text)
  if (asc !== null) {
    const [, month, day, hour, minute, second, year] = asc
    return utcDate(year, month, day?.trim(), hour, minute, second)
  }
  return undefined
}

/** Epoch ms of a date and time of day read as UTC; undefined when either is not a real one. */
function utcDate(...parts: (string | undefined)[]): number | undefined {
  const [year, monthName, day, hour, minute, second] = parts
  const month = MONTHS.indexOf(monthName ?? '')
  const [y, d, h, mi, s] = [year, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number
  ]
  // The grammar allows a leap second (:60); it counts as the first second of the next minute.
  if (month < 0 || h > 23 || mi > 59 || s > 60 || d < 1) return undefined
  const midnight = Date.UTC(y, month, d)
  // Date.UTC rolls 31 Feb over into March; a real date never needs that.
  if (new Date(midnight).getUTCDate() !== d) return undefined
  return midnight + ((h * 60 + mi) * 60 + s) * 1000
}
