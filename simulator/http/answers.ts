// How the simulator writes an answer: the headers every answer carries under the profile, the
// status recorded in the request log, and the log of every check put in a 2xx answer.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import type { RecordedRequest, ServedCheck } from '../contract.js'
import { httpDate } from '../platform/clock.js'
import type { CheckJson } from '../platform/state.js'
import type { PlatformProfile } from '../profile.js'

export const JSON_TYPE = 'application/json'

/** '404 Not Found': the title of the HTML pages that a proxy in front of the API serves. */
export function statusTitle(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? 'Error'}`
}

/** One request, its response, and its entry in the request log. */
export interface Exchange {
  req: IncomingMessage
  res: ServerResponse
  record: RecordedRequest
}

export interface Answers {
  /** The headers every answer carries, over the ones given. */
  headers(headers: Record<string, string>): Record<string, string>
  send(
    ex: Exchange,
    status: number,
    body: string,
    contentType: string | undefined,
    headers?: Record<string, string>
  ): void
  json(ex: Exchange, status: number, value: unknown, headers?: Record<string, string>): void
  /** `{ detail }`, the shape of every error the API answers. */
  detail(ex: Exchange, status: number, detail: unknown, headers?: Record<string, string>): void
  /** The reason phrase as the detail, as Starlette answers its own errors. */
  phrase(ex: Exchange, status: 404 | 405 | 429, headers?: Record<string, string>): void
  /** A check, logged as served; `fake` for one that was never stored. */
  check(
    ex: Exchange,
    status: number,
    connectorId: string,
    check: CheckJson,
    fake?: ServedCheck['fake'],
    headers?: Record<string, string>
  ): void
}

export function answersFor(profile: Readonly<PlatformProfile>, served: ServedCheck[]): Answers {
  /**
   * Node adds Date itself, from its clock, unless the answer has one (a cached answer) or the
   * profile asks for another form.
   */
  function headers(given: Record<string, string>): Record<string, string> {
    const dated =
      profile.dateForm === undefined || 'date' in given
        ? given
        : { ...given, date: httpDate(Date.now(), profile.dateForm) }
    return profile.connectionClose === true ? { ...dated, connection: 'close' } : dated
  }

  function send(
    ex: Exchange,
    status: number,
    body: string,
    contentType: string | undefined,
    extra: Record<string, string> = {}
  ): void {
    ex.record.status = status
    const head: Record<string, string> = headers({
      ...extra,
      'content-length': String(Buffer.byteLength(body))
    })
    if (contentType !== undefined) head['content-type'] = contentType
    ex.res.writeHead(status, head)
    ex.res.end(body)
  }

  function json(ex: Exchange, status: number, value: unknown, extra?: Record<string, string>) {
    send(ex, status, JSON.stringify(value), JSON_TYPE, extra)
  }

  function detail(ex: Exchange, status: number, text: unknown, extra?: Record<string, string>) {
    json(ex, status, { detail: text }, extra)
  }

  return {
    headers,
    send,
    json,
    detail,
    phrase(ex, status, extra) {
      detail(ex, status, STATUS_CODES[status], extra)
    },
    check(ex, status, connectorId, check, fake, extra) {
      served.push({
        connectorId,
        checkId: check.id,
        status: check.status,
        createdAt: check.created_at,
        method: ex.record.method,
        at: performance.now(),
        ...(fake === undefined ? {} : { fake })
      })
      json(ex, status, check, extra)
    }
  }
}
