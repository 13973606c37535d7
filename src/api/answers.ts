// What each call's answer must be, and how the outcome of a request becomes an Answer. With the
// schemas it brings in zod, so PlatformClient imports it when the first answer comes back:
// nothing before the first request needs it, and loading it cost a tenth of start-up.
import { getProxyUrl } from '@actions/http-client'
import type { Answer } from '../core/answer.js'
import type { ConnectorInfo } from '../core/connector.js'
import { noAnswer, transient } from '../core/problem.js'
import { seconds } from '../core/text.js'
import {
  cacheAge,
  classifyResponse,
  serverDate,
  type Expected,
  type RawResponse
} from './classify.js'
import {
  ConnectionCheckSchema,
  ConnectorInfoSchema,
  ConnectorListSchema,
  WorkflowConnectorsSchema,
  WorkflowListSchema,
  type ConnectionCheck,
  type ListedConnector,
  type ListedWorkflow,
  type WorkflowConnectors
} from './schemas.js'
import type { Sent } from './transport.js'

/** What one call's 2xx answer must be, and what the answer's headers add to the value. */
export interface Reading<T> extends Expected<T> {
  annotate?: (value: T, response: RawResponse) => T
}

/**
 * The server's Date header, for the coarse sanity bound on a newer check's age and the age of a
 * check to reuse, and the Age header that says a cache answered, not the server.
 */
function withServerDate(check: ConnectionCheck, response: RawResponse): ConnectionCheck {
  const date = serverDate(response)
  const age = cacheAge(response)
  return {
    ...check,
    ...(date === undefined ? {} : { serverDateMs: date }),
    ...(age === undefined ? {} : { cacheAgeSeconds: age })
  }
}

/** The Age header, which says a cache answered: an updated_at it holds may be out of date. */
function withCacheAge(info: ConnectorInfo, response: RawResponse): ConnectorInfo {
  const age = cacheAge(response)
  return age === undefined ? info : { ...info, cacheAgeSeconds: age }
}

export const CHECK: Reading<ConnectionCheck> = {
  schema: ConnectionCheckSchema,
  name: 'a connection check',
  describe: (check) => `${check.status} (check ${check.id})`,
  annotate: withServerDate
}
export const WORKFLOW: Reading<WorkflowConnectors> = {
  schema: WorkflowConnectorsSchema,
  name: 'a workflow',
  shapeIsFinal: true
}
export const CONNECTOR: Reading<ConnectorInfo> = {
  schema: ConnectorInfoSchema,
  name: 'a connector',
  shapeIsFinal: true,
  annotate: withCacheAge
}
export const CONNECTOR_LIST: Reading<ListedConnector[]> = {
  schema: ConnectorListSchema,
  name: 'a list of connectors',
  describe: (list) => `${list.length} connectors`,
  shapeIsFinal: true
}
export const WORKFLOW_LIST: Reading<ListedWorkflow[]> = {
  schema: WorkflowListSchema,
  name: 'a list of workflows',
  describe: (list) => `${list.length} workflows`,
  shapeIsFinal: true
}

/** What a request's outcome means: the answer read as `reading` says, or why there is none. */
export function readAnswer<T>(
  sent: Sent,
  reading: Reading<T>,
  timeoutMs: number,
  now: number,
  url: string
): Answer<T> {
  const result = interpret(sent, reading, timeoutMs, now, url)
  if (!result.ok || !sent.ok || reading.annotate === undefined) return result
  return { ok: true, value: reading.annotate(result.value, sent.value) }
}

function interpret<T>(
  sent: Sent,
  expected: Expected<T>,
  timeoutMs: number,
  now: number,
  url: string
): Answer<T> {
  if (sent.ok) return classifyResponse(sent.value, expected, now)
  switch (sent.problem.failure) {
    case 'aborted':
      return { ok: false, problem: { kind: 'cancelled', signal: undefined } }
    case 'timed-out': {
      const reason = `no answer within ${seconds(timeoutMs)}`
      // Begun but not finished in time: the host answered, and a POST may have created a check.
      if (sent.problem.answered)
        return { ok: false, problem: transient(undefined, `${reason} (cut off)`) }
      // Not counted as a host that never answered: one that is connected but slow would then be
      // given up on as a typo in api-url.
      return { ok: false, problem: { ...transient(undefined, reason), timedOut: true } }
    }
    case 'network':
      if (sent.problem.tlsCode !== undefined) {
        return {
          ok: false,
          problem: { kind: 'tls', code: sent.problem.tlsCode, host: new URL(url).host }
        }
      }
      if (sent.problem.proxyStatus !== undefined && refusesForGood(sent.problem.proxyStatus)) {
        return {
          ok: false,
          problem: {
            kind: 'proxy-refused',
            proxy: proxyHost(url),
            status: sent.problem.proxyStatus
          }
        }
      }
      return {
        ok: false,
        problem: sent.problem.answered
          ? transient(undefined, sent.problem.reason)
          : noAnswer(sent.problem.reason)
      }
  }
}

/** A proxy's 4xx to CONNECT is its policy (403, 407 for credentials), except 408 and 429. */
function refusesForGood(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429
}

/** host:port of the proxy the client uses for `url`; never its credentials. */
function proxyHost(url: string): string {
  try {
    const proxy = new URL(getProxyUrl(url))
    return proxy.port === '' ? proxy.hostname : `${proxy.hostname}:${proxy.port}`
  } catch {
    return 'the proxy'
  }
}
