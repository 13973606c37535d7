import type { IncomingMessage } from 'node:http'
import { getProxyUrl, HttpClient } from '@actions/http-client'
import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import { HOST_NAME_NOT_FOUND } from '../core/problem.js'
import type { Answer } from '../core/answer.js'
import type { RawResponse } from './classify.js'
import { proxyEndpoint, TunnelAgent, type ProxyEndpoint } from './tunnel-agent.js'

/** Why a request got no whole answer, and whether the host answered at all. */
export type SendFailure =
  | { failure: 'timed-out' | 'aborted'; answered: boolean }
  | ({ failure: 'network'; answered: boolean } & NetworkError)

export type Sent = Answer<RawResponse, SendFailure>

/** A request that failed below HTTP, in log-safe words and the facts that decide what follows. */
export interface NetworkError {
  reason: string
  /** Set when the server's certificate (or TLS itself) was the problem: retrying cannot help. */
  tlsCode?: string
  /** Set when a proxy refused the tunnel with this status (e.g. 403, 407). */
  proxyStatus?: number
}

export interface SendOptions {
  timeoutMs: number
  signal: AbortSignal
  /** The longest answer read; BODY_LIMIT_BYTES unless the call expects more (a list). */
  bodyLimitBytes?: number
}

export const BODY_LIMIT_BYTES = 1024 * 1024

/** Connections idle longer than this are not reused (uvicorn's keep-alive timeout is 5 s). */
export const IDLE_REUSE_LIMIT_MS = 4_000

/**
 * HTTP for one API host, on @actions/http-client (which honours the runner's proxy settings).
 *
 * The client takes no AbortSignal and its socket timer is an inactivity timer, so the per-request
 * timeout and cancellation are enforced here: the request races a timer and the signal, and the
 * loser's client is disposed and replaced, so its late answer is never read. Behind HTTPS_PROXY
 * (as the client decides it: NO_PROXY and loopback hosts go direct) the connections come from a
 * TunnelAgent of our own, which keeps tunnels alive where the client's opens one per request;
 * disposing destroys it with the client. Redirects are never followed: the client only strips
 * `authorization` on a cross-host redirect, and our key travels in another header. Every URL is
 * checked against the configured origin before it is sent.
 */
export class Transport {
  private client: HttpClient
  /** The tunnel agent of each client behind a proxy. */
  private readonly agents = new Map<HttpClient, TunnelAgent>()
  private readonly origin: string
  private readonly proxy: ProxyEndpoint | undefined
  private lastUsedAt = Number.NEGATIVE_INFINITY

  constructor(
    apiBase: string,
    private readonly headers: Record<string, string>,
    private readonly userAgent: string
  ) {
    this.origin = new URL(apiBase).origin
    this.proxy =
      new URL(apiBase).protocol === 'https:' ? proxyEndpoint(getProxyUrl(apiBase)) : undefined
    this.client = this.newClient()
  }

  async send(method: 'GET' | 'POST', url: string, options: SendOptions): Promise<Sent> {
    if (new URL(url).origin !== this.origin) {
      // A programming error, not a runtime condition: the key must only go to the API host.
      throw new Error('refusing to send a request outside the configured API host')
    }
    if (options.signal.aborted)
      return { ok: false, problem: { failure: 'aborted', answered: false } }
    this.dropIdleConnections()
    const client = this.client
    // Whether a status line came back: a host that answered once is known to be there.
    let answered = false
    const attempt = (async (): Promise<Sent> => {
      // An empty string body makes the client send Content-Length: 0 on the POST.
      const response = await client.request(method, url, method === 'POST' ? '' : null, {
        ...this.headers
      })
      answered = true
      const body = await readBody(response.message, options.bodyLimitBytes ?? BODY_LIMIT_BYTES)
      return {
        ok: true,
        value: {
          status: response.message.statusCode ?? 0,
          headers: response.message.headers,
          body
        }
      }
    })().catch((error: unknown): Sent => {
      if (error instanceof AnswerTooLarge) {
        return { ok: false, problem: { failure: 'network', answered, reason: error.message } }
      }
      const described = describeNetworkError(error)
      // After the status line, whatever went wrong cut the answer short.
      const reason = answered ? `the answer was cut off (${described.reason})` : described.reason
      return { ok: false, problem: { failure: 'network', answered, ...described, reason } }
    })

    let timer: NodeJS.Timeout | undefined
    let onAbort: (() => void) | undefined
    const stop = new Promise<Sent>((resolve) => {
      timer = setTimeout(
        () => {
          resolve({ ok: false, problem: { failure: 'timed-out', answered } })
        },
        Math.max(0, options.timeoutMs)
      )
      onAbort = () => {
        resolve({ ok: false, problem: { failure: 'aborted', answered } })
      }
      options.signal.addEventListener('abort', onAbort, { once: true })
    })
    try {
      const result = await Promise.race([attempt, stop])
      if (!result.ok && result.problem.failure !== 'network') {
        // The request lost the race: drop its client (and with it a direct socket), so a late
        // answer is never read.
        this.dispose(client)
        if (this.client === client) this.client = this.newClient()
      }
      return result
    } finally {
      this.lastUsedAt = performance.now()
      clearTimeout(timer)
      if (onAbort) options.signal.removeEventListener('abort', onAbort)
    }
  }

  close(): void {
    this.dispose(this.client)
  }

  /**
   * Servers close idle keep-alive connections (uvicorn after 5 s), and a request written just as
   * that happens is lost. Past a few idle seconds, a fresh connection is cheaper than the risk.
   */
  private dropIdleConnections(): void {
    if (performance.now() - this.lastUsedAt < IDLE_REUSE_LIMIT_MS) return
    if (this.lastUsedAt === Number.NEGATIVE_INFINITY) return
    this.dispose(this.client)
    this.client = this.newClient()
  }

  /** Drops a client with its sockets, tunnels included (each client has its own agent). */
  private dispose(client: HttpClient): void {
    client.dispose()
    const tunnels = this.agents.get(client)
    tunnels?.destroy()
    this.agents.delete(client)
  }

  private newClient(): HttpClient {
    const handlers: RequestHandler[] = []
    let tunnels: TunnelAgent | undefined
    if (this.proxy !== undefined) {
      tunnels = new TunnelAgent(this.proxy)
      const agent = tunnels
      handlers.push({
        // The client has chosen its `tunnel` agent by now; ours replaces it.
        prepareRequest: (options) => {
          options.agent = agent
        },
        canHandleAuthentication: () => false,
        handleAuthentication: () => Promise.reject(new Error('not an authentication handler'))
      })
    }
    const client = new HttpClient(this.userAgent, handlers, {
      allowRedirects: false,
      allowRetries: false,
      keepAlive: true
    })
    if (tunnels !== undefined) this.agents.set(client, tunnels)
    return client
  }
}

/** An answer longer than any the API sends: refused rather than read into memory. */
class AnswerTooLarge extends Error {
  constructor(limit: number) {
    super(`answer larger than ${Math.round(limit / 1024 / 1024)} MiB`)
  }
}

/** Reads the whole body; rejects when the connection drops mid-answer (readBody() would hang). */
function readBody(message: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    message.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        message.destroy(new AnswerTooLarge(limit))
        return
      }
      chunks.push(chunk)
    })
    message.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
    message.on('error', reject)
    message.on('close', () => {
      if (!message.complete) reject(new Error('connection closed in the middle of the answer'))
    })
  })
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ECONNABORTED: 'connection aborted',
  ETIMEDOUT: 'connection timed out',
  ENOTFOUND: HOST_NAME_NOT_FOUND,
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable'
}

/**
 * Failures that waiting cannot fix: the certificate (untrusted, expired, another name) and a port
 * that does not speak TLS at all. Other TLS alerts can be blips on a connection, and are retried.
 */
function isFatalTlsCode(code: string): boolean {
  return (
    /CERT|^UNABLE_TO_(GET|VERIFY)_|^DEPTH_ZERO_|^HOSTNAME_MISMATCH$/.test(code) ||
    /^ERR_SSL_(WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST)$/.test(code)
  )
}

/** A few log-safe words; never the request options, which hold the key. */
export function describeNetworkError(error: unknown): NetworkError {
  // Duck-typed, not `instanceof Error`: errors from another realm (a VM context) fail that test.
  if (typeof error !== 'object' || error === null || !('message' in error)) {
    return { reason: 'network error' }
  }
  const { message, code } = error as { message: unknown; code?: unknown }
  if (typeof message !== 'string') return { reason: 'network error' }
  const errorCode = typeof code === 'string' ? code : undefined
  // A tunnel agent (ours, and the `tunnel` package) words a refused CONNECT like this.
  const refused = /tunneling socket could not be established, statusCode=(\d+)/.exec(message)
  if (refused?.[1] !== undefined) {
    const proxyStatus = Number(refused[1])
    return { reason: `the proxy refused the tunnel (HTTP ${proxyStatus})`, proxyStatus }
  }
  if (message.startsWith('tunneling socket could not be established')) {
    const cause = /cause=(.*)$/.exec(message)?.[1] ?? ''
    return { reason: `could not reach the proxy (${describe(cause, undefined).slice(0, 120)})` }
  }
  // Node words a port that does not speak TLS, or a server with only TLS 1.0/1.1, as EPROTO.
  if (errorCode === 'EPROTO') {
    const found =
      /wrong version number|unsupported protocol|alert protocol version|packet length too long|http request/i
        .exec(message)?.[0]
        ?.toLowerCase()
    // Either side refusing the other's versions is the same fix: no version in common.
    const mismatch = found === 'alert protocol version' ? 'unsupported protocol' : found
    if (mismatch !== undefined) {
      return { reason: `TLS error (EPROTO: ${mismatch})`, tlsCode: `EPROTO: ${mismatch}` }
    }
  }
  if (errorCode !== undefined && isFatalTlsCode(errorCode)) {
    return { reason: `TLS error (${errorCode})`, tlsCode: errorCode }
  }
  if (errorCode !== undefined && /^ERR_(SSL|TLS)_/.test(errorCode)) {
    return { reason: `TLS error (${errorCode})` }
  }
  return { reason: describe(message, errorCode) }
}

function describe(message: string, code: string | undefined): string {
  if (message === 'socket hang up') return 'connection closed before an answer'
  if (code !== undefined && code in NETWORK_REASONS) return NETWORK_REASONS[code] ?? code
  if (message.startsWith('Request timeout')) return 'socket timed out'
  if (code !== undefined) return `network error (${code})`
  const known = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH)\b/.exec(
    message
  )
  if (known?.[1] !== undefined) return NETWORK_REASONS[known[1]] ?? known[1]
  return message.replace(/\s+/g, ' ').slice(0, 200)
}
