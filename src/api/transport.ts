import type { IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import type { RawResponse } from './classify.js'

export type Sent =
  | { ok: true; response: RawResponse }
  | { ok: false; failure: 'timed-out' | 'aborted' }
  | { ok: false; failure: 'network'; reason: string }

export interface SendOptions {
  timeoutMs: number
  signal: AbortSignal
}

const BODY_LIMIT_BYTES = 1024 * 1024

/**
 * HTTP for one API host, on @actions/http-client (which honours the runner's proxy settings).
 *
 * The client takes no AbortSignal and its socket timer is an inactivity timer, so the per-request
 * timeout and cancellation are enforced here: the request races a timer and the signal, and the
 * loser's client is disposed (which destroys its sockets) and replaced. Redirects are never
 * followed: the client only strips `authorization` on a cross-host redirect, and our key travels
 * in another header. Every URL is checked against the configured origin before it is sent.
 */
export class Transport {
  private client: HttpClient
  private readonly origin: string

  constructor(
    apiBase: string,
    private readonly headers: Record<string, string>,
    private readonly userAgent: string
  ) {
    this.origin = new URL(apiBase).origin
    this.client = this.newClient()
  }

  async send(method: 'GET' | 'POST', url: string, options: SendOptions): Promise<Sent> {
    if (new URL(url).origin !== this.origin) {
      // A programming error, not a runtime condition: the key must only go to the API host.
      throw new Error('refusing to send a request outside the configured API host')
    }
    if (options.signal.aborted) return { ok: false, failure: 'aborted' }
    const client = this.client
    const attempt = (async (): Promise<Sent> => {
      // An empty string body makes the client send Content-Length: 0 on the POST.
      const response = await client.request(method, url, method === 'POST' ? '' : null, {
        ...this.headers
      })
      const body = await readBody(response.message)
      return {
        ok: true,
        response: {
          status: response.message.statusCode ?? 0,
          headers: response.message.headers,
          body
        }
      }
    })().catch((error: unknown): Sent => ({
      ok: false,
      failure: 'network',
      reason: describeNetworkError(error)
    }))

    let timer: NodeJS.Timeout | undefined
    let onAbort: (() => void) | undefined
    const stop = new Promise<Sent>((resolve) => {
      timer = setTimeout(
        () => {
          resolve({ ok: false, failure: 'timed-out' })
        },
        Math.max(0, options.timeoutMs)
      )
      onAbort = () => {
        resolve({ ok: false, failure: 'aborted' })
      }
      options.signal.addEventListener('abort', onAbort, { once: true })
    })
    try {
      const result = await Promise.race([attempt, stop])
      if (!result.ok && result.failure !== 'network') {
        // The request lost the race: destroy its socket so it cannot linger or answer late.
        client.dispose()
        if (this.client === client) this.client = this.newClient()
      }
      return result
    } finally {
      clearTimeout(timer)
      if (onAbort) options.signal.removeEventListener('abort', onAbort)
    }
  }

  close(): void {
    this.client.dispose()
  }

  private newClient(): HttpClient {
    return new HttpClient(this.userAgent, [], {
      allowRedirects: false,
      allowRetries: false,
      keepAlive: true
    })
  }
}

/** Reads the whole body; rejects when the connection drops mid-answer (readBody() would hang). */
function readBody(message: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    message.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > BODY_LIMIT_BYTES) {
        message.destroy(new Error('answer larger than 1 MiB'))
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
  ENOTFOUND: 'host name not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable'
}

/** A few log-safe words; never the request options, which hold the key. */
export function describeNetworkError(error: unknown): string {
  // Duck-typed, not `instanceof Error`: errors from another realm (a VM context) fail that test.
  if (typeof error !== 'object' || error === null || !('message' in error)) return 'network error'
  const { message, code } = error as { message: unknown; code?: unknown }
  if (typeof message !== 'string') return 'network error'
  return describe(message, typeof code === 'string' ? code : undefined)
}

function describe(message: string, code: string | undefined): string {
  if (message === 'socket hang up') return 'connection closed before an answer'
  if (code !== undefined && code in NETWORK_REASONS) return NETWORK_REASONS[code] ?? code
  if (code !== undefined && /CERT|TLS|SSL/.test(code)) return `TLS error (${code})`
  if (message.startsWith('Request timeout')) return 'socket timed out'
  if (code !== undefined) return `network error (${code})`
  return message.replace(/\s+/g, ' ').slice(0, 200)
}
